#pragma once
// When a daemon job runs: a 5-field cron expression or a fixed interval (config key
// jobs.N.schedule; serve.sweep.every takes an interval).
//
//   auto s = Schedule::parse("*/5 6-18 * * mon-fri");   // or "every 30s", "@hourly"
//   std::optional<Instant> next = s.value().next_after(now, zone);
//
// Cron fields, in order: minute 0-59, hour 0-23, day of month 1-31, month 1-12 (or jan..dec),
// day of week 0-7 (0 and 7 are Sunday; or sun..sat). Each field is `*`, a number, a range
// `a-b`, either with a step `/n`, or a comma list of those. As in Vixie cron, when both day
// fields are restricted (neither starts with `*`) a day matches when either does. Times are
// wall-clock times in `zone`: a time skipped when clocks go forward runs at the same offset
// after the change, and the hour repeated when clocks go back runs once. Macros: @hourly,
// @daily (@midnight), @weekly, @monthly, @yearly (@annually).
//
// "every N" with N as parse_interval reads it runs N seconds after the previous run.
//
// Errors are values: a malformed expression is a Failure naming the field and the text.

#include <bitset>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "orders/status.h"
#include "orders/time_zone.h"

namespace ordex::app::serve {

// "30s", "5m", "2h", "1h30m", "90" (seconds): one or more <number><unit> terms, units h, m, s
// in that order; a positive total. Failure names the text.
orders::Result<std::int64_t> parse_interval(std::string_view text);

class Schedule {
 public:
  static orders::Result<Schedule> parse(std::string_view text);
  static Schedule every(std::int64_t seconds);

  // The first instant strictly after `after` when the schedule fires; nullopt when a cron
  // expression never fires within five years (e.g. "0 0 30 2 *").
  std::optional<orders::Instant> next_after(orders::Instant after,
                                            const orders::TimeZone& zone) const;

  const std::string& text() const { return text_; }
  std::int64_t interval() const { return every_; }  // 0 for a cron expression

 private:
  bool day_matches(int year, int month, int day) const;

  std::string text_;
  std::int64_t every_ = 0;
  std::bitset<60> minutes_;
  std::bitset<24> hours_;
  std::bitset<32> days_;     // 1-31
  std::bitset<13> months_;   // 1-12
  std::bitset<7> weekdays_;  // 0 = Sunday
  bool days_star_ = true;    // the day-of-month field starts with '*'
  bool weekdays_star_ = true;
};

// The zone cron expressions are read in: `name` (serve.timezone) when given, else the
// system's local zone, else UTC.
orders::Result<orders::TimeZone> schedule_zone(const std::string& name);

}  // namespace ordex::app::serve
