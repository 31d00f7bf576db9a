// The ship-notice rules: ASN_QTY_MISMATCH (what was shipped against what was ordered),
// ASN_UNKNOWN_PO (a notice for an order never received) and ASN_LATE (a notice sent too long
// after shipping, or after the goods were already delivered).
#include "exceptions/evidence.h"
#include "exceptions/rules_detail.h"
#include "orders/decimal.h"
#include "orders/time_zone.h"

namespace ordex::exceptions::detail {
namespace {

using enum ExceptionType;
using orders::Decimal;

std::string notices_text(const std::vector<std::string>& ids) {
  return (ids.size() == 1 ? "ship notice " : "ship notices ") + join(ids);
}

void line_mismatch(const CaseScope& s, const ShippedLines& shipped, std::size_t i,
                   const std::vector<std::string>& all_ids, Evaluation& out) {
  const orders::OrderLine& line = s.c.order->order.lines[i];
  const ProductIds product{line.sku, line.upc, line.buyer_part};
  Condition k = s.condition(kAsnQtyMismatch, "line " + line.line_number);
  const std::vector<std::string>& ids = shipped.ids[i];
  if (ids.size() == 1) k.shipment_id = ids.front();
  k.file_id = shipped.file_id[i];
  const std::string amount =
      orders::to_string(shipped.quantity[i]) + " of " + qty_text(line.quantity, line.uom);
  k.summary = s.label + ": line " + line.line_number + " (" + product_text(product) + ") shipped " +
              amount + " on " + notices_text(ids.empty() ? all_ids : ids);
  Evidence e;
  e.add("po", s.c.po_number).add("line", line.line_number).add("sku", product_key(product));
  e.add("ordered", line.quantity).add("shipped", shipped.quantity[i]).add("uom", line.uom);
  e.add("shipments", join(ids.empty() ? all_ids : ids));
  e.add("qty_tolerance", s.params.qty_tolerance);
  k.evidence = e.json();
  out.add(std::move(k));
}

// Items on no order line, summed per product across the notices.
void extra_items(const CaseScope& s, const ShippedLines& shipped, Evaluation& out) {
  std::vector<bool> done(shipped.unmatched.size(), false);
  for (std::size_t i = 0; i < shipped.unmatched.size(); ++i) {
    if (done[i]) continue;
    const ShippedItem& first = shipped.unmatched[i];
    Decimal total;
    std::vector<std::string> ids;
    std::int64_t file_id = 0;
    for (std::size_t j = i; j < shipped.unmatched.size(); ++j) {
      const ShippedItem& item = shipped.unmatched[j];
      if (j != i && product_key(item.product) != product_key(first.product)) continue;
      done[j] = true;
      total.e4 += item.quantity.e4;
      if (ids.empty() || ids.back() != item.shipment_id) ids.push_back(item.shipment_id);
      file_id = item.file_id;
    }
    Condition k = s.condition(kAsnQtyMismatch, "item " + product_key(first.product));
    if (ids.size() == 1) k.shipment_id = ids.front();
    k.file_id = file_id;
    k.summary = s.label + ": " + notices_text(ids) + " shipped " + qty_text(total, first.uom) +
                " of " + product_text(first.product) + ", which is not on the order";
    Evidence e;
    e.add("po", s.c.po_number).add("sku", product_key(first.product));
    e.add("ordered", Decimal{}).add("shipped", total).add("uom", first.uom);
    e.add("shipments", join(ids));
    k.evidence = e.json();
    out.add(std::move(k));
  }
}

void qty_rule(const CaseScope& s, Evaluation& out) {
  const char* reason = !s.c.order              ? "no order to compare the ship notices with"
                       : s.c.shipments.empty() ? "no ship notice names the PO"
                                               : "shipped quantities match the order";
  if (!start(out, kAsnQtyMismatch, s.params, reason) || !s.c.order) return;
  const ShippedLines shipped = shipped_by_line(s.c);
  if (!shipped.any_notice) return;
  std::vector<std::string> all_ids;
  for (const orders::Shipment& sh : s.c.shipments) all_ids.push_back(sh.shipment_id);
  const std::vector<orders::OrderLine>& lines = s.c.order->order.lines;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (beyond_units(shipped.quantity[i], lines[i].quantity, s.params.qty_tolerance)) {
      line_mismatch(s, shipped, i, all_ids, out);
    }
  }
  extra_items(s, shipped, out);
}

Condition shipment_condition(const CaseScope& s, ExceptionType type, const orders::Shipment& sh) {
  Condition k = s.condition(type, "shipment " + sh.shipment_id);
  k.shipment_id = sh.shipment_id;
  k.file_id = sh.source.file_id;
  return k;
}

void unknown_po_rule(const CaseScope& s, Evaluation& out) {
  const std::string reason =
      s.c.order
          ? "order received " + orders::local_day(s.c.order->order.source.received_at, s.c.zone)
          : std::string("no ship notice names the PO");
  if (!start(out, kAsnUnknownPo, s.params, reason) || s.c.order) return;
  for (const orders::Shipment& sh : s.c.shipments) {
    Condition k = shipment_condition(s, kAsnUnknownPo, sh);
    k.summary = s.label + ": ship notice " + sh.shipment_id + " names this PO, but no such " +
                "order was received";
    Evidence e;
    e.add("po", s.c.po_number).add("shipment", sh.shipment_id);
    e.add("bill_of_lading", sh.bill_of_lading);
    add_controls(e, sh.source);
    k.evidence = e.json();
    out.add(std::move(k));
  }
}

// The first delivery of the goods a notice announces.
std::optional<orders::Instant> delivered(const OrderCase& c, const orders::Shipment& sh) {
  std::optional<orders::Instant> first;
  for (const orders::ShipmentEvent& e : c.events) {
    if (e.status != "D1" || !concerns(e, sh.shipment_id, sh.bill_of_lading)) continue;
    if (!first || e.at < *first) first = e.at;
  }
  return first;
}

void late_notice(const CaseScope& s, const orders::Shipment& sh, Evaluation& out) {
  const orders::Instant received = sh.source.received_at;
  const std::int64_t window = s.params.asn_late_hours * 3600;
  const bool slow = sh.shipped_at && received - *sh.shipped_at > window;
  const std::optional<orders::Instant> delivery = delivered(s.c, sh);
  const bool after_delivery = delivery && *delivery < received;
  if (!slow && !after_delivery) return;
  Condition k = shipment_condition(s, kAsnLate, sh);
  std::string why;
  if (slow) {
    why = duration_text(received - *sh.shipped_at) + " after the goods shipped (" +
          std::to_string(s.params.asn_late_hours) + " h allowed)";
  }
  if (after_delivery) {
    why += std::string(slow ? " and " : "") + "after the goods were delivered on " +
           when_text(*delivery, s.c.zone);
  }
  k.summary = s.label + ": ship notice " + sh.shipment_id + " arrived " +
              when_text(received, s.c.zone) + ", " + why;
  Evidence e;
  e.add("po", s.c.po_number).add("shipment", sh.shipment_id);
  if (sh.shipped_at) e.add_instant("shipped_at", *sh.shipped_at);
  e.add_instant("received_at", received).add("allowed_hours", s.params.asn_late_hours);
  if (delivery) e.add_instant("delivered_at", *delivery);
  add_controls(e, sh.source);
  k.evidence = e.json();
  out.add(std::move(k));
}

void late_rule(const CaseScope& s, Evaluation& out) {
  const char* reason = s.c.shipments.empty()
                           ? "no ship notice names the PO"
                           : "every ship notice arrived in time and before delivery";
  if (!start(out, kAsnLate, s.params, reason)) return;
  for (const orders::Shipment& sh : s.c.shipments) late_notice(s, sh, out);
}

}  // namespace

void shipment_rules(const CaseScope& s, Evaluation& out) {
  qty_rule(s, out);
  unknown_po_rule(s, out);
  late_rule(s, out);
}

}  // namespace ordex::exceptions::detail
