#include "reports/daily_report.h"

#include "orders/database.h"
#include "reports/exception_facts.h"
#include "reports/exception_figures.h"
#include "reports/logistics_kpis.h"
#include "reports/order_facts.h"

namespace ordex::reports {

namespace {

void describe_day(const ReportOptions& options, const Window& window, DailyReport& report) {
  report.as_of = options.as_of;
  report.day_mode = options.day.mode;
  report.zone = options.day.zone;
  if (options.day.mode == DayMode::kLocal) {
    report.timezone = options.day.zone.name();
    report.local_day = orders::local_day(window.from, options.day.zone);
    report.window_start = window.from;
    report.window_end = window.to;
  } else {
    report.window_start = window.from - 1;
    report.window_end = window.last();
  }
}

}  // namespace

Result<DailyReport> build_daily_report(orders::Store& store, const ReportOptions& options) {
  if (options.calendar == nullptr) return orders::Failure{"report: no business calendar"};
  const std::vector<Window> windows = daily_windows(options.as_of, options.day, kHistoryDays + 1);
  Result<ExceptionFacts> exceptions =
      load_exception_facts(store.database(), windows.back().from - 1, windows.front().last());
  if (!exceptions.ok()) return orders::Failure{exceptions.error()};
  Result<OrderFacts> orders = load_order_facts(store.database(), exceptions.value().tracked);
  if (!orders.ok()) return orders::Failure{orders.error()};

  DailyReport report;
  describe_day(options, windows.front(), report);
  report.exceptions_tracked = exceptions.value().tracked;
  report.calendar = options.calendar->name();
  const std::vector<ExceptionFact>& facts = exceptions.value().rows;
  std::vector<ExceptionDay> days = exception_days(facts, windows, *options.calendar);
  for (std::size_t k = 0; k < windows.size(); ++k) {
    report.days.push_back(
        DayFigures{windows[k], std::move(days[k]), logistics_day(orders.value(), windows[k])});
  }
  fill_window_details(facts, windows.front(), report);
  report.edi_partners = edi_by_partner(orders.value(), windows.front());
  return report;
}

}  // namespace ordex::reports
