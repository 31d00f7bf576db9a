// Helpers every rule file shares: the case scope, tolerance arithmetic, product matching and
// the words summaries are made of.
#include <cstdlib>

#include "exceptions/evidence.h"
#include "exceptions/rules_detail.h"
#include "orders/decimal.h"
#include "orders/time_zone.h"

namespace ordex::exceptions::detail {

using orders::Decimal;

Condition CaseScope::condition(ExceptionType type, std::string subject) const {
  Condition k;
  k.type = type;
  k.partner_id = c.partner_id;
  k.po_number = c.po_number;
  k.subject = std::move(subject);
  return k;
}

std::string case_label(const OrderCase& c) {
  const bool named = c.partner && !c.partner->name.empty();
  return (named ? c.partner->name : c.partner_id) + " PO " + c.po_number;
}

bool start(Evaluation& out, ExceptionType type, const RuleParams& params,
           std::string reason_when_clear) {
  if (!params.enabled(type)) {
    out.evaluate(type, "rule disabled");
    return false;
  }
  out.evaluate(type, std::move(reason_when_clear));
  return true;
}

Decimal abs_diff(Decimal a, Decimal b) { return Decimal{std::llabs(a.e4 - b.e4)}; }

// In 128 bits: a price of a million times a tolerance of 100 % overflows 64.
bool beyond_pct(Decimal actual, Decimal expected, Decimal pct) {
  __extension__ using Wide = __int128;
  const Wide diff = abs_diff(actual, expected).e4;
  const Wide base = std::llabs(expected.e4);
  // diff / base * 100 > pct  <=>  diff * 100 * 10^4 > base * pct.e4 (pct is scaled by 10^4).
  return diff * 100 * 10000 > base * pct.e4;
}

bool beyond_units(Decimal a, Decimal b, Decimal tolerance) { return abs_diff(a, b) > tolerance; }

// ISO days order as text once both are known to be days.
bool day_after(std::string_view day, std::string_view reference) {
  if (!orders::parse_iso_day(day) || !orders::parse_iso_day(reference)) return false;
  return day > reference;
}

bool same_product(const ProductIds& a, const ProductIds& b) {
  const auto same = [](std::string_view x, std::string_view y) { return !x.empty() && x == y; };
  return same(a.sku, b.sku) || same(a.upc, b.upc) || same(a.buyer_part, b.buyer_part);
}

std::string product_text(const ProductIds& p) {
  if (!p.sku.empty()) return "item " + std::string(p.sku);
  if (!p.upc.empty()) return "UPC " + std::string(p.upc);
  if (!p.buyer_part.empty()) return "buyer part " + std::string(p.buyer_part);
  return "an unidentified item";
}

std::string product_key(const ProductIds& p) {
  if (!p.sku.empty()) return std::string(p.sku);
  if (!p.upc.empty()) return std::string(p.upc);
  return std::string(p.buyer_part);
}

bool concerns(const orders::ShipmentEvent& e, std::string_view shipment_id,
              std::string_view bill_of_lading) {
  if (e.shipment_id.empty() && e.bill_of_lading.empty()) return true;
  return (!e.shipment_id.empty() && e.shipment_id == shipment_id) ||
         (!e.bill_of_lading.empty() && e.bill_of_lading == bill_of_lading);
}

bool same_goods(const orders::ShipmentEvent& a, const orders::ShipmentEvent& b) {
  return concerns(a, b.shipment_id, b.bill_of_lading) ||
         concerns(b, a.shipment_id, a.bill_of_lading);
}

std::string when_text(orders::Instant instant, const orders::TimeZone& zone) {
  const orders::CivilTime t = zone.to_local(instant);
  const auto two = [](int v) {
    return std::string(1, char('0' + v / 10 % 10)) + char('0' + v % 10);
  };
  return orders::iso_day(t) + " " + two(t.hour) + ":" + two(t.minute) + " " + zone.name();
}

std::string duration_text(std::int64_t seconds) {
  const std::int64_t minutes = seconds / 60;
  std::string text = std::to_string(minutes / 60) + " h";
  if (minutes % 60 != 0) text += " " + std::to_string(minutes % 60) + " min";
  return text;
}

std::string qty_text(Decimal quantity, std::string_view uom) {
  std::string text = orders::to_string(quantity);
  if (!uom.empty()) {
    text += ' ';
    text += uom;
  }
  return text;
}

// Money reads with cents even when the price list says "12.5"; more places only when present.
std::string money_text(Decimal amount) {
  std::string text = orders::to_string(amount);
  const std::size_t point = text.find('.');
  if (point == std::string::npos) return text + ".00";
  if (text.size() - point == 2) text += '0';
  return text;
}

std::string document_name(std::string_view set_id) {
  struct Name {
    std::string_view set, name;
  };
  static constexpr Name kNames[] = {{"850", "purchase order"},
                                    {"ORDERS", "purchase order"},
                                    {"855", "order acknowledgment"},
                                    {"ORDRSP", "order acknowledgment"},
                                    {"856", "ship notice"},
                                    {"DESADV", "ship notice"},
                                    {"810", "invoice"},
                                    {"INVOIC", "invoice"},
                                    {"214", "carrier status"},
                                    {"IFTSTA", "carrier status"},
                                    {"940", "warehouse shipping order"},
                                    {"945", "warehouse shipping advice"},
                                    {"997", "functional acknowledgment"},
                                    {"999", "functional acknowledgment"},
                                    {"CONTRL", "functional acknowledgment"}};
  for (const Name& n : kNames) {
    if (n.set == set_id) return std::string(n.name) + " (" + std::string(set_id) + ")";
  }
  return set_id.empty() ? std::string("document") : "document " + std::string(set_id);
}

std::string join(const std::vector<std::string>& parts) {
  std::string text;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) text += i + 1 == parts.size() ? " and " : ", ";
    text += parts[i];
  }
  return text;
}

std::string control_text(const orders::SourceRef& source) {
  std::string text = "interchange " + source.interchange;
  if (!source.group.empty()) text += " group " + source.group;
  if (!source.transaction.empty()) text += " set " + source.transaction;
  return text;
}

void add_controls(Evidence& evidence, const orders::SourceRef& source) {
  if (!source.interchange.empty()) evidence.add("interchange", source.interchange);
  if (!source.group.empty()) evidence.add("group", source.group);
  if (!source.transaction.empty()) evidence.add("transaction", source.transaction);
}

}  // namespace ordex::exceptions::detail
