#pragma once
// The daily exception report as data: what happened to exceptions in the report's day, the
// backlog at its end, the logistics KPIs of the same day, and every headline figure again for
// the 7 days before it (prior day, 7-day average). Writers (report_writer.h) render it.
//
//   Result<DailyReport> r = build_daily_report(store, {.as_of = t, .calendar = &cal});
//
// The day is the 24 h ending at as-of, or the last whole calendar day in a time zone by as-of
// (ReportOptions::day, report_window.h, which also says which window an instant belongs to).
//
// Reads the store only (DESIGN.md): works on a store opened with StoreOptions::read_only. A
// database where no rule ever ran has no exceptions track; the report then says so
// (exceptions_tracked = false) and counts zero exceptions instead of failing.
//
// Errors are values: database errors come back as a Failure naming the query.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "exceptions/business_calendar.h"
#include "orders/model.h"
#include "orders/status.h"
#include "orders/store.h"
#include "orders/time_zone.h"
#include "reports/ratio.h"
#include "reports/report_window.h"

namespace ordex::reports {

using orders::Instant;
using orders::Result;

inline constexpr Instant kDaySeconds = 24 * 3600;
// The windows before the report's own: prior day and 7-day average.
inline constexpr int kHistoryDays = 7;

// Exception figures of one window.
struct ExceptionDay {
  std::int64_t opened = 0;    // opened_at in the window (a reopen counts again)
  std::int64_t resolved = 0;  // resolved_at in the window, status resolved
  std::int64_t backlog = 0;   // open or waiting at the window's end
  std::int64_t breached = 0;  // of the backlog, past a due instant at the end
  std::int64_t at_risk = 0;   // of the backlog, past at_risk_at but not breached
  Ratio response_sla;         // met / (met + breached), response clocks ended in the window
  Ratio resolve_sla;          // the same for resolution clocks
  std::optional<double> ttr_p50_hours, ttr_p90_hours;  // business hours, resolved in window
};

// Logistics figures of one window (definitions in logistics_kpis.h).
struct LogisticsDay {
  Ratio on_time, otif;
  Ratio fill_units{.decimal = true};  // ordered and shipped units
  Ratio fill_lines, fill_orders;
  Ratio asn_timely, asn_accurate;
  Ratio fa_compliance;
  Ratio edi_rejection;
};

struct DayFigures {
  Window window;
  ExceptionDay exceptions;
  LogisticsDay logistics;
};

// One row of a by-type / queue / partner / severity table, for the report's window.
struct Breakdown {
  std::string name;
  std::int64_t opened = 0, resolved = 0, backlog = 0, breached = 0;
};

// An exception of the breached or at-risk list.
struct ListedException {
  std::int64_t id = 0;
  std::string type, severity, partner, po, queue, assignee, summary;
  std::optional<Instant> due;  // the due instant that is (or is about to be) missed
  Instant opened_at = 0;
};

// Lists longer than this are cut in the HTML and JSON forms (which give the full count); the
// CSV form has every row.
inline constexpr std::size_t kListedInJson = 100;

struct ErrorCount {
  std::string code;  // findings.code: AK4:7, TA1:022, CONTRL:12 ...
  std::int64_t count = 0;
};

// EDI documents of one partner received in the window.
struct PartnerEdi {
  std::string partner;  // "" when the document named none
  std::int64_t documents = 0, rejected = 0;
  std::vector<ErrorCount> top_errors;  // at most 3, most frequent first, then by code
};

// The aging buckets of the backlog: 0-24 h, 1-2 d, 2-3 d, 3-5 d, 5-10 d, > 10 d.
inline constexpr std::array<const char*, 6> kAgingBuckets = {"0-24h", "1-2d",  "2-3d",
                                                             "3-5d",  "5-10d", ">10d"};

struct DailyReport {
  Instant as_of = 0;
  DayMode day_mode = DayMode::kRolling;
  std::string timezone;  // of the local day; "" when rolling
  // Where the report's readers are (the local day's zone, else calendar.default's when run
  // from the CLI, else UTC): the HTML shows its times there, JSON and CSV in UTC.
  orders::TimeZone zone;
  std::string local_day;  // "2026-11-22" when local; "" when rolling
  // The report's day as people name it: [start, end] when rolling (start excluded), [start,
  // end) when local. days[0].window is the same span in report_window.h's terms.
  Instant window_start = 0, window_end = 0;
  bool exceptions_tracked = true;
  std::string calendar;  // the business calendar TTR is counted on
  // [0] the report's window, [1] the prior day, ... [7]: kHistoryDays + 1 entries.
  std::vector<DayFigures> days;
  std::array<std::int64_t, kAgingBuckets.size()> aging{};
  std::vector<Breakdown> by_type, by_queue, by_partner, by_severity;
  std::vector<ListedException> breached, at_risk;
  std::vector<PartnerEdi> edi_partners;
};

struct ReportOptions {
  Instant as_of = 0;
  // Counts time to resolve in business hours; required.
  const exceptions::BusinessCalendar* calendar = nullptr;
  DayDefinition day;  // the rolling 24 h unless set
};

Result<DailyReport> build_daily_report(orders::Store& store, const ReportOptions& options);

}  // namespace ordex::reports
