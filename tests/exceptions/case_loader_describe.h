#pragma once
// Every field of an order case, and of the exceptions loaded with it, as text: what the case
// loader tests compare (bulk-loaded against load_order_case / ExceptionStore::of_order), so a
// difference shows as a readable diff.
#include <sstream>
#include <string>
#include <vector>

#include "exceptions/exception_record.h"
#include "exceptions/order_case.h"
#include "orders/decimal.h"

namespace ordex::exceptions::testing {

inline std::string describe_source(const orders::SourceRef& s) {
  std::ostringstream o;
  o << "src(" << s.file_id << ',' << s.interchange_id << ',' << s.interchange << ',' << s.group
    << ',' << s.transaction << ',' << s.set_id << ',' << s.received_at << ')';
  return o.str();
}

inline std::string opt(const std::optional<orders::Instant>& v) {
  return v ? std::to_string(*v) : "-";
}

inline std::string describe(const OrderCase& c) {
  using orders::to_string;
  std::ostringstream o;
  o << "case " << c.partner_id << '/' << c.po_number << " zone " << c.zone.name() << '\n';
  if (c.partner) {
    const orders::TradingPartner& p = *c.partner;
    o << "partner " << p.partner_id << '|' << p.name << '|' << to_string(p.role) << '|'
      << p.qualifier << '|' << p.edi_id << '|' << p.timezone << '|' << p.registered << '\n';
  }
  if (c.order) {
    const orders::Order& r = c.order->order;
    o << "order " << c.order->id << '|' << to_string(c.order->status) << '|' << c.order->originals
      << '|' << r.partner_id << '|' << r.po_number << '|' << to_string(r.purpose) << '|'
      << r.order_date << '|' << r.ship_by << '|' << r.due << '|' << r.ship_to << '|'
      << r.ship_to_qualifier << '|' << r.ship_to_name << '|' << r.depositor_order << '|'
      << describe_source(r.source) << '\n';
    for (const orders::OrderLine& l : r.lines) {
      o << "  line " << l.line_number << '|' << to_string(l.quantity) << '|' << l.uom << '|'
        << to_string(l.unit_price) << '|' << l.sku << '|' << l.upc << '|' << l.buyer_part << '\n';
    }
  }
  for (const orders::OrderAcknowledgment& a : c.acks) {
    o << "ack " << a.partner_id << '|' << a.po_number << '|' << a.ack_type << '|' << a.ack_date
      << '|' << a.purpose << '|' << a.order_date << '|' << describe_source(a.source) << '\n';
    for (const orders::AckLine& l : a.lines) {
      o << "  line " << l.line_number << '|' << l.status << '|' << to_string(l.quantity) << '|'
        << l.scheduled_ship << '|' << l.uom << '|' << l.sku << '|' << l.upc << '\n';
    }
  }
  for (const orders::Shipment& s : c.shipments) {
    o << "shipment " << s.partner_id << '|' << s.shipment_id << '|' << opt(s.shipped_at) << '|'
      << s.estimated_delivery << '|' << s.bill_of_lading << '|' << s.carrier_scac << '|'
      << s.depositor_order << '|' << describe_source(s.source) << " pos";
    for (const std::string& po : s.po_numbers) o << ' ' << po;
    o << '\n';
    for (const orders::ShipmentItem& i : s.items) {
      o << "  item " << i.po_number << '|' << i.sku << '|' << i.upc << '|' << i.buyer_part << '|'
        << to_string(i.quantity) << '|' << i.uom << '\n';
    }
  }
  for (const orders::ShipmentEvent& e : c.events) {
    o << "event " << e.carrier_id << '|' << e.po_number << '|' << e.bill_of_lading << '|'
      << e.shipment_id << '|' << e.carrier_reference << '|' << e.carrier_scac << '|' << e.status
      << '|' << e.reason << '|' << e.appointment << '|' << e.appointment_reason << '|' << e.at
      << '|' << opt(e.estimate) << '|' << e.city << '|' << e.state << '|' << e.country << '|'
      << describe_source(e.source) << '\n';
  }
  for (const orders::Invoice& v : c.invoices) {
    o << "invoice " << v.partner_id << '|' << v.invoice_number << '|' << v.po_number << '|'
      << v.invoice_date << '|' << to_string(v.total) << '|' << describe_source(v.source) << '\n';
    for (const orders::InvoiceLine& l : v.lines) {
      o << "  line " << l.line_number << '|' << to_string(l.quantity) << '|' << l.uom << '|'
        << to_string(l.unit_price) << '|' << l.sku << '|' << l.upc << '|' << l.buyer_part << '\n';
    }
  }
  for (const orders::DocumentRecord& d : c.documents) {
    o << "document " << describe_source(d.source) << '|' << d.partner_id << '|' << d.po_number
      << '|' << to_string(d.status) << '|' << d.findings << '\n';
  }
  for (const orders::Item& i : c.items) {
    o << "item " << i.partner_id << '|' << i.sku << '|' << i.upc << '|' << i.description << '|'
      << i.uom << '|' << to_string(i.unit_price) << '\n';
  }
  if (c.ship_to) {
    const orders::Location& l = *c.ship_to;
    o << "ship-to " << l.partner_id << '|' << l.location_code << '|' << l.name << '|' << l.address
      << '|' << l.city << '|' << l.state << '|' << l.postal_code << '|' << l.country << '\n';
  }
  return o.str();
}

inline std::string describe(const std::vector<ExceptionRecord>& all) {
  std::ostringstream o;
  for (const ExceptionRecord& e : all) {
    o << e.id << '|' << e.dedupe_key << '|' << to_string(e.status) << '|' << e.summary << '|'
      << e.evidence << '|' << e.updated_at << '|' << opt(e.resolve_due) << '\n';
  }
  return o.str();
}

}  // namespace ordex::exceptions::testing
