#include "reports/report_window.h"

#include <boost/date_time/gregorian/gregorian_types.hpp>

namespace ordex::reports {

namespace {

constexpr Instant kDay = 24 * 3600;

boost::gregorian::date civil_date(const orders::CivilTime& t) {
  return boost::gregorian::date(static_cast<unsigned short>(t.year),
                                static_cast<unsigned short>(t.month),
                                static_cast<unsigned short>(t.day));
}

// The instant the local day `d` starts in `zone` (its 00:00, or the first instant after a
// skipped midnight, as TimeZone::to_instant resolves gaps).
Instant local_midnight(boost::gregorian::date d, const orders::TimeZone& zone) {
  orders::CivilTime midnight;
  midnight.year = d.year();
  midnight.month = d.month();
  midnight.day = d.day();
  return zone.to_instant(midnight);
}

std::vector<Window> local_windows(Instant as_of, const orders::TimeZone& zone, int count) {
  boost::gregorian::date today = civil_date(zone.to_local(as_of));
  // A zone whose midnight is skipped resolves it forward; as-of may then precede "today".
  if (local_midnight(today, zone) > as_of) today -= boost::gregorian::days(1);
  std::vector<Window> windows;
  Instant to = local_midnight(today, zone);
  for (int k = 1; k <= count; ++k) {
    const Instant from = local_midnight(today - boost::gregorian::days(k), zone);
    windows.push_back(Window{from, to});
    to = from;
  }
  return windows;
}

}  // namespace

std::vector<Window> daily_windows(Instant as_of, const DayDefinition& day, int count) {
  if (day.mode == DayMode::kLocal) return local_windows(as_of, day.zone, count);
  std::vector<Window> windows;
  for (int k = 0; k < count; ++k) {
    const Instant to = as_of + 1 - k * kDay;
    windows.push_back(Window{to - kDay, to});
  }
  return windows;
}

int window_index(const std::vector<Window>& windows, Instant t) {
  for (std::size_t k = 0; k < windows.size(); ++k) {
    if (windows[k].contains(t)) return static_cast<int>(k);
  }
  return -1;
}

const char* day_mode_name(DayMode mode) { return mode == DayMode::kLocal ? "local" : "rolling"; }

}  // namespace ordex::reports
