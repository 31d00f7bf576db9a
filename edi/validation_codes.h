#pragma once
// What the validator can find wrong, independent of the standard, and the code each
// problem carries in X12 (AK5 / AK3 / AK4) and EDIFACT (CONTRL, data element 0085).

#include <cstdint>
#include <string_view>

#include "edi/delimiters.h"
#include "edi/finding.h"

namespace ordex::edi {

enum class Problem : std::uint8_t {
  kNone,
  // Transaction set / message.
  kSetNotSupported,
  kSetNotInGroup,
  kFindingsSuppressed,
  // Segments.
  kUnrecognizedSegment,
  kUnexpectedSegment,
  kSegmentMissing,
  kLoopOverMax,
  kSegmentOverMax,
  kSegmentOutOfSequence,
  // Elements and components.
  kElementMissing,
  kConditionalMissing,
  kExclusionViolated,
  kTooManyElements,
  kTooShort,
  kTooLong,
  kInvalidCharacter,      // a control character (X12 AK4:6, EDIFACT 21)
  kInvalidCharacterType,  // a letter in a numeric, a digit in an alphabetic (AK4:6, 37)
  kInvalidCode,
  kInvalidDate,
  kInvalidTime,
  kTooManyRepetitions,
  kTooManyComponents,
  kInvalidDecimalNotation,     // EDIFACT 19; X12 AK4:6
  kMissingDigitBeforeDecimal,  // EDIFACT 38; X12 accepts ".5"
};

// Which code lists apply. X12 before 005010 lacks AK502 code 18 and AK403 codes 12 and 13,
// so those problems take the nearest older code (see code_for).
struct CodeContext {
  Standard standard = Standard::kX12;
  bool x12_005010 = false;
};

Code code_for(Problem problem, const CodeContext& context);

// A short phrase for messages: "mandatory element missing".
std::string_view describe(Problem problem);

}  // namespace ordex::edi
