#include "reports/order_facts.h"

#include <unordered_map>

namespace ordex::reports {

namespace {

using orders::Failure;
using orders::Query;
using orders::Status;

constexpr orders::SqlQuery kOrders{
    "report_orders", "", "itttt",
    "SELECT o.id, o.partner_id, o.po_number, o.due, COALESCE(p.timezone, '') FROM orders o "
    "LEFT JOIN partners p ON p.partner_id = o.partner_id WHERE o.status <> 'cancelled' "
    "ORDER BY o.id"};
constexpr orders::SqlQuery kLines{
    "report_order_lines", "", "ittti",
    "SELECT order_id, sku, upc, buyer_part, quantity_e4 FROM order_lines "
    "ORDER BY order_id, position"};
constexpr orders::SqlQuery kShipped{
    "report_shipped_items", "", "tttttii",
    "SELECT s.partner_id, i.po_number, i.sku, i.upc, i.buyer_part, i.quantity_e4, "
    "COALESCE(s.shipped_at, s.received_at) FROM shipment_items i "
    "JOIN shipments s ON s.id = i.shipment_ref ORDER BY s.id, i.position"};
constexpr orders::SqlQuery kDeliveries{
    "report_first_deliveries", "", "ti",
    "SELECT po_number, MIN(at) FROM shipment_events WHERE status = 'D1' GROUP BY po_number "
    "ORDER BY po_number"};
constexpr orders::SqlQuery kShipNotices{
    "report_ship_notices", "", "ittni",
    "SELECT id, partner_id, shipment_id, shipped_at, received_at FROM shipments ORDER BY id"};
constexpr orders::SqlQuery kShipNoticePos{
    "report_ship_notice_pos", "", "it",
    "SELECT shipment_ref, po_number FROM shipment_orders ORDER BY shipment_ref, position"};
constexpr orders::SqlQuery kGroups{
    "report_outbound_groups", "", "ttin",
    "SELECT g.partner_id, g.functional_id, g.sent_at, (SELECT MIN(a.received_at) FROM "
    "functional_acks a WHERE a.partner_id = g.partner_id AND a.acked_group = g.group_control "
    "AND a.acked_functional_id = g.functional_id) FROM outbound_groups g ORDER BY g.id"};
constexpr orders::SqlQuery kDocuments{
    "report_documents", "", "itti",
    "SELECT id, partner_id, status, received_at FROM documents ORDER BY id"};
constexpr orders::SqlQuery kDocumentErrors{
    "report_document_errors", "", "it",
    "SELECT d.id, f.code FROM findings f JOIN documents d ON d.src_file_id = f.file_id "
    "AND d.src_interchange = f.interchange AND d.src_group = f.group_control "
    "AND d.src_transaction = f.transaction_control WHERE f.severity = 'error' "
    "ORDER BY d.id, f.id"};
constexpr orders::SqlQuery kMismatches{
    "report_qty_mismatches", "", "tti",
    "SELECT partner_id, po_number, MIN(first_opened_at) FROM exceptions "
    "WHERE type = 'ASN_QTY_MISMATCH' GROUP BY partner_id, po_number ORDER BY partner_id, "
    "po_number"};

orders::Result<std::unique_ptr<Query>> run(orders::Database& db, const orders::SqlQuery& spec) {
  auto q = db.prepare(spec);
  if (!q.ok()) return Failure{q.error()};
  if (Status s = db.run(*q.value()); !s.ok()) return Failure{s.error()};
  return q;
}

ProductKey product(const Query& q, std::size_t r, std::size_t first) {
  return ProductKey{q.text(r, first), q.text(r, first + 1), q.text(r, first + 2)};
}

// Orders, their lines, shipped items and first deliveries.
Status load_orders(orders::Database& db, OrderFacts& facts) {
  auto orders = run(db, kOrders);
  auto lines = run(db, kLines);
  auto shipped = run(db, kShipped);
  auto deliveries = run(db, kDeliveries);
  for (const auto* r : {&orders, &lines, &shipped, &deliveries}) {
    if (!r->ok()) return Failure{r->error()};
  }
  const Query& o = *orders.value();
  std::unordered_map<std::int64_t, std::size_t> by_id;
  std::map<std::pair<std::string, std::string>, std::size_t> by_po;
  std::map<std::string, Instant> delivered;
  const Query& d = *deliveries.value();
  for (std::size_t r = 0; r < d.rows(); ++r) delivered[d.text(r, 0)] = d.integer(r, 1);
  for (std::size_t r = 0; r < o.rows(); ++r) {
    OrderFact f{o.integer(r, 0), o.text(r, 1), o.text(r, 2), o.text(r, 3),
                o.text(r, 4),    {},           {},           std::nullopt};
    if (auto it = delivered.find(f.po); it != delivered.end()) f.delivered_at = it->second;
    by_id[f.id] = facts.orders.size();
    by_po[{f.partner, f.po}] = facts.orders.size();
    facts.orders.push_back(std::move(f));
  }
  const Query& l = *lines.value();
  for (std::size_t r = 0; r < l.rows(); ++r) {
    auto it = by_id.find(l.integer(r, 0));
    if (it == by_id.end()) continue;
    facts.orders[it->second].lines.push_back(OrderLineFact{product(l, r, 1), l.integer(r, 4)});
  }
  const Query& s = *shipped.value();
  for (std::size_t r = 0; r < s.rows(); ++r) {
    auto it = by_po.find({s.text(r, 0), s.text(r, 1)});
    if (it == by_po.end()) continue;
    facts.orders[it->second].shipped.push_back(
        ShippedItemFact{product(s, r, 2), s.integer(r, 5), s.integer(r, 6)});
  }
  return Status();
}

Status load_ship_notices(orders::Database& db, OrderFacts& facts) {
  auto notices = run(db, kShipNotices);
  auto pos = run(db, kShipNoticePos);
  if (!notices.ok()) return Failure{notices.error()};
  if (!pos.ok()) return Failure{pos.error()};
  const Query& n = *notices.value();
  std::unordered_map<std::int64_t, std::size_t> by_id;
  for (std::size_t r = 0; r < n.rows(); ++r) {
    by_id[n.integer(r, 0)] = facts.ship_notices.size();
    facts.ship_notices.push_back(
        ShipNoticeFact{n.text(r, 1), n.text(r, 2), n.optional(r, 3), n.integer(r, 4), {}});
  }
  const Query& p = *pos.value();
  for (std::size_t r = 0; r < p.rows(); ++r) {
    if (auto it = by_id.find(p.integer(r, 0)); it != by_id.end()) {
      facts.ship_notices[it->second].pos.push_back(p.text(r, 1));
    }
  }
  return Status();
}

Status load_edi(orders::Database& db, OrderFacts& facts) {
  auto groups = run(db, kGroups);
  auto documents = run(db, kDocuments);
  auto errors = run(db, kDocumentErrors);
  for (const auto* r : {&groups, &documents, &errors}) {
    if (!r->ok()) return Failure{r->error()};
  }
  const Query& g = *groups.value();
  for (std::size_t r = 0; r < g.rows(); ++r) {
    facts.outbound_groups.push_back(
        OutboundGroupFact{g.text(r, 0), g.text(r, 1), g.integer(r, 2), g.optional(r, 3)});
  }
  const Query& d = *documents.value();
  std::unordered_map<std::int64_t, std::size_t> by_id;
  for (std::size_t r = 0; r < d.rows(); ++r) {
    by_id[d.integer(r, 0)] = facts.documents.size();
    facts.documents.push_back(DocumentFact{d.text(r, 1), d.text(r, 2), d.integer(r, 3), {}});
  }
  const Query& e = *errors.value();
  for (std::size_t r = 0; r < e.rows(); ++r) {
    if (auto it = by_id.find(e.integer(r, 0)); it != by_id.end()) {
      facts.documents[it->second].error_codes.push_back(e.text(r, 1));
    }
  }
  return Status();
}

Status load_mismatches(orders::Database& db, OrderFacts& facts) {
  auto m = run(db, kMismatches);
  if (!m.ok()) return Failure{m.error()};
  const Query& q = *m.value();
  for (std::size_t r = 0; r < q.rows(); ++r) {
    facts.qty_mismatches[{q.text(r, 0), q.text(r, 1)}] = q.integer(r, 2);
  }
  return Status();
}

}  // namespace

bool ProductKey::matches(const ProductKey& other) const {
  if (!sku.empty() && !other.sku.empty()) return sku == other.sku;
  if (!upc.empty() && !other.upc.empty()) return upc == other.upc;
  return !buyer_part.empty() && buyer_part == other.buyer_part;
}

orders::Result<OrderFacts> load_order_facts(orders::Database db, bool exceptions_tracked) {
  OrderFacts facts;
  if (Status s = load_orders(db, facts); !s.ok()) return Failure{s.error()};
  if (Status s = load_ship_notices(db, facts); !s.ok()) return Failure{s.error()};
  if (Status s = load_edi(db, facts); !s.ok()) return Failure{s.error()};
  if (exceptions_tracked) {
    if (Status s = load_mismatches(db, facts); !s.ok()) return Failure{s.error()};
  }
  return facts;
}

}  // namespace ordex::reports
