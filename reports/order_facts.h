#pragma once
// The order picture the logistics KPIs need, read once from the order tables: orders with
// their lines, what was shipped against each order, first deliveries, ship notices, outbound
// groups with their acknowledgments, documents with their error codes.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "orders/database.h"
#include "orders/status.h"

namespace ordex::reports {

using orders::Instant;

// Which product a line or shipped item is: the first of sku, upc, buyer part that is set.
struct ProductKey {
  std::string sku, upc, buyer_part;
  bool matches(const ProductKey& other) const;
};

struct OrderLineFact {
  ProductKey product;
  std::int64_t ordered_e4 = 0;
};

struct ShippedItemFact {
  ProductKey product;
  std::int64_t quantity_e4 = 0;
  Instant shipped_at = 0;  // DTM*011, else when the ship notice was received
};

struct OrderFact {
  std::int64_t id = 0;
  std::string partner, po, due, timezone;
  std::vector<OrderLineFact> lines;
  std::vector<ShippedItemFact> shipped;
  std::optional<Instant> delivered_at;  // the first D1 carrier event
};

struct ShipNoticeFact {
  std::string partner, shipment_id;
  std::optional<Instant> shipped_at;
  Instant received_at = 0;
  std::vector<std::string> pos;
};

struct OutboundGroupFact {
  std::string partner, functional_id;
  Instant sent_at = 0;
  std::optional<Instant> acked_at;  // the first 997/999/CONTRL received for it
};

struct DocumentFact {
  std::string partner, status;  // accepted | accepted_with_errors | rejected
  Instant received_at = 0;
  std::vector<std::string> error_codes;  // codes of its error findings
};

struct OrderFacts {
  std::vector<OrderFact> orders;  // not cancelled, by id
  std::vector<ShipNoticeFact> ship_notices;
  std::vector<OutboundGroupFact> outbound_groups;
  std::vector<DocumentFact> documents;
  // ASN_QTY_MISMATCH exceptions: (partner, PO) -> when first opened.
  std::map<std::pair<std::string, std::string>, Instant> qty_mismatches;
};

orders::Result<OrderFacts> load_order_facts(orders::Database db, bool exceptions_tracked);

}  // namespace ordex::reports
