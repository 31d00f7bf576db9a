#pragma once
// Checks one simple data element value against its dictionary definition: characters,
// length as the standards count it, code list, date and time.

#include <string_view>

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

}  // namespace ordex::edi
