// PO_INVALID_DATES: the due or ship-by day before the order day, or the due day already over
// (in the partner's zone) when the order arrived.
#include "exceptions/evidence.h"
#include "exceptions/rules_detail.h"
#include "orders/time_zone.h"

namespace ordex::exceptions::detail {

namespace {

std::vector<std::string> date_problems(const CaseScope& s) {
  const orders::Order& o = s.c.order->order;
  std::vector<std::string> problems;
  if (day_after(o.order_date, o.due)) {
    problems.push_back("the due date " + o.due + " is before the order date " + o.order_date);
  }
  if (day_after(o.order_date, o.ship_by)) {
    problems.push_back("the ship-by date " + o.ship_by + " is before the order date " +
                       o.order_date);
  }
  // A due day that ended before receipt could never be met, whatever the order date says.
  const edi::Result<orders::Instant> due_end = orders::end_of_local_day(o.due, s.c.zone);
  if (due_end.ok() && o.source.received_at >= due_end.value()) {
    problems.push_back("the due date " + o.due + " had already passed when the order arrived on " +
                       orders::local_day(o.source.received_at, s.c.zone));
  }
  return problems;
}

}  // namespace

void invalid_dates_rule(const CaseScope& s, Evaluation& out) {
  if (!start(out, ExceptionType::kPoInvalidDates, s.params, "the order dates are consistent")) {
    return;
  }
  const std::vector<std::string> problems = date_problems(s);
  if (problems.empty()) return;
  const orders::Order& o = s.c.order->order;
  Condition k = s.condition(ExceptionType::kPoInvalidDates, "");
  k.file_id = o.source.file_id;
  k.summary = s.label + ": " + join(problems);
  Evidence e;
  e.add("po", s.c.po_number).add("order_date", o.order_date).add("ship_by", o.ship_by);
  e.add("due", o.due).add_instant("received_at", o.source.received_at);
  e.add("time_zone", s.c.zone.name());
  add_controls(e, o.source);
  k.evidence = e.json();
  out.add(std::move(k));
}

}  // namespace ordex::exceptions::detail
