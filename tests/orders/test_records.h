#pragma once
// Small, realistic records for the store tests, built field by field so they keep compiling
// as the model grows.

#include <string>

#include "orders/model.h"
#include "orders/store_records.h"

namespace ordex::orders::testing {

inline TradingPartner customer(const std::string& id, const std::string& edi_id = "") {
  TradingPartner p;
  p.partner_id = id;
  p.name = id + " Stores";
  p.role = PartnerRole::kCustomer;
  p.qualifier = edi_id.empty() ? "" : "ZZ";
  p.edi_id = edi_id;
  p.timezone = "America/Chicago";
  return p;
}

inline TradingPartner carrier(const std::string& id) {
  TradingPartner p = customer(id);
  p.name = id + " Freight";
  p.role = PartnerRole::kCarrier;
  return p;
}

inline SourceRef source(std::int64_t file_id, std::int64_t interchange_id,
                        const std::string& transaction, Instant received_at = 1700000000) {
  SourceRef s;
  s.file_id = file_id;
  s.interchange_id = interchange_id;
  s.interchange = "000000" + std::to_string(interchange_id);
  s.group = "1";
  s.transaction = transaction;
  s.set_id = "850";
  s.received_at = received_at;
  return s;
}

inline OrderLine line(const std::string& number, std::int64_t quantity, std::int64_t price_e4,
                      const std::string& sku) {
  OrderLine l;
  l.line_number = number;
  l.quantity = Decimal{quantity * 10000};
  l.uom = "EA";
  l.unit_price = Decimal{price_e4};
  l.sku = sku;
  l.upc = "0123456789" + std::to_string(quantity % 10) + "5";
  l.buyer_part = "BP-" + sku;
  return l;
}

inline Order order(const std::string& partner, const std::string& po, int lines = 2) {
  Order o;
  o.partner_id = partner;
  o.po_number = po;
  o.order_date = "2024-03-01";
  o.ship_by = "2024-03-05";
  o.due = "2024-03-08";
  o.ship_to = "ST0042";
  o.ship_to_qualifier = "92";
  o.ship_to_name = "Dallas DC";
  for (int i = 1; i <= lines; ++i) {
    o.lines.push_back(line(std::to_string(i), 10 * i, 125000 + i, "SKU-" + std::to_string(i)));
  }
  return o;
}

inline Shipment shipment(const std::string& partner, const std::string& id, const std::string& po,
                         std::int64_t quantity) {
  Shipment s;
  s.partner_id = partner;
  s.shipment_id = id;
  s.po_numbers = {po};
  s.shipped_at = 1709700000;
  s.estimated_delivery = "2024-03-07";
  s.bill_of_lading = "BOL-" + id;
  s.carrier_scac = "ODFL";
  ShipmentItem item;
  item.po_number = po;
  item.sku = "SKU-1";
  item.upc = "012345678905";
  item.quantity = Decimal{quantity * 10000};
  item.uom = "EA";
  s.items.push_back(item);
  return s;
}

inline ShipmentEvent event(const std::string& carrier, const std::string& po,
                           const std::string& status, Instant at) {
  ShipmentEvent e;
  e.carrier_id = carrier;
  e.po_number = po;
  e.status = status;
  e.at = at;
  e.city = "Dallas";
  e.state = "TX";
  e.country = "US";
  return e;
}

inline InboundFile file(const std::string& sha256, const std::string& path = "in/a.edi") {
  InboundFile f;
  f.path = path;
  f.sha256 = sha256;
  f.bytes = 1234;
  f.imported_at = 1700000100;
  return f;
}

inline InterchangeRecord interchange(std::int64_t file_id, const std::string& control,
                                     const std::string& hash) {
  InterchangeRecord r;
  r.file_id = file_id;
  r.standard = "X12";
  r.sender_qualifier = "ZZ";
  r.sender_id = "NORTHWIND";
  r.receiver_qualifier = "ZZ";
  r.receiver_id = "ORDEX";
  r.control_number = control;
  r.content_hash = hash;
  r.received_at = 1700000000;
  return r;
}

}  // namespace ordex::orders::testing
