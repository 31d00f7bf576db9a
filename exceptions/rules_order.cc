// PO_DUPLICATE and the master-data rules (PO_UNKNOWN_ITEM, PO_PRICE_MISMATCH,
// PO_UNKNOWN_SHIP_TO), and PO_INVALID_DATES: what is wrong with the order as received.
#include "exceptions/evidence.h"
#include "exceptions/rules_detail.h"
#include "orders/decimal.h"
#include "orders/time_zone.h"

namespace ordex::exceptions::detail {
namespace {

using orders::OrderLine;
using enum ExceptionType;

// The catalog entry a line names: by our sku first (what the buyer sends as VN), then UPC.
const orders::Item* catalog_item(const OrderCase& c, const OrderLine& line) {
  for (const orders::Item& item : c.items) {
    if (!line.sku.empty() && item.sku == line.sku) return &item;
  }
  for (const orders::Item& item : c.items) {
    if (!line.upc.empty() && item.upc == line.upc) return &item;
  }
  return nullptr;
}

Condition order_condition(const CaseScope& s, ExceptionType type, std::string subject) {
  Condition k = s.condition(type, std::move(subject));
  k.file_id = s.c.order->order.source.file_id;
  return k;
}

void duplicate_rule(const CaseScope& s, Evaluation& out) {
  if (!start(out, kPoDuplicate, s.params, "the PO was received as a new order only once")) return;
  const orders::StoredOrder& o = *s.c.order;
  if (o.originals < 2) return;
  Condition k = order_condition(s, kPoDuplicate, "");
  k.summary = s.label + " was received " + std::to_string(o.originals) +
              " times as a new order; check with the customer whether it was sent twice";
  Evidence e;
  e.add("po", s.c.po_number).add("originals", o.originals);
  add_controls(e, o.order.source);
  k.evidence = e.json();
  out.add(std::move(k));
}

void unknown_item(const CaseScope& s, const OrderLine& line, Evaluation& out) {
  const ProductIds product{line.sku, line.upc, line.buyer_part};
  Condition k = order_condition(s, kPoUnknownItem, "line " + line.line_number);
  k.summary = s.label + ": line " + line.line_number + " orders " + product_text(product) +
              ", which is not in the customer's catalog";
  Evidence e;
  e.add("po", s.c.po_number).add("line", line.line_number);
  e.add("sku", line.sku).add("upc", line.upc).add("buyer_part", line.buyer_part);
  add_controls(e, s.c.order->order.source);
  k.evidence = e.json();
  out.add(std::move(k));
}

void price_mismatch(const CaseScope& s, const OrderLine& line, const orders::Item& item,
                    Evaluation& out) {
  Condition k = order_condition(s, kPoPriceMismatch, "line " + line.line_number);
  k.summary = s.label + ": line " + line.line_number + " prices item " + item.sku + " at " +
              money_text(line.unit_price) + ", the price list says " + money_text(item.unit_price);
  Evidence e;
  e.add("po", s.c.po_number).add("line", line.line_number).add("sku", item.sku);
  e.add("expected_price", item.unit_price).add("actual_price", line.unit_price);
  e.add("tolerance_pct", s.params.price_tolerance_pct);
  add_controls(e, s.c.order->order.source);
  k.evidence = e.json();
  out.add(std::move(k));
}

// A line without a price (PO104 is optional) states nothing to compare. Units of measure
// that differ make prices incomparable without a conversion the master data does not hold.
bool comparable_price(const OrderLine& line, const orders::Item& item) {
  if (line.unit_price.e4 == 0) return false;
  return line.uom.empty() || item.uom.empty() || line.uom == item.uom;
}

void line_rules(const CaseScope& s, Evaluation& out) {
  const bool items = start(out, kPoUnknownItem, s.params, "every order line names a catalog item");
  const bool prices = start(out, kPoPriceMismatch, s.params,
                            "order prices match the price list within " +
                                orders::to_string(s.params.price_tolerance_pct) + " %");
  for (const OrderLine& line : s.c.order->order.lines) {
    const orders::Item* item = catalog_item(s.c, line);
    if (!item) {
      if (items) unknown_item(s, line, out);
    } else if (prices && comparable_price(line, *item) &&
               beyond_pct(line.unit_price, item->unit_price, s.params.price_tolerance_pct)) {
      price_mismatch(s, line, *item, out);
    }
  }
}

void ship_to_rule(const CaseScope& s, Evaluation& out) {
  const orders::Order& o = s.c.order->order;
  if (!start(out, kPoUnknownShipTo, s.params, "the ship-to location is in the master data")) {
    return;
  }
  // An order naming no ship-to code (address only, or the partner's default) names nothing
  // unknown.
  if (o.ship_to.empty()) return;
  if (s.c.ship_to && s.c.ship_to->location_code == o.ship_to) return;
  Condition k = order_condition(s, kPoUnknownShipTo, "");
  k.summary = s.label + ": ship-to location " + o.ship_to +
              (o.ship_to_name.empty() ? "" : " (" + o.ship_to_name + ")") +
              " is not in the customer's location list";
  Evidence e;
  e.add("po", s.c.po_number).add("ship_to", o.ship_to).add("qualifier", o.ship_to_qualifier);
  e.add("name", o.ship_to_name);
  add_controls(e, o.source);
  k.evidence = e.json();
  out.add(std::move(k));
}

}  // namespace

// Without a registered partner there is no catalog or location list to compare against: an
// unregistered partner was created from an interchange id, and every line and ship-to would
// look unknown. The types are still marked evaluated, so nothing stays open for such a case.
void order_rules(const CaseScope& s, Evaluation& out) {
  if (!s.c.order) {
    for (ExceptionType t :
         {kPoDuplicate, kPoUnknownItem, kPoPriceMismatch, kPoUnknownShipTo, kPoInvalidDates}) {
      (void)start(out, t, s.params, "no order received for the PO");
    }
    return;
  }
  duplicate_rule(s, out);
  invalid_dates_rule(s, out);
  if (!s.c.partner || !s.c.partner->registered) {
    const std::string why = "partner " + s.c.partner_id + " is not registered: no master data";
    for (ExceptionType t : {kPoUnknownItem, kPoPriceMismatch, kPoUnknownShipTo}) {
      (void)start(out, t, s.params, why);
    }
    return;
  }
  line_rules(s, out);
  ship_to_rule(s, out);
}

}  // namespace ordex::exceptions::detail
