#pragma once
// Calendar checks for EDI date and time values (used by envelopes and the validator).

#include <string_view>

namespace ordex::edi {

// CCYYMMDD (8 digits) or YYMMDD (6 digits) naming a real calendar day.
bool is_valid_date(std::string_view value);

// HHMM, HHMMSS, HHMMSSD or HHMMSSDD with hours < 24, minutes and seconds < 60.
bool is_valid_time(std::string_view value);

bool is_all_digits(std::string_view value);

}  // namespace ordex::edi
