#include "orders/feeds/feed_event.h"

#include <array>

#include "orders/time_zone.h"

namespace ordex::orders {
namespace {

// Kept equal to the Status enumeration of orders/schemas/tracking-feed.xsd.
constexpr std::array<std::string_view, 15> kStatuses = {
    "AF", "X3", "X4", "P1", "X6", "X1", "AG", "X2", "D1", "A7", "A9", "AH", "AP", "SD", "CA"};

}  // namespace

bool is_feed_status(std::string_view status) {
  for (std::string_view s : kStatuses) {
    if (s == status) return true;
  }
  return false;
}

edi::Result<ShipmentEvent> build_feed_event(const FeedEventText& text, std::string_view carrier,
                                            Instant received) {
  if (text.po.empty() && text.bol.empty() && text.shipment_id.empty()) {
    return edi::Failure{"event names no po, bol or shipment id"};
  }
  if (!is_feed_status(text.status)) {
    return edi::Failure{"status '" + text.status + "' is not one of ordex's status codes"};
  }
  edi::Result<Instant> at = parse_iso8601_instant(text.at);
  if (!at.ok()) return edi::Failure{"at: " + at.error()};
  ShipmentEvent e;
  if (!text.estimated_delivery.empty()) {
    edi::Result<Instant> estimate = parse_iso8601_instant(text.estimated_delivery);
    if (!estimate.ok()) return edi::Failure{"estimatedDelivery: " + estimate.error()};
    e.estimate = estimate.value();
  } else if (text.status == "AG" || text.status == "X2") {
    return edi::Failure{"status " + text.status +
                        " is an estimate but gives no estimated delivery"};
  }
  e.carrier_scac = carrier;
  e.po_number = text.po;
  e.bill_of_lading = text.bol;
  e.shipment_id = text.shipment_id;
  e.carrier_reference = text.tracking_number;
  e.status = text.status;
  e.reason = text.reason;
  e.at = at.value();
  e.city = text.city;
  e.state = text.state;
  e.country = text.country;
  e.source.received_at = received;
  return e;
}

}  // namespace ordex::orders
