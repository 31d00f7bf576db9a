#pragma once
// Everything the rules look at for one order: the order (if it arrived), what was said and
// done about it, and the master data its lines and ship-to name. Keyed by (customer partner,
// PO number), the way DESIGN.md keys orders; a case can exist without its order (a ship notice
// for a PO never received: ASN_UNKNOWN_PO).
//
// DeliveryFacts is the part of a case the clock rules need, small enough that a sweep builds it
// for a million orders with one query (sweep.h) instead of loading each case.

#include <optional>
#include <string>
#include <vector>

#include "orders/model.h"
#include "orders/store_records.h"
#include "orders/time_zone.h"

namespace ordex::exceptions {

struct OrderCase {
  std::string partner_id;
  std::string po_number;
  std::optional<orders::TradingPartner> partner;  // nullopt: not in the store at all
  orders::TimeZone zone;                          // the partner's; UTC when it has none

  std::optional<orders::StoredOrder> order;
  std::vector<orders::OrderAcknowledgment> acks;  // received order
  std::vector<orders::Shipment> shipments;        // ship notices naming the PO, with items
  std::vector<orders::ShipmentEvent> events;      // carrier events for the PO or its shipments
  std::vector<orders::Invoice> invoices;
  std::vector<orders::DocumentRecord> documents;  // every document recorded for partner + PO

  // Master data for the order's lines and ship-to: the partner's catalog entries whose sku or
  // upc a line names, and the ship-to location when it is known.
  std::vector<orders::Item> items;
  std::optional<orders::Location> ship_to;
};

struct DeliveryFacts {
  std::string partner_id;
  std::string partner_name;  // for summaries; partner_id is used when empty
  std::string po_number;
  orders::TimeZone zone;
  orders::OrderStatus status = orders::OrderStatus::kOpen;
  std::string order_date, ship_by, due;  // ISO days in the partner's zone, may be empty
  orders::Instant received_at = 0;       // the order's functional group date-time
  std::int64_t file_id = 0;              // the order's source file

  std::optional<orders::Instant> first_ship_notice_at;  // received_at of the first ship notice
  std::string first_shipment_id;
  std::optional<orders::Instant> shipped_at;       // earliest DTM*011 of its ship notices
  std::string estimated_delivery;                  // latest ship-notice DTM*017 day
  std::optional<orders::Instant> delivered_at;     // first D1 event
  std::optional<orders::Instant> latest_estimate;  // estimate of the latest AG/X2 event
  std::optional<orders::Instant> last_event_at;    // latest carrier event of any kind
};

// The delivery facts of a loaded case.
DeliveryFacts delivery_facts(const OrderCase& c);

}  // namespace ordex::exceptions
