// Buffered writes: master data and documents. Each appends rows to its batches (statements_*.cc
// name the columns, in the order written here) and lets Impl::wrote() decide when to flush.
#include "orders/store.h"
#include "orders/store_impl.h"

namespace ordex::orders {

namespace {

void add_partner(Batch& batch, const TradingPartner& p) {
  batch.add()
      .text(p.partner_id)
      .text(p.name)
      .text(to_string(p.role))
      .text(p.qualifier)
      .text(p.edi_id)
      .text(p.timezone)
      .integer(p.registered ? 1 : 0);
}

Status require_interchange(const SourceRef& source, const char* what) {
  if (source.interchange_id != 0) return Status();
  return Failure{std::string(what) + " needs source.interchange_id (from record_interchange)"};
}

}  // namespace

namespace {

// Order lines and invoice lines have the same columns: the document's key, the line's place,
// then what was ordered or billed.
template <typename Line>
void add_item_lines(Batch& batch, const std::string& partner_id, const std::string& document,
                    const std::vector<Line>& lines) {
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    batch.add()
        .text(partner_id)
        .text(document)
        .integer(static_cast<std::int64_t>(i))
        .text(l.line_number)
        .integer(l.quantity.e4)
        .text(l.uom)
        .integer(l.unit_price.e4)
        .text(l.sku)
        .text(l.upc)
        .text(l.buyer_part);
  }
}

}  // namespace

Status Store::upsert_partner(const TradingPartner& partner) {
  if (Status s = impl_->refuse_if_read_only(); !s.ok()) return s;
  if (Status s = impl_->claim_key(B::kPartners, partner.partner_id); !s.ok()) return s;
  add_partner(impl_->batch(B::kPartners), partner);
  return impl_->wrote();
}

Status Store::ensure_partner(const TradingPartner& partner) {
  if (Status s = impl_->refuse_if_read_only(); !s.ok()) return s;
  add_partner(impl_->batch(B::kPartnersEnsure), partner);
  return impl_->wrote();
}

Status Store::upsert_item(const Item& item) {
  if (Status s = impl_->refuse_if_read_only(); !s.ok()) return s;
  if (Status s = impl_->claim_key(B::kItems, key_of({item.partner_id, item.sku})); !s.ok()) {
    return s;
  }
  impl_->batch(B::kItems)
      .add()
      .text(item.partner_id)
      .text(item.sku)
      .text(item.upc)
      .text(item.description)
      .text(item.uom)
      .integer(item.unit_price.e4);
  return impl_->wrote();
}

Status Store::upsert_location(const Location& l) {
  if (Status s = impl_->refuse_if_read_only(); !s.ok()) return s;
  if (Status s = impl_->claim_key(B::kLocations, key_of({l.partner_id, l.location_code}));
      !s.ok()) {
    return s;
  }
  impl_->batch(B::kLocations)
      .add()
      .text(l.partner_id)
      .text(l.location_code)
      .text(l.name)
      .text(l.address)
      .text(l.city)
      .text(l.state)
      .text(l.postal_code)
      .text(l.country);
  return impl_->wrote();
}

Status Store::add_document(const DocumentRecord& d) {
  if (Status s = impl_->refuse_if_read_only(); !s.ok()) return s;
  Batch::Row row = impl_->batch(B::kDocuments).add();
  add_source(row, d.source);
  row.text(d.partner_id).text(d.po_number).text(to_string(d.status)).integer(d.findings);
  return impl_->wrote();
}

Status Store::add_finding(const FindingRecord& f) {
  if (Status s = impl_->refuse_if_read_only(); !s.ok()) return s;
  impl_->batch(B::kFindings)
      .add()
      .integer(f.file_id)
      .text(f.interchange)
      .text(f.group)
      .text(f.transaction)
      .text(f.set_id)
      .text(f.segment)
      .integer(f.segment_position)
      .integer(f.element)
      .integer(f.component)
      .integer(f.offset)
      .text(f.code)
      .text(f.severity)
      .text(f.message);
  return impl_->wrote();
}

Status Store::put_order(const Order& o) {
  if (Status s = impl_->refuse_if_read_only(); !s.ok()) return s;
  if (Status s = impl_->claim_key(B::kOrders, key_of({o.partner_id, o.po_number})); !s.ok()) {
    return s;
  }
  const bool cancel = o.purpose == OrderPurpose::kCancel;
  Batch::Row row = impl_->batch(B::kOrders).add();
  row.text(o.partner_id)
      .text(o.po_number)
      .text(to_string(o.purpose))
      .text(to_string(cancel ? OrderStatus::kCancelled : OrderStatus::kOpen))
      .text(o.order_date)
      .text(o.ship_by)
      .text(o.due)
      .text(o.ship_to)
      .text(o.ship_to_qualifier)
      .text(o.ship_to_name)
      .text(o.depositor_order)
      .integer(o.purpose == OrderPurpose::kOriginal ? 1 : 0);
  add_source(row, o.source);
  Batch& lines = impl_->batch(B::kOrderLines);
  add_item_lines(lines, o.partner_id, o.po_number, o.lines);
  return impl_->wrote();
}

Status Store::cancel_order(const std::string& partner_id, const std::string& po_number,
                           const SourceRef& source) {
  if (Status s = impl_->refuse_if_read_only(); !s.ok()) return s;
  // Shares the orders key: a put_order of the same order must not overtake the cancel.
  if (Status s = impl_->claim_key(B::kOrders, key_of({partner_id, po_number})); !s.ok()) {
    return s;
  }
  Batch::Row row = impl_->batch(B::kOrderCancels).add();
  row.text(partner_id).text(po_number);
  add_source(row, source);
  return impl_->wrote();
}

Status Store::add_order_ack(const OrderAcknowledgment& a) {
  if (Status s = impl_->refuse_if_read_only(); !s.ok()) return s;
  if (Status s = require_interchange(a.source, "add_order_ack"); !s.ok()) return s;
  Batch::Row row = impl_->batch(B::kAcks).add();
  row.text(a.partner_id).text(a.po_number).text(a.ack_type).text(a.ack_date);
  row.text(a.purpose).text(a.order_date);
  add_source(row, a.source);
  Batch& lines = impl_->batch(B::kAckLines);
  for (std::size_t i = 0; i < a.lines.size(); ++i) {
    const AckLine& l = a.lines[i];
    lines.add()
        .integer(a.source.interchange_id)
        .text(a.source.group)
        .text(a.source.transaction)
        .integer(static_cast<std::int64_t>(i))
        .text(l.line_number)
        .text(l.status)
        .integer(l.quantity.e4)
        .text(l.scheduled_ship)
        .text(l.uom)
        .text(l.sku)
        .text(l.upc);
  }
  return impl_->wrote();
}

Status Store::put_invoice(const Invoice& v) {
  if (Status s = impl_->refuse_if_read_only(); !s.ok()) return s;
  if (Status s = impl_->claim_key(B::kInvoices, key_of({v.partner_id, v.invoice_number}));
      !s.ok()) {
    return s;
  }
  Batch::Row row = impl_->batch(B::kInvoices).add();
  row.text(v.partner_id).text(v.invoice_number).text(v.po_number).text(v.invoice_date);
  row.integer(v.total.e4);
  add_source(row, v.source);
  Batch& lines = impl_->batch(B::kInvoiceLines);
  add_item_lines(lines, v.partner_id, v.invoice_number, v.lines);
  return impl_->wrote();
}

}  // namespace ordex::orders
