#include "reports/daily_report.h"

#include "orders/database.h"
#include "reports/exception_facts.h"
#include "reports/exception_figures.h"
#include "reports/logistics_kpis.h"
#include "reports/order_facts.h"

namespace ordex::reports {

Result<DailyReport> build_daily_report(orders::Store& store, const ReportOptions& options) {
  if (options.calendar == nullptr) return orders::Failure{"report: no business calendar"};
  const Instant oldest_start = options.as_of - (kHistoryDays + 1) * kDaySeconds;
  Result<ExceptionFacts> exceptions =
      load_exception_facts(store.database(), oldest_start, options.as_of);
  if (!exceptions.ok()) return orders::Failure{exceptions.error()};
  Result<OrderFacts> orders = load_order_facts(store.database(), exceptions.value().tracked);
  if (!orders.ok()) return orders::Failure{orders.error()};

  DailyReport report;
  report.as_of = options.as_of;
  report.exceptions_tracked = exceptions.value().tracked;
  report.calendar = options.calendar->name();
  const std::vector<ExceptionFact>& facts = exceptions.value().rows;
  for (int k = 0; k <= kHistoryDays; ++k) {
    const Instant end = options.as_of - k * kDaySeconds;
    report.days.push_back(DayFigures{end, exception_day(facts, end, *options.calendar),
                                     logistics_day(orders.value(), end)});
  }
  fill_window_details(facts, options.as_of, report);
  report.edi_partners = edi_by_partner(orders.value(), options.as_of);
  return report;
}

}  // namespace ordex::reports
