#include "exceptions/duration.h"

#include "exceptions/business_calendar.h"

namespace ordex::exceptions {

std::int64_t BusinessDuration::seconds_on(const BusinessCalendar& calendar) const {
  return days * calendar.day_seconds() + seconds;
}

edi::Result<BusinessDuration> parse_business_duration(std::string_view text) {
  const auto bad = [&] {
    return edi::Failure{"'" + std::string(text) +
                        "' is not a business duration (e.g. 90m, 4h, 2d, 1d4h30m)"};
  };
  constexpr std::string_view kUnits = "dhm";
  constexpr std::int64_t kUnitSeconds[] = {0, 3600, 60};
  BusinessDuration out;
  std::size_t next_unit = 0;  // units must come in d, h, m order, each once
  std::size_t at = 0;
  while (at < text.size()) {
    std::int64_t number = 0;
    std::size_t digits = 0;
    for (; at < text.size() && text[at] >= '0' && text[at] <= '9'; ++at, ++digits) {
      number = number * 10 + (text[at] - '0');
    }
    if (digits == 0 || digits > 5 || at == text.size()) return bad();
    const std::size_t unit = kUnits.find(text[at++]);
    if (unit == std::string_view::npos || unit < next_unit) return bad();
    next_unit = unit + 1;
    if (unit == 0) {
      out.days = number;
    } else {
      out.seconds += number * kUnitSeconds[unit];
    }
  }
  if (out.days == 0 && out.seconds == 0) return bad();
  return out;
}

std::string to_string(const BusinessDuration& duration) {
  std::string out;
  if (duration.days != 0) out += std::to_string(duration.days) + "d";
  if (duration.seconds / 3600 != 0) out += std::to_string(duration.seconds / 3600) + "h";
  if (duration.seconds % 3600 / 60 != 0) out += std::to_string(duration.seconds % 3600 / 60) + "m";
  return out.empty() ? "0m" : out;
}

}  // namespace ordex::exceptions
