// The ship notices, carrier events, invoices, documents and master data of a page of cases.
#include "exceptions/case_loader_read.h"

namespace ordex::exceptions {

Status PageReader::read_shipments(const orders::Query& q) {
  for (std::size_t r = 0; r < q.rows(); ++r) {
    Result<LoadedCase*> lc = at(q.integer(r, 0));
    if (!lc.ok()) return Failure{lc.error()};
    std::vector<orders::Shipment>& shipments = lc.value()->c.shipments;
    shipments_[{q.integer(r, 0), q.integer(r, 1)}] = shipments.size();
    orders::Shipment& s = shipments.emplace_back();
    s.partner_id = q.text(r, 2);
    s.shipment_id = q.text(r, 3);
    s.shipped_at = q.optional(r, 4);
    s.estimated_delivery = q.text(r, 5);
    s.bill_of_lading = q.text(r, 6);
    s.carrier_scac = q.text(r, 7);
    s.depositor_order = q.text(r, 8);
    s.source = orders::read_source(q, r, 9);
  }
  return Status();
}

Status PageReader::read_shipment_items(const orders::Query& q) {
  for (std::size_t r = 0; r < q.rows(); ++r) {
    Result<LoadedCase*> lc = at(q.integer(r, 0));
    if (!lc.ok()) return Failure{lc.error()};
    auto parent = shipments_.find({q.integer(r, 0), q.integer(r, 1)});
    if (parent == shipments_.end()) return orphan("a ship-notice item", q.integer(r, 0));
    orders::ShipmentItem& item = lc.value()->c.shipments[parent->second].items.emplace_back();
    item.po_number = q.text(r, 2);
    item.sku = q.text(r, 3);
    item.upc = q.text(r, 4);
    item.buyer_part = q.text(r, 5);
    item.quantity = decimal(q, r, 6);
    item.uom = q.text(r, 7);
  }
  return Status();
}

Status PageReader::read_shipment_pos(const orders::Query& q) {
  for (std::size_t r = 0; r < q.rows(); ++r) {
    Result<LoadedCase*> lc = at(q.integer(r, 0));
    if (!lc.ok()) return Failure{lc.error()};
    auto parent = shipments_.find({q.integer(r, 0), q.integer(r, 1)});
    if (parent == shipments_.end()) return orphan("a ship-notice PO", q.integer(r, 0));
    lc.value()->c.shipments[parent->second].po_numbers.push_back(q.text(r, 2));
  }
  return Status();
}

Status PageReader::read_events(const orders::Query& q) {
  for (std::size_t r = 0; r < q.rows(); ++r) {
    Result<LoadedCase*> lc = at(q.integer(r, 0));
    if (!lc.ok()) return Failure{lc.error()};
    orders::ShipmentEvent& e = lc.value()->c.events.emplace_back();
    e.carrier_id = q.text(r, 1);
    e.po_number = q.text(r, 2);
    e.bill_of_lading = q.text(r, 3);
    e.shipment_id = q.text(r, 4);
    e.carrier_reference = q.text(r, 5);
    e.carrier_scac = q.text(r, 6);
    e.status = q.text(r, 7);
    e.reason = q.text(r, 8);
    e.appointment = q.text(r, 9);
    e.appointment_reason = q.text(r, 10);
    e.at = q.integer(r, 11);
    e.estimate = q.optional(r, 12);
    e.city = q.text(r, 13);
    e.state = q.text(r, 14);
    e.country = q.text(r, 15);
    e.source = orders::read_source(q, r, 16);
  }
  return Status();
}

Status PageReader::read_invoices(const orders::Query& q) {
  for (std::size_t r = 0; r < q.rows(); ++r) {
    Result<LoadedCase*> lc = at(q.integer(r, 0));
    if (!lc.ok()) return Failure{lc.error()};
    std::vector<orders::Invoice>& invoices = lc.value()->c.invoices;
    invoices_[{q.integer(r, 0), q.integer(r, 1)}] = invoices.size();
    orders::Invoice& v = invoices.emplace_back();
    v.partner_id = q.text(r, 2);
    v.invoice_number = q.text(r, 3);
    v.po_number = q.text(r, 4);
    v.invoice_date = q.text(r, 5);
    v.total = decimal(q, r, 6);
    v.source = orders::read_source(q, r, 7);
  }
  return Status();
}

Status PageReader::read_invoice_lines(const orders::Query& q) {
  for (std::size_t r = 0; r < q.rows(); ++r) {
    Result<LoadedCase*> lc = at(q.integer(r, 0));
    if (!lc.ok()) return Failure{lc.error()};
    auto parent = invoices_.find({q.integer(r, 0), q.integer(r, 1)});
    if (parent == invoices_.end()) return orphan("an invoice line", q.integer(r, 0));
    orders::InvoiceLine& l = lc.value()->c.invoices[parent->second].lines.emplace_back();
    l.line_number = q.text(r, 2);
    l.quantity = decimal(q, r, 3);
    l.uom = q.text(r, 4);
    l.unit_price = decimal(q, r, 5);
    l.sku = q.text(r, 6);
    l.upc = q.text(r, 7);
    l.buyer_part = q.text(r, 8);
  }
  return Status();
}

Status PageReader::read_documents(const orders::Query& q) {
  for (std::size_t r = 0; r < q.rows(); ++r) {
    Result<LoadedCase*> lc = at(q.integer(r, 0));
    if (!lc.ok()) return Failure{lc.error()};
    orders::DocumentRecord& d = lc.value()->c.documents.emplace_back();
    d.source = orders::read_source(q, r, 1);
    d.partner_id = q.text(r, 8);
    d.po_number = q.text(r, 9);
    d.status =
        orders::document_status_from(q.text(r, 10)).value_or(orders::DocumentStatus::kRejected);
    d.findings = q.integer(r, 11);
  }
  return Status();
}

void PageReader::read_items(const orders::Query& q) {
  for (std::size_t r = 0; r < q.rows(); ++r) {
    orders::Item item;
    item.partner_id = q.text(r, 0);
    item.sku = q.text(r, 1);
    item.upc = q.text(r, 2);
    item.description = q.text(r, 3);
    item.uom = q.text(r, 4);
    item.unit_price = decimal(q, r, 5);
    const bool by_upc = q.integer(r, 6) == 1;
    Key key{item.partner_id, by_upc ? item.upc : item.sku};
    (by_upc ? by_upc_ : by_sku_).emplace(std::move(key), std::move(item));
  }
}

void PageReader::read_locations(const orders::Query& q) {
  for (std::size_t r = 0; r < q.rows(); ++r) {
    orders::Location l;
    l.partner_id = q.text(r, 0);
    l.location_code = q.text(r, 1);
    l.name = q.text(r, 2);
    l.address = q.text(r, 3);
    l.city = q.text(r, 4);
    l.state = q.text(r, 5);
    l.postal_code = q.text(r, 6);
    l.country = q.text(r, 7);
    Key key{l.partner_id, l.location_code};
    locations_.emplace(std::move(key), std::move(l));
  }
}

// As load_order_case: a line's item by sku, else by upc; one entry per line that names one.
void PageReader::resolve_items(OrderCase& c) const {
  auto find = [&](const std::map<Key, orders::Item>& in, const std::string& code) {
    auto it = in.find(Key{c.partner_id, code});
    return it == in.end() ? nullptr : &it->second;
  };
  for (const orders::OrderLine& line : c.order->order.lines) {
    if (line.sku.empty() && line.upc.empty()) continue;
    const orders::Item* item =
        !line.sku.empty() ? find(by_sku_, line.sku) : find(by_upc_, line.upc);
    if (!item && !line.sku.empty() && !line.upc.empty()) item = find(by_upc_, line.upc);
    if (item) c.items.push_back(*item);
  }
}

void PageReader::finish() {
  for (std::size_t i = first_; i < out_.size(); ++i) {
    OrderCase& c = out_[i].c;
    if (!c.order) continue;
    resolve_items(c);
    if (c.order->order.ship_to.empty()) continue;
    auto to = locations_.find(Key{c.partner_id, c.order->order.ship_to});
    if (to != locations_.end()) c.ship_to = to->second;
  }
}

}  // namespace ordex::exceptions
