#include "app/http/store_metrics.h"

#include "app/http/http_metrics.h"
#include "exceptions/exception_filter.h"
#include "orders/database.h"

namespace ordex::app::http {

namespace {

constexpr orders::SqlQuery kByTypeStatus{
    "http_metrics_exceptions", "", "tti",
    "SELECT type, status, COUNT(*) FROM exceptions GROUP BY type, status ORDER BY type, status"};

orders::Result<std::string> by_type_status(orders::Database db) {
  auto q = db.prepare(kByTypeStatus);
  if (!q.ok()) return orders::Failure{q.error()};
  if (orders::Status s = db.run(*q.value()); !s.ok()) return orders::Failure{s.error()};
  std::string out =
      "# HELP ordex_exceptions Exceptions in the store, by type and status.\n"
      "# TYPE ordex_exceptions gauge\n";
  const orders::Query& rows = *q.value();
  for (std::size_t r = 0; r < rows.rows(); ++r) {
    out += "ordex_exceptions{type=\"" + prometheus_label(rows.text(r, 0)) + "\",status=\"" +
           prometheus_label(rows.text(r, 1)) + "\"} " + std::to_string(rows.integer(r, 2)) + "\n";
  }
  return out;
}

orders::Result<std::string> breached(orders::Database db, exceptions::Instant now) {
  exceptions::ExceptionFilter filter;
  filter.breached = true;
  const exceptions::FilterSql sql = exceptions::count_sql(filter, now);
  auto q = db.prepare(
      orders::SqlQuery{"http_metrics_breached", sql.param_types.c_str(), "i", sql.sql.c_str()});
  if (!q.ok()) return orders::Failure{q.error()};
  for (std::size_t i = 0; i < sql.params.size(); ++i) {
    std::visit([&](const auto& v) { q.value()->set(i, v); }, sql.params[i]);
  }
  if (orders::Status s = db.run(*q.value()); !s.ok()) return orders::Failure{s.error()};
  return "# HELP ordex_sla_breached Active exceptions past an SLA due instant.\n"
         "# TYPE ordex_sla_breached gauge\n"
         "ordex_sla_breached " +
         std::to_string(q.value()->integer(0, 0)) + "\n";
}

}  // namespace

orders::Result<std::string> store_metrics(StoreSession& session, exceptions::Instant now) {
  orders::Database db = session.store->database();
  auto types = by_type_status(db);
  if (!types.ok()) {
    session.broken = true;
    return types;
  }
  auto late = breached(db, now);
  if (!late.ok()) {
    session.broken = true;
    return late;
  }
  return types.value() + late.value();
}

}  // namespace ordex::app::http
