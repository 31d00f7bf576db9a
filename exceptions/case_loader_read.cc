// One page of cases from the loader's result sets. Column positions follow case_loader_sql.cc;
// each reader mirrors the Store reader of the same part (orders/store_*reads.cc).
#include "exceptions/case_loader_read.h"

#include <string>

#include "exceptions/exception_rows.h"

namespace ordex::exceptions {

orders::Decimal decimal(const orders::Query& q, std::size_t r, std::size_t c) {
  return orders::Decimal{q.integer(r, c)};
}

Status orphan(const char* what, std::int64_t ordinal) {
  return Failure{std::string("case loader: ") + what + " of key " + std::to_string(ordinal) +
                 " has no parent in the page"};
}

orders::TimeZone partner_zone(const std::string& name) {
  if (name.empty()) return orders::TimeZone::utc();
  edi::Result<orders::TimeZone> zone = orders::TimeZone::named(name);
  // master load refuses unknown zones; one that vanished from tzdata falls back to UTC rather
  // than stopping every rule for the partner.
  return zone.ok() ? zone.value() : orders::TimeZone::utc();
}

void PageReader::bind(orders::Query& q, case_sql::Part part) const {
  const std::size_t ranges = part == case_sql::kEvents ? 3 : part == case_sql::kItems ? 2 : 1;
  for (std::size_t i = 0; i < ranges; ++i) {
    q.set(3 * i, file_id_);
    q.set(3 * i + 1, from_);
    q.set(3 * i + 2, to_);
  }
}

Result<LoadedCase*> PageReader::at(std::int64_t ordinal) {
  const std::size_t index = first_ + static_cast<std::size_t>(ordinal - from_ - 1);
  if (ordinal <= from_ || ordinal > to_ || index >= out_.size()) {
    return Failure{"case loader: key " + std::to_string(ordinal) + " is not in the page"};
  }
  return &out_[index];
}

Status PageReader::read(const orders::Query& q, case_sql::Part part) {
  switch (part) {
    case case_sql::kKeys:
      return read_keys(q);
    case case_sql::kOrders:
      return read_orders(q);
    case case_sql::kOrderLines:
      return read_order_lines(q);
    case case_sql::kAcks:
      return read_acks(q);
    case case_sql::kAckLines:
      return read_ack_lines(q);
    case case_sql::kShipments:
      return read_shipments(q);
    case case_sql::kShipmentItems:
      return read_shipment_items(q);
    case case_sql::kShipmentPos:
      return read_shipment_pos(q);
    case case_sql::kEvents:
      return read_events(q);
    case case_sql::kInvoices:
      return read_invoices(q);
    case case_sql::kInvoiceLines:
      return read_invoice_lines(q);
    case case_sql::kDocuments:
      return read_documents(q);
    case case_sql::kItems:
      read_items(q);
      return Status();
    case case_sql::kLocations:
      read_locations(q);
      return Status();
    case case_sql::kExceptions:
      return read_exceptions(q);
    case case_sql::kPartCount:
      break;
  }
  return Failure{"case loader: unknown part"};
}

Status PageReader::read_keys(const orders::Query& q) {
  for (std::size_t r = 0; r < q.rows(); ++r) {
    // Ordinals are dense (ROW_NUMBER), so a key's case sits at its ordinal's offset.
    if (q.integer(r, 0) != from_ + 1 + static_cast<std::int64_t>(out_.size() - first_)) {
      return Failure{"case loader: staged keys are not numbered 1..n"};
    }
    OrderCase& c = out_.emplace_back().c;
    c.partner_id = q.text(r, 1);
    c.po_number = q.text(r, 2);
    if (q.integer(r, 3) == 0) continue;
    orders::TradingPartner p;
    p.partner_id = c.partner_id;
    p.name = q.text(r, 4);
    p.role = orders::role_from(q.text(r, 5)).value_or(orders::PartnerRole::kCustomer);
    p.qualifier = q.text(r, 6);
    p.edi_id = q.text(r, 7);
    p.timezone = q.text(r, 8);
    p.registered = q.integer(r, 9) != 0;
    auto zone = zones_.find(p.timezone);
    if (zone == zones_.end()) zone = zones_.emplace(p.timezone, partner_zone(p.timezone)).first;
    c.zone = zone->second;
    c.partner = std::move(p);
  }
  return Status();
}

Status PageReader::read_orders(const orders::Query& q) {
  for (std::size_t r = 0; r < q.rows(); ++r) {
    Result<LoadedCase*> lc = at(q.integer(r, 0));
    if (!lc.ok()) return Failure{lc.error()};
    orders::StoredOrder& s = lc.value()->c.order.emplace();
    s.id = q.integer(r, 1);
    orders::Order& o = s.order;
    o.partner_id = q.text(r, 2);
    o.po_number = q.text(r, 3);
    o.purpose = orders::purpose_from(q.text(r, 4)).value_or(orders::OrderPurpose::kOriginal);
    s.status = orders::order_status_from(q.text(r, 5)).value_or(orders::OrderStatus::kOpen);
    o.order_date = q.text(r, 6);
    o.ship_by = q.text(r, 7);
    o.due = q.text(r, 8);
    o.ship_to = q.text(r, 9);
    o.ship_to_qualifier = q.text(r, 10);
    o.ship_to_name = q.text(r, 11);
    o.depositor_order = q.text(r, 12);
    s.originals = q.integer(r, 13);
    o.source = orders::read_source(q, r, 14);
  }
  return Status();
}

Status PageReader::read_order_lines(const orders::Query& q) {
  for (std::size_t r = 0; r < q.rows(); ++r) {
    Result<LoadedCase*> lc = at(q.integer(r, 0));
    if (!lc.ok()) return Failure{lc.error()};
    if (!lc.value()->c.order) return orphan("an order line", q.integer(r, 0));
    orders::OrderLine& l = lc.value()->c.order->order.lines.emplace_back();
    l.line_number = q.text(r, 1);
    l.quantity = decimal(q, r, 2);
    l.uom = q.text(r, 3);
    l.unit_price = decimal(q, r, 4);
    l.sku = q.text(r, 5);
    l.upc = q.text(r, 6);
    l.buyer_part = q.text(r, 7);
  }
  return Status();
}

Status PageReader::read_acks(const orders::Query& q) {
  for (std::size_t r = 0; r < q.rows(); ++r) {
    Result<LoadedCase*> lc = at(q.integer(r, 0));
    if (!lc.ok()) return Failure{lc.error()};
    std::vector<orders::OrderAcknowledgment>& acks = lc.value()->c.acks;
    acks_[{q.integer(r, 0), q.integer(r, 1)}] = acks.size();
    orders::OrderAcknowledgment& a = acks.emplace_back();
    a.partner_id = q.text(r, 2);
    a.po_number = q.text(r, 3);
    a.ack_type = q.text(r, 4);
    a.ack_date = q.text(r, 5);
    a.purpose = q.text(r, 6);
    a.order_date = q.text(r, 7);
    a.source = orders::read_source(q, r, 8);
  }
  return Status();
}

Status PageReader::read_ack_lines(const orders::Query& q) {
  for (std::size_t r = 0; r < q.rows(); ++r) {
    Result<LoadedCase*> lc = at(q.integer(r, 0));
    if (!lc.ok()) return Failure{lc.error()};
    auto parent = acks_.find({q.integer(r, 0), q.integer(r, 1)});
    if (parent == acks_.end()) return orphan("an acknowledgment line", q.integer(r, 0));
    orders::AckLine& l = lc.value()->c.acks[parent->second].lines.emplace_back();
    l.line_number = q.text(r, 2);
    l.status = q.text(r, 3);
    l.quantity = decimal(q, r, 4);
    l.scheduled_ship = q.text(r, 5);
    l.uom = q.text(r, 6);
    l.sku = q.text(r, 7);
    l.upc = q.text(r, 8);
  }
  return Status();
}

Status PageReader::read_exceptions(const orders::Query& q) {
  // The ordinal follows exception_rows.h's columns.
  const std::size_t ordinal_column = std::char_traits<char>::length(rows::kSelectTypes);
  for (std::size_t r = 0; r < q.rows(); ++r) {
    Result<LoadedCase*> lc = at(q.integer(r, ordinal_column));
    if (!lc.ok()) return Failure{lc.error()};
    lc.value()->existing.push_back(rows::read(q, r));
  }
  return Status();
}

}  // namespace ordex::exceptions
