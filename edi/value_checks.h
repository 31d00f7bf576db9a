#pragma once
// Checks one simple data element value against its dictionary definition: characters,
// length as the standards count it, code list, date and time.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "edi/datetime_check.h"
#include "edi/schema.h"
#include "edi/validation_codes.h"

namespace ordex::edi {

struct ValueRules {
  bool edifact = false;
  char decimal = '.';     // EDIFACT: the UNA decimal mark; X12: always '.'
  bool exponent = false;  // X12 R may end in E[-]digits (005010 on)
  bool utf8 = false;      // lengths count code points (EDIFACT UNOW / UNOY)
};

// `value` is non-empty and already unescaped. Returns the first problem, or kNone: a bad
// character before a bad length before a bad code, date or time.
//  - Nn: optional leading minus, then digits; the length counts the digits.
//  - R / EDIFACT n: optional leading minus, digits with at most one decimal mark (EDIFACT:
//    the UNA one, with a digit on both sides), an exponent in X12 005010; the length
//    counts the digits. X12.6: a plus sign is never transmitted.
//  - DT: CCYYMMDD or YYMMDD, a real day; TM: HHMM[SS[D[D]]].
//  - AN / ID / an / a: no control characters; a: no digits.
// `may_have_control` false says the caller has already seen that `value` holds no control
// character, which saves text values a pass over their bytes.
Problem check_value(std::string_view value, const ElementDef& def, const ValueRules& rules,
                    bool may_have_control = true);

// A date/time value under its format qualifier: EDIFACT 2379 (101, 102, 201, 203, 204, 401,
// 718) or X12 1250 (D6, D8, DT, RD8, TM). kInvalidDate (kInvalidTime for a time-only
// format) when it does not match; kNone when it does or the format is not one of those.
Problem check_date_format(std::string_view format, std::string_view value);

// Inline acceptance tests for the validator's hot path. Each answers true only when
// check_value() (with `may_have_control` false, no code list, single-byte characters) would
// answer kNone; false means "ask check_value()", which then says what is wrong, if anything.
namespace accept {

inline bool is_digit(char c) { return static_cast<unsigned char>(c - '0') <= 9; }

inline bool length(std::size_t n, std::uint16_t min, std::uint16_t max) {
  return n >= min && n <= max;
}

// Nn: [-]digits, the length counting the digits.
inline bool integer(std::string_view v, std::uint16_t min, std::uint16_t max) {
  const std::size_t sign = v[0] == '-' ? 1 : 0;
  for (std::size_t i = sign; i < v.size(); ++i) {
    if (!is_digit(v[i])) return false;
  }
  return v.size() > sign && length(v.size() - sign, min, max);
}

// R / EDIFACT n in its plain form, [-]digits[<mark>digits] with digits on both sides of the
// mark; other valid forms (X12 "5.", ".5", an exponent) are left to check_value().
inline bool decimal(std::string_view v, char mark, std::uint16_t min, std::uint16_t max) {
  std::size_t i = v[0] == '-' ? 1 : 0;
  const std::size_t first = i;
  while (i < v.size() && is_digit(v[i])) ++i;
  const std::size_t before = i - first;
  if (before == 0) return false;
  if (i == v.size()) return length(before, min, max);
  if (v[i] != mark || ++i == v.size()) return false;
  const std::size_t after_start = i;
  while (i < v.size() && is_digit(v[i])) ++i;
  return i == v.size() && length(before + (i - after_start), min, max);
}

inline bool date(std::string_view v, std::uint16_t min, std::uint16_t max) {
  return length(v.size(), min, max) && is_valid_date(v);
}

inline bool time(std::string_view v, std::uint16_t min, std::uint16_t max) {
  return length(v.size(), min, max) && is_valid_time(v);
}

}  // namespace accept

}  // namespace ordex::edi
