#pragma once
// Which deliberate error, if any, a transaction gets, and the code a validator must report
// for it. The same five kinds exist in both standards; only the reported code differs.

#include <cstdint>
#include <string_view>

#include "documents.h"
#include "prng.h"

namespace ordex::bench {

enum class ErrorKind : std::uint8_t {
  kNone,
  kInvalidCode,     // a coded or numeric value outside its domain
  kInvalidDate,     // a well-formed date with month 13
  kMissingElement,  // a mandatory element sent empty (in the middle of its segment)
  kMissingSegment,  // the mandatory beginning segment (BEG/BAK/BSN/BIG/B10, BGM) left out
  kWrongCount,      // SE01 / UNT 0074 off by one
};

// X12: AK4:7, AK4:8, AK4:1, AK3:3, AK5:4. EDIFACT (CONTRL 0085): 12, 12, 13, 13, 29.
std::string_view error_code(ErrorKind kind, Standard standard);

// One draw per transaction: kNone with probability 1 - rate, else one kind, uniformly.
ErrorKind pick_error(Rng& rng, double rate);

}  // namespace ordex::bench
