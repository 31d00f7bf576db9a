#pragma once
// Business calendars: when a team works, so an SLA counts only working time.
//
// A calendar is a time zone, the working hours of each weekday (one interval per day, local
// wall-clock time) and a list of holidays (local dates with no working time). Working time on a
// day is the span between the instants its local opening and closing times name, so on a DST
// day 08:00-17:00 is still 9 h, and a 00:00-24:00 day is 23 h or 25 h. Local times skipped or
// repeated by a DST change are read as orders::TimeZone reads them (gap: moved forward; overlap:
// the earlier instant).
//
// Every operation is on UTC instants (orders::Instant, seconds since the epoch) whose local dates
// lie in Boost.DateTime's range (years 1400-9999). make() refuses a week without working hours,
// so next_opening() finds an opening within every holiday plus eight days; it and
// add_business_seconds() return kNever only when none is found (a DST gap swallowing a day's
// only working hours, or the answer would fall after 9999-12-31). Never loops without bound.
//
// PERF NOTES: operations walk local days from the first instant to the last, two time zone
// look-ups per working day and none for days off (a year is ~520 look-ups, well under a
// millisecond); they never step through minutes or hours.
//
// Thread-safe: a calendar is immutable after make(); copies are independent.

#include <array>
#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "edi/result.h"
#include "orders/model.h"
#include "orders/time_zone.h"

namespace ordex::exceptions {

using orders::Instant;

inline constexpr Instant kNever = std::numeric_limits<Instant>::max();

// [open, close) in minutes after local midnight; close may be 1440 (24:00).
struct WorkingHours {
  int open_minute = 8 * 60;
  int close_minute = 17 * 60;
  friend bool operator==(const WorkingHours&, const WorkingHours&) = default;
};

// Indexed by boost::date_time::weekdays (Sunday = 0 ... Saturday = 6); nullopt: a day off.
using WorkingWeek = std::array<std::optional<WorkingHours>, 7>;

// Monday to Friday with `hours`, Saturday and Sunday off.
WorkingWeek office_week(WorkingHours hours = {});

class BusinessCalendar {
 public:
  // "default": Monday to Friday 08:00-17:00 UTC, no holidays.
  BusinessCalendar();

  // Failure when a day's hours are not 0 <= open < close <= 1440, or no day has working hours.
  // Holidays may be in any order and repeat.
  static edi::Result<BusinessCalendar> make(std::string name, orders::TimeZone zone,
                                            WorkingWeek week,
                                            std::vector<boost::gregorian::date> holidays);

  const std::string& name() const { return name_; }
  const orders::TimeZone& zone() const { return zone_; }
  const WorkingWeek& week() const { return week_; }
  const std::vector<boost::gregorian::date>& holidays() const { return holidays_; }  // sorted

  // The nominal length of the calendar's longest working day (9 h for 08:00-17:00): what a
  // "business day" of an SLA target means on this calendar.
  std::int64_t day_seconds() const;

  // Working seconds in [from, to); 0 when to <= from.
  std::int64_t business_seconds(Instant from, Instant to) const;

  // The earliest instant at which `seconds` working seconds have passed since `from`; a `from`
  // outside working hours starts counting at the next opening. `seconds` <= 0 gives `from`.
  // Ending exactly at a closing time gives that closing instant, not the next opening.
  Instant add_business_seconds(Instant from, std::int64_t seconds) const;

  bool is_working(Instant at) const;

  // The first working instant at or after `at` (`at` itself during working hours).
  Instant next_opening(Instant at) const;

  // Working time of one local day as [open, close) instants; nullopt on a day off or holiday.
  struct Span {
    Instant open;
    Instant close;
  };
  std::optional<Span> working_span(boost::gregorian::date day) const;

  bool is_holiday(boost::gregorian::date day) const;

 private:
  boost::gregorian::date local_date(Instant at) const;
  // How many days next_opening() may look ahead: past every holiday and a full week more.
  std::size_t search_horizon_days() const { return holidays_.size() + 8; }

  std::string name_ = "default";
  orders::TimeZone zone_;
  WorkingWeek week_ = office_week();
  std::vector<boost::gregorian::date> holidays_;
};

}  // namespace ordex::exceptions
