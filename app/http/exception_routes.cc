// Reading the work queue: GET /api/v1/exceptions (a page of a view), GET
// /api/v1/exceptions/{id} (one exception with its evidence, waits, audit trail and order), and
// POST /api/v1/exceptions/next (claim the most urgent one the caller may take).
#include "app/exception_table.h"
#include "app/http/exception_json.h"
#include "app/http/exception_query.h"
#include "app/http/json_body.h"
#include "app/http/json_out.h"
#include "app/http/order_json.h"
#include "app/http/paging.h"
#include "app/http/queue_access.h"
#include "app/http/routes.h"
#include "orders/time_zone.h"

namespace ordex::app::http {

namespace {

void list(Exchange& ex) {
  exceptions::ExceptionFilter filter =
      parse_exception_query(ex.query_params(), ex.principal().user, true);
  const std::int64_t page = filter.limit;
  ++filter.limit;  // one more than the page: is there a next one?
  const exceptions::Instant now = ex.now();
  auto rows = checked(ex, reading_queue(ex).list(filter));
  const bool more = static_cast<std::int64_t>(rows.size()) > page;
  if (more) rows.pop_back();
  std::string items = "[";
  items.reserve(rows.size() * 512);
  for (const exceptions::ExceptionRecord& r : rows) {
    if (items.size() > 1) items += ',';
    append_exception_json(items, r, now);
  }
  items += ']';
  JsonOut o = page_object(items, Page{page, filter.offset}, more);
  o.key("now").string(orders::format_utc(now));
  ex.json(200, o.close());
}

void show(Exchange& ex) {
  const std::int64_t id = ex.id_param("id");
  const exceptions::ExceptionRecord record = checked(ex, reading_queue(ex).get(id));
  exceptions::ExceptionStore& store = *ex.session().exceptions;
  auto waits = store.waits(id);
  if (!waits.ok()) database_failed(ex, waits.error());
  auto audit = store.audit_trail(id);
  if (!audit.ok()) database_failed(ex, audit.error());
  ExceptionDetailJson detail{&record, &waits.value(), &audit.value(), std::nullopt};
  if (!record.po_number.empty()) {
    auto order = ex.session().store->order(record.partner_id, record.po_number);
    if (!order.ok()) database_failed(ex, order.error());
    if (order.value()) detail.order = order_timeline_json(*order.value());
  }
  ex.json(200, exception_detail_json(detail, ex.now()));
}

void next(Exchange& ex) {
  const JsonBody body(ex, {"queue", "type", "partner", "severity"});
  const exceptions::ExceptionFilter filter =
      parse_exception_query(body.as_parameters(), ex.principal().user, false);
  auto queue = acting_queue(ex);
  const std::optional<exceptions::ExceptionRecord> taken = checked(ex, queue->next(filter));
  if (!taken) return ex.no_content();
  ex.json(200, exception_json(*taken, queue->now()));
}

}  // namespace

void add_exception_routes(Router& router) {
  router.add({"GET", "/api/v1/exceptions", auth::Role::kRep, list});
  router.add({"POST", "/api/v1/exceptions/next", auth::Role::kRep, next});
  router.add({"GET", "/api/v1/exceptions/{id}", auth::Role::kRep, show});
}

}  // namespace ordex::app::http
