// GET /api/v1/orders (the `ordex orders list` lines, paged) and GET
// /api/v1/orders/{partner}/{po} (the order's timeline).
#include "app/http/api_error.h"
#include "app/http/exchange.h"
#include "app/http/json_out.h"
#include "app/http/order_json.h"
#include "app/http/paging.h"
#include "app/http/routes.h"
#include "app/order_list.h"

namespace ordex::app::http {

namespace {

void list(Exchange& ex) {
  orders::OrderQuery query;
  for (const auto& [name, value] : ex.query_params()) {
    if (name == "partner") {
      query.partner_id = value;
    } else if (name == "status") {
      query.status = orders::order_status_from(value);
      if (!query.status) throw bad_request("query parameter status must be open or cancelled");
    } else if (name != "limit" && name != "offset") {
      throw ApiError(400, "unknown_field", "unknown query parameter '" + name + "'");
    }
  }
  const Page page = page_of(ex);
  query.limit = page.limit + 1;  // one more than the page: is there a next one?
  query.offset = page.offset;
  auto found = ex.session().store->list_orders(query);
  if (!found.ok()) database_failed(ex, found.error());
  const auto& rows = found.value();
  const bool more = static_cast<std::int64_t>(rows.size()) > page.limit;
  JsonOut items('[');
  for (std::size_t i = 0; i < rows.size() - (more ? 1 : 0); ++i) {
    items.raw(order_summary_json(rows[i]));
  }
  ex.json(200, page_json(items.close(), page, more));
}

void show(Exchange& ex) {
  const std::string& partner = ex.param("partner");
  const std::string& po = ex.param("po");
  auto found = ex.session().store->order(partner, po);
  if (!found.ok()) database_failed(ex, found.error());
  if (!found.value()) throw not_found("no order " + po + " of partner " + partner);
  ex.json(200, order_timeline_json(*found.value()));
}

}  // namespace

void add_order_routes(Router& router) {
  router.add({"GET", "/api/v1/orders", auth::Role::kRep, list});
  router.add({"GET", "/api/v1/orders/{partner}/{po}", auth::Role::kRep, show});
}

}  // namespace ordex::app::http
