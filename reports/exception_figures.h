#pragma once
// Exception figures of one daily window from the facts (exception_facts.h). Pure functions of
// their inputs: the same facts and window end give the same figures.

#include <vector>

#include "exceptions/business_calendar.h"
#include "reports/daily_report.h"
#include "reports/exception_facts.h"

namespace ordex::reports {

// The headline figures of each window, in one pass over the facts: windows as daily_windows()
// gives them, one ExceptionDay per window in the same order. Time to resolve is counted in
// working seconds of `calendar` from opened_at to resolved_at; percentiles are nearest-rank.
std::vector<ExceptionDay> exception_days(const std::vector<ExceptionFact>& facts,
                                         const std::vector<Window>& windows,
                                         const exceptions::BusinessCalendar& calendar);

// The details of the report's own window: aging of the backlog, the four breakdowns, the
// breached and at-risk lists (sorted by due, then id).
void fill_window_details(const std::vector<ExceptionFact>& facts, const Window& window,
                         DailyReport& report);

// Nearest-rank percentile (p in (0, 100]) of values; nullopt when empty. Sorts `values`.
std::optional<double> percentile(std::vector<double>& values, double p);

}  // namespace ordex::reports
