#pragma once
// Hand-made order cases for the rule tests. One world: Northwind Foods in America/Chicago
// orders on PO 4500012345 (ordered 2026-11-16, ship by 2026-11-18, due 2026-11-20):
//   line 1: 10 EA of SKU-1 at 12.50, line 2: 4 CA of SKU-2 at 30.00, ship-to 0042.
// November 2026 is on standard time in Chicago (DST ended 2026-11-01): local = UTC - 6 h, so
// the due day 2026-11-20 ends at 2026-11-21T06:00:00Z.

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "exceptions/condition.h"
#include "exceptions/order_case.h"
#include "orders/decimal.h"
#include "orders/time_zone.h"

namespace ordex::exceptions::testing {

inline orders::Instant at(std::string_view iso) {
  const edi::Result<orders::Instant> r = orders::parse_iso8601_instant(iso);
  EXPECT_TRUE(r.ok()) << iso;
  return r.ok() ? r.value() : 0;
}

inline orders::Decimal dec(std::string_view text) {
  const std::optional<orders::Decimal> d = orders::parse_decimal(text);
  EXPECT_TRUE(d.has_value()) << text;
  return d.value_or(orders::Decimal{});
}

inline orders::TimeZone chicago() { return orders::TimeZone::named("America/Chicago").value(); }

inline constexpr std::string_view kPo = "4500012345";

inline orders::SourceRef source(std::int64_t file_id, std::string_view received,
                                std::string_view set_id = "850") {
  orders::SourceRef s;
  s.file_id = file_id;
  s.interchange = "00000" + std::to_string(100 + file_id);
  s.group = std::to_string(file_id);
  s.transaction = "0001";
  s.set_id = set_id;
  s.received_at = at(received);
  return s;
}

inline orders::OrderLine line(std::string number, std::string qty, std::string uom,
                              std::string price, std::string sku, std::string upc = "") {
  orders::OrderLine l;
  l.line_number = std::move(number);
  l.quantity = dec(qty);
  l.uom = std::move(uom);
  l.unit_price = dec(price);
  l.sku = std::move(sku);
  l.upc = std::move(upc);
  return l;
}

inline orders::Item item(std::string sku, std::string upc, std::string uom, std::string price) {
  orders::Item i;
  i.partner_id = "NORTHWIND";
  i.sku = std::move(sku);
  i.upc = std::move(upc);
  i.uom = std::move(uom);
  i.unit_price = dec(price);
  return i;
}

inline OrderCase northwind_case() {
  OrderCase c;
  c.partner_id = "NORTHWIND";
  c.po_number = std::string(kPo);
  orders::TradingPartner p;
  p.partner_id = "NORTHWIND";
  p.name = "Northwind Foods";
  p.timezone = "America/Chicago";
  c.partner = p;
  c.zone = chicago();
  orders::StoredOrder so;
  so.id = 1;
  so.originals = 1;
  orders::Order& o = so.order;
  o.partner_id = "NORTHWIND";
  o.po_number = std::string(kPo);
  o.order_date = "2026-11-16";
  o.ship_by = "2026-11-18";
  o.due = "2026-11-20";
  o.ship_to = "0042";
  o.ship_to_qualifier = "92";
  o.lines = {line("1", "10", "EA", "12.50", "SKU-1", "000000000011"),
             line("2", "4", "CA", "30", "SKU-2", "000000000022")};
  o.source = source(1, "2026-11-16T15:00:00Z");
  c.order = so;
  c.items = {item("SKU-1", "000000000011", "EA", "12.50"),
             item("SKU-2", "000000000022", "CA", "30.00")};
  orders::Location loc;
  loc.partner_id = "NORTHWIND";
  loc.location_code = "0042";
  c.ship_to = loc;
  return c;
}

inline orders::ShipmentItem shipped(std::string sku, std::string qty, std::string uom = "EA") {
  orders::ShipmentItem i;
  i.po_number = std::string(kPo);
  i.sku = std::move(sku);
  i.quantity = dec(qty);
  i.uom = std::move(uom);
  return i;
}

inline orders::Shipment shipment(std::string id, std::string_view shipped_at,
                                 std::string_view received, std::vector<orders::ShipmentItem> items,
                                 std::int64_t file_id = 2) {
  orders::Shipment s;
  s.partner_id = "NORTHWIND";
  s.shipment_id = std::move(id);
  s.po_numbers = {std::string(kPo)};
  if (!shipped_at.empty()) s.shipped_at = at(shipped_at);
  s.bill_of_lading = "BOL-" + s.shipment_id;
  s.items = std::move(items);
  s.source = source(file_id, received, "856");
  return s;
}

inline orders::ShipmentEvent event(std::string status, std::string_view when,
                                   std::string shipment_id = "") {
  orders::ShipmentEvent e;
  e.carrier_id = "ODFL";
  e.carrier_scac = "ODFL";
  e.po_number = std::string(kPo);
  e.shipment_id = std::move(shipment_id);
  e.status = std::move(status);
  e.at = at(when);
  e.source = source(5, when, "214");
  return e;
}

inline orders::OrderAcknowledgment ack(std::string type, std::string_view received,
                                       std::vector<orders::AckLine> lines = {}) {
  orders::OrderAcknowledgment a;
  a.partner_id = "NORTHWIND";
  a.po_number = std::string(kPo);
  a.ack_type = std::move(type);
  a.ack_date = std::string(received.substr(0, 10));
  a.lines = std::move(lines);
  a.source = source(3, received, "855");
  return a;
}

inline orders::AckLine ack_line(std::string number, std::string status,
                                std::string scheduled_ship = "") {
  orders::AckLine l;
  l.line_number = std::move(number);
  l.status = std::move(status);
  l.quantity = orders::Decimal{100000};
  l.uom = "EA";
  l.scheduled_ship = std::move(scheduled_ship);
  return l;
}

inline orders::InvoiceLine invoice_line(std::string number, std::string qty, std::string price,
                                        std::string sku) {
  orders::InvoiceLine l;
  l.line_number = std::move(number);
  l.quantity = dec(qty);
  l.uom = "EA";
  l.unit_price = dec(price);
  l.sku = std::move(sku);
  return l;
}

inline orders::Invoice invoice(std::string number, std::vector<orders::InvoiceLine> lines) {
  orders::Invoice i;
  i.partner_id = "NORTHWIND";
  i.invoice_number = std::move(number);
  i.po_number = std::string(kPo);
  i.lines = std::move(lines);
  i.source = source(4, "2026-11-21T15:00:00Z", "810");
  return i;
}

inline std::vector<const Condition*> of_type(const Evaluation& e, ExceptionType type) {
  std::vector<const Condition*> out;
  for (const Condition& c : e.found) {
    if (c.type == type) out.push_back(&c);
  }
  return out;
}

// A copy of the one condition of `type` (the Evaluation is often a temporary), or nullopt with
// a test failure when there is not exactly one.
inline std::optional<Condition> only(const Evaluation& e, ExceptionType type) {
  const std::vector<const Condition*> all = of_type(e, type);
  EXPECT_EQ(all.size(), 1u) << to_string(type);
  if (all.size() != 1) return std::nullopt;
  return *all.front();
}

inline bool evaluated(const Evaluation& e, ExceptionType type) {
  return e.evaluated.test(static_cast<std::size_t>(type));
}

inline const std::string& reason(const Evaluation& e, ExceptionType type) {
  return e.cleared_reason[static_cast<std::size_t>(type)];
}

}  // namespace ordex::exceptions::testing
