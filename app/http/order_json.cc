#include "app/http/order_json.h"

#include "app/http/json_out.h"
#include "app/order_timeline.h"
#include "orders/time_zone.h"

namespace ordex::app::http {

namespace {

std::string source_json(const orders::SourceRef& s) {
  JsonOut o('{');
  o.key("file_id").integer(s.file_id);
  o.key("interchange").string(s.interchange).key("group").string(s.group);
  o.key("transaction").string(s.transaction).key("set").string(s.set_id);
  return o.close();
}

}  // namespace

std::string order_timeline_json(const orders::OrderDetail& d) {
  const orders::Order& order = d.order.order;
  JsonOut o('{');
  o.key("partner").string(order.partner_id).key("po").string(order.po_number);
  o.key("status").string(orders::to_string(d.order.status));
  o.key("order_date").string(order.order_date).key("ship_by").string(order.ship_by);
  o.key("due").string(order.due).key("ship_to").string(order.ship_to);
  JsonOut timeline('[');
  for (const TimelineEntry& e : order_timeline(d)) {
    JsonOut entry('{');
    entry.key("at").string(orders::format_utc(e.at)).key("what").string(e.what);
    entry.key("detail").string(e.detail).key("source").raw(source_json(e.source));
    timeline.raw(entry.close());
  }
  o.key("timeline").raw(timeline.close());
  return o.close();
}

}  // namespace ordex::app::http
