#pragma once
// The delimiter sets the edi unit tests write their inputs with: X12 as most partners send it
// (ISA16 '>', ISA11 '^') and EDIFACT syntax 4 with its default UNA (release '?').

#include "edi/delimiters.h"

namespace ordex::edi::testing {

inline Delimiters x12() {
  Delimiters d;
  d.segment = '~';
  d.element = '*';
  d.component = '>';
  d.repetition = '^';
  return d;
}

inline Delimiters edifact() {
  Delimiters d;
  d.segment = '\'';
  d.element = '+';
  d.component = ':';
  d.repetition = '*';
  d.release = '?';
  return d;
}

}  // namespace ordex::edi::testing
