#pragma once
// SLA targets: an amount of business time, as a config file writes it ("1h", "2d", "1d4h30m").
//
// A business day is not 24 hours: it is the calendar's working day (BusinessCalendar::
// day_seconds(), 9 h for 08:00-17:00), so "2d" opened Monday 10:00 on that calendar is due
// Wednesday 10:00. Days are kept apart from hours until a calendar is known, so one policy can
// serve calendars with different hours.

#include <cstdint>
#include <string>
#include <string_view>

#include "edi/result.h"

namespace ordex::exceptions {

class BusinessCalendar;

struct BusinessDuration {
  std::int64_t days = 0;
  std::int64_t seconds = 0;  // hours and minutes, always business time

  static BusinessDuration hours(std::int64_t h) { return {0, h * 3600}; }
  static BusinessDuration business_days(std::int64_t d) { return {d, 0}; }

  // Business seconds on `calendar`.
  std::int64_t seconds_on(const BusinessCalendar& calendar) const;

  friend bool operator==(const BusinessDuration&, const BusinessDuration&) = default;
};

// One or more <number><unit> terms, unit d (business days), h or m, in that order, each at most
// once: "90m", "4h", "2d", "1d4h30m"; no spaces inside, numbers of at most 5 digits, a positive
// total. Failure names the value.
edi::Result<BusinessDuration> parse_business_duration(std::string_view text);

// The shortest text parse_business_duration() reads back: "1d4h30m", "90m" prints as "1h30m".
std::string to_string(const BusinessDuration& duration);

}  // namespace ordex::exceptions
