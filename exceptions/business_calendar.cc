#include "exceptions/business_calendar.h"

#include <algorithm>
#include <utility>

namespace ordex::exceptions {
namespace {

namespace greg = boost::gregorian;

constexpr int kMinutesPerDay = 24 * 60;

// The last day whose following midnight Boost.DateTime can still name (a 24:00 close).
const greg::date kLastDay(9999, 12, 30);

orders::CivilTime civil_at(greg::date day, int minute) {
  if (minute == kMinutesPerDay) {
    day += greg::days(1);
    minute = 0;
  }
  orders::CivilTime t;
  t.year = day.year();
  t.month = day.month();
  t.day = day.day();
  t.hour = minute / 60;
  t.minute = minute % 60;
  return t;
}

bool valid(const WorkingHours& h) {
  return h.open_minute >= 0 && h.open_minute < h.close_minute && h.close_minute <= kMinutesPerDay;
}

}  // namespace

WorkingWeek office_week(WorkingHours hours) {
  WorkingWeek week;
  for (int day = greg::Monday; day <= greg::Friday; ++day) week[day] = hours;
  return week;
}

BusinessCalendar::BusinessCalendar() = default;

edi::Result<BusinessCalendar> BusinessCalendar::make(std::string name, orders::TimeZone zone,
                                                     WorkingWeek week,
                                                     std::vector<greg::date> holidays) {
  bool any = false;
  for (const std::optional<WorkingHours>& h : week) {
    if (h && !valid(*h)) {
      return edi::Failure{"calendar " + name + ": working hours must open before they close"};
    }
    any = any || h.has_value();
  }
  if (!any) return edi::Failure{"calendar " + name + ": no working day"};
  std::sort(holidays.begin(), holidays.end());
  holidays.erase(std::unique(holidays.begin(), holidays.end()), holidays.end());
  BusinessCalendar calendar;
  calendar.name_ = std::move(name);
  calendar.zone_ = zone;
  calendar.week_ = week;
  calendar.holidays_ = std::move(holidays);
  return calendar;
}

std::int64_t BusinessCalendar::day_seconds() const {
  int longest = 0;
  for (const std::optional<WorkingHours>& h : week_) {
    if (h) longest = std::max(longest, h->close_minute - h->open_minute);
  }
  return std::int64_t{longest} * 60;
}

bool BusinessCalendar::is_holiday(greg::date day) const {
  return std::binary_search(holidays_.begin(), holidays_.end(), day);
}

greg::date BusinessCalendar::local_date(Instant at) const {
  const orders::CivilTime t = zone_.to_local(at);
  return greg::date(static_cast<unsigned short>(t.year), static_cast<unsigned short>(t.month),
                    static_cast<unsigned short>(t.day));
}

std::optional<BusinessCalendar::Span> BusinessCalendar::working_span(greg::date day) const {
  const std::optional<WorkingHours>& hours = week_[day.day_of_week().as_number()];
  if (!hours || is_holiday(day)) return std::nullopt;
  const Span span{zone_.to_instant(civil_at(day, hours->open_minute)),
                  zone_.to_instant(civil_at(day, hours->close_minute))};
  // Both ends inside one DST gap move by the same amount; only a gap wider than the day's hours
  // could leave nothing, and then the day has no working time.
  if (span.close <= span.open) return std::nullopt;
  return span;
}

bool BusinessCalendar::is_working(Instant at) const {
  const std::optional<Span> span = working_span(local_date(at));
  return span && span->open <= at && at < span->close;
}

Instant BusinessCalendar::next_opening(Instant at) const {
  greg::date day = local_date(at);
  for (std::size_t i = 0; i <= search_horizon_days() && day <= kLastDay; ++i) {
    const std::optional<Span> span = working_span(day);
    if (span && span->close > at) return std::max(span->open, at);
    day += greg::days(1);
  }
  return kNever;
}

std::int64_t BusinessCalendar::business_seconds(Instant from, Instant to) const {
  if (to <= from) return 0;
  const greg::date last = local_date(to);
  std::int64_t total = 0;
  // `counted` keeps a span that a DST gap pushed past midnight from being counted twice.
  Instant counted = from;
  for (greg::date day = local_date(from); day <= last; day += greg::days(1)) {
    const std::optional<Span> span = working_span(day);
    if (!span) continue;
    const Instant lo = std::max(span->open, counted);
    const Instant hi = std::min(span->close, to);
    if (hi > lo) {
      total += hi - lo;
      counted = hi;
    }
  }
  return total;
}

Instant BusinessCalendar::add_business_seconds(Instant from, std::int64_t seconds) const {
  if (seconds <= 0) return from;
  std::int64_t remaining = seconds;
  Instant counted = from;
  for (greg::date day = local_date(from); day <= kLastDay; day += greg::days(1)) {
    const std::optional<Span> span = working_span(day);
    if (!span) continue;
    const Instant lo = std::max(span->open, counted);
    if (span->close <= lo) continue;
    if (remaining <= span->close - lo) return lo + remaining;
    remaining -= span->close - lo;
    counted = span->close;
  }
  return kNever;
}

}  // namespace ordex::exceptions
