#pragma once
// The report's daily windows: the day it is about and the 7 before it, either the 24 hours
// ending at as-of (rolling) or whole calendar days in one time zone (local).
//
// Every window is half-open on the right, [from, to), in whole seconds. A rolling window is
// (as_of - 24 h, as_of], written as [as_of - 24 h + 1, as_of + 1): an instant exactly at as-of
// counts today, one exactly 24 h earlier belongs to the prior day. A local window is one
// calendar day, [00:00, next 00:00) on the zone's clock, 23 or 25 hours long across a DST
// change. The windows of a report follow one another without gap or overlap, so every instant
// belongs to at most one of them.
//
// "State at the end" of a window (backlog, breached, aging, in full) is read at last(), the
// window's final second: as-of itself when rolling, 23:59:59 local when local.

#include <optional>
#include <string>
#include <vector>

#include "orders/model.h"
#include "orders/time_zone.h"

namespace ordex::reports {

using orders::Instant;

struct Window {
  Instant from = 0;
  Instant to = 0;

  bool contains(Instant t) const { return t >= from && t < to; }
  bool contains(std::optional<Instant> t) const { return t && contains(*t); }
  Instant last() const { return to - 1; }
};

enum class DayMode { kRolling, kLocal };

// What "the day" of a report is.
struct DayDefinition {
  DayMode mode = DayMode::kRolling;
  // The local day's zone; when rolling, where the readers are (the HTML's times).
  orders::TimeZone zone;
};

// `count` windows, newest first, each ending where the one before it starts. Rolling: the first
// ends at as-of. Local: the first is the last calendar day that has ended by as-of ("yesterday"
// for a report run during the day; the day just ended for one run exactly at midnight).
std::vector<Window> daily_windows(Instant as_of, const DayDefinition& day, int count);

// The index in `windows` (as daily_windows returns them) of the window holding `t`; -1 for none.
int window_index(const std::vector<Window>& windows, Instant t);

// "rolling" or "local".
const char* day_mode_name(DayMode mode);

}  // namespace ordex::reports
