// The delivery facts of a loaded case: the same values the sweep reads with one query per
// batch of orders (the two must agree, or import and sweep would flip an exception back and
// forth).
#include "exceptions/order_case.h"

namespace ordex::exceptions {
namespace {

void ship_notice_facts(const OrderCase& c, DeliveryFacts& f) {
  for (const orders::Shipment& s : c.shipments) {
    // Lists are in received order: on a tie the earlier-listed notice came first.
    if (!f.first_ship_notice_at || s.source.received_at < *f.first_ship_notice_at) {
      f.first_ship_notice_at = s.source.received_at;
      f.first_shipment_id = s.shipment_id;
    }
    if (s.shipped_at && (!f.shipped_at || *s.shipped_at < *f.shipped_at))
      f.shipped_at = s.shipped_at;
    // The latest day any notice expects: one late part is enough to put the order at risk.
    if (orders::parse_iso_day(s.estimated_delivery) &&
        s.estimated_delivery > f.estimated_delivery) {
      f.estimated_delivery = s.estimated_delivery;
    }
  }
}

void carrier_facts(const OrderCase& c, DeliveryFacts& f) {
  std::optional<orders::Instant> estimate_told_at;
  for (const orders::ShipmentEvent& e : c.events) {
    if (e.status == "D1" && (!f.delivered_at || e.at < *f.delivered_at)) f.delivered_at = e.at;
    const bool estimate = (e.status == "AG" || e.status == "X2") && e.estimate;
    if (estimate && (!estimate_told_at || e.at >= *estimate_told_at)) {
      estimate_told_at = e.at;
      f.latest_estimate = e.estimate;
    }
    if (!f.last_event_at || e.at > *f.last_event_at) f.last_event_at = e.at;
  }
}

}  // namespace

DeliveryFacts delivery_facts(const OrderCase& c) {
  DeliveryFacts f;
  f.partner_id = c.partner_id;
  if (c.partner) f.partner_name = c.partner->name;
  f.po_number = c.po_number;
  f.zone = c.zone;
  if (c.order) {
    const orders::Order& o = c.order->order;
    f.status = c.order->status;
    f.order_date = o.order_date;
    f.ship_by = o.ship_by;
    f.due = o.due;
    f.received_at = o.source.received_at;
    f.file_id = o.source.file_id;
  }
  ship_notice_facts(c, f);
  carrier_facts(c, f);
  return f;
}

}  // namespace ordex::exceptions
