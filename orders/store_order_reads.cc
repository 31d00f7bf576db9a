// Reads of orders: one order with everything that happened to it, and the order list.
#include <limits>
#include <unordered_map>

#include "orders/store.h"
#include "orders/store_impl.h"

namespace ordex::orders {

namespace {

// Position of each parent id in its vector, for attaching children read in one query.
using ParentIndex = std::unordered_map<std::int64_t, std::size_t>;

Status run_for_order(Query& q, const std::string& partner_id, const std::string& po) {
  q.set(0, partner_id);
  q.set(1, po);
  return q.run();
}

StoredOrder stored_order_at(const Query& q, std::size_t r) {
  StoredOrder s;
  s.id = q.integer(r, 0);
  Order& o = s.order;
  o.partner_id = q.text(r, 1);
  o.po_number = q.text(r, 2);
  o.purpose = purpose_from(q.text(r, 3)).value_or(OrderPurpose::kOriginal);
  s.status = order_status_from(q.text(r, 4)).value_or(OrderStatus::kOpen);
  o.order_date = q.text(r, 5);
  o.ship_by = q.text(r, 6);
  o.due = q.text(r, 7);
  o.ship_to = q.text(r, 8);
  o.ship_to_qualifier = q.text(r, 9);
  o.ship_to_name = q.text(r, 10);
  o.depositor_order = q.text(r, 11);
  s.originals = q.integer(r, 12);
  o.source = read_source(q, r, 13);
  return s;
}

Status load_lines(Store::Impl& impl, StoredOrder& s) {
  Query& q = impl.query(Q::kOrderLines);
  q.set(0, s.id);
  if (Status st = q.run(); !st.ok()) return st;
  for (std::size_t r = 0; r < q.rows(); ++r) {
    OrderLine& l = s.order.lines.emplace_back();
    l.line_number = q.text(r, 0);
    l.quantity = Decimal{q.integer(r, 1)};
    l.uom = q.text(r, 2);
    l.unit_price = Decimal{q.integer(r, 3)};
    l.sku = q.text(r, 4);
    l.upc = q.text(r, 5);
    l.buyer_part = q.text(r, 6);
  }
  return Status();
}

Status load_acks(Store::Impl& impl, const StoredOrder& s, OrderDetail& d) {
  Query& q = impl.query(Q::kOrderAcks);
  if (Status st = run_for_order(q, s.order.partner_id, s.order.po_number); !st.ok()) return st;
  ParentIndex index;
  for (std::size_t r = 0; r < q.rows(); ++r) {
    index[q.integer(r, 0)] = d.acks.size();
    OrderAcknowledgment& a = d.acks.emplace_back();
    a.partner_id = q.text(r, 1);
    a.po_number = q.text(r, 2);
    a.ack_type = q.text(r, 3);
    a.ack_date = q.text(r, 4);
    a.purpose = q.text(r, 5);
    a.order_date = q.text(r, 6);
    a.source = read_source(q, r, 7);
  }
  Query& lines = impl.query(Q::kOrderAckLines);
  if (Status st = run_for_order(lines, s.order.partner_id, s.order.po_number); !st.ok()) {
    return st;
  }
  for (std::size_t r = 0; r < lines.rows(); ++r) {
    AckLine& l = d.acks[index.at(lines.integer(r, 0))].lines.emplace_back();
    l.line_number = lines.text(r, 1);
    l.status = lines.text(r, 2);
    l.quantity = Decimal{lines.integer(r, 3)};
    l.scheduled_ship = lines.text(r, 4);
    l.uom = lines.text(r, 5);
    l.sku = lines.text(r, 6);
    l.upc = lines.text(r, 7);
  }
  return Status();
}

Status load_invoices(Store::Impl& impl, const StoredOrder& s, OrderDetail& d) {
  Query& q = impl.query(Q::kOrderInvoices);
  if (Status st = run_for_order(q, s.order.partner_id, s.order.po_number); !st.ok()) return st;
  ParentIndex index;
  for (std::size_t r = 0; r < q.rows(); ++r) {
    index[q.integer(r, 0)] = d.invoices.size();
    Invoice& v = d.invoices.emplace_back();
    v.partner_id = q.text(r, 1);
    v.invoice_number = q.text(r, 2);
    v.po_number = q.text(r, 3);
    v.invoice_date = q.text(r, 4);
    v.total = Decimal{q.integer(r, 5)};
    v.source = read_source(q, r, 6);
  }
  Query& lines = impl.query(Q::kOrderInvoiceLines);
  if (Status st = run_for_order(lines, s.order.partner_id, s.order.po_number); !st.ok()) {
    return st;
  }
  for (std::size_t r = 0; r < lines.rows(); ++r) {
    InvoiceLine& l = d.invoices[index.at(lines.integer(r, 0))].lines.emplace_back();
    l.line_number = lines.text(r, 1);
    l.quantity = Decimal{lines.integer(r, 2)};
    l.uom = lines.text(r, 3);
    l.unit_price = Decimal{lines.integer(r, 4)};
    l.sku = lines.text(r, 5);
    l.upc = lines.text(r, 6);
    l.buyer_part = lines.text(r, 7);
  }
  return Status();
}

Status load_documents(Store::Impl& impl, const StoredOrder& s, OrderDetail& d) {
  Query& q = impl.query(Q::kOrderDocuments);
  if (Status st = run_for_order(q, s.order.partner_id, s.order.po_number); !st.ok()) return st;
  for (std::size_t r = 0; r < q.rows(); ++r) d.documents.push_back(document_at(q, r));
  return Status();
}

}  // namespace

Result<std::optional<OrderDetail>> Store::order(const std::string& partner_id,
                                                const std::string& po_number) {
  Query& q = impl_->query(Q::kOrderByKey);
  q.set(0, partner_id);
  q.set(1, po_number);
  if (Status s = impl_->read(q); !s.ok()) return Failure{s.error()};
  if (q.rows() == 0) return std::optional<OrderDetail>();
  OrderDetail d;
  d.order = stored_order_at(q, 0);
  for (auto load : {load_acks, load_shipments, load_events, load_invoices, load_documents}) {
    if (Status s = load(*impl_, d.order, d); !s.ok()) return Failure{s.error()};
  }
  if (Status s = load_lines(*impl_, d.order); !s.ok()) return Failure{s.error()};
  return std::optional<OrderDetail>(std::move(d));
}

Result<OrderDetail> Store::order_activity(const std::string& partner_id,
                                          const std::string& po_number) {
  Result<std::optional<OrderDetail>> found = order(partner_id, po_number);
  if (!found.ok()) return Failure{found.error()};
  if (found.value()) return std::move(*found.value());
  // No order: what arrived for its key anyway, read with the same queries (they take the
  // partner and PO from the order they are given).
  OrderDetail d;
  d.order.order.partner_id = partner_id;
  d.order.order.po_number = po_number;
  for (auto load : {load_acks, load_shipments, load_events, load_invoices, load_documents}) {
    if (Status s = load(*impl_, d.order, d); !s.ok()) return Failure{s.error()};
  }
  return d;
}

Result<std::vector<OrderSummary>> Store::list_orders(const OrderQuery& query) {
  Query& q = impl_->query(Q::kListOrders);
  const std::string status = query.status ? to_string(*query.status) : "";
  for (std::size_t i = 0; i < 2; ++i) {
    q.set(i, query.partner_id);
    q.set(2 + i, status);
    q.set(4 + i, query.due_before);
  }
  q.set(6, query.limit > 0 ? query.limit : std::numeric_limits<std::int64_t>::max());
  q.set(7, query.offset);
  if (Status s = impl_->read(q); !s.ok()) return Failure{s.error()};
  std::vector<OrderSummary> out;
  for (std::size_t r = 0; r < q.rows(); ++r) {
    OrderSummary o;
    o.id = q.integer(r, 0);
    o.partner_id = q.text(r, 1);
    o.po_number = q.text(r, 2);
    o.order_date = q.text(r, 3);
    o.ship_by = q.text(r, 4);
    o.due = q.text(r, 5);
    o.purpose = purpose_from(q.text(r, 6)).value_or(OrderPurpose::kOriginal);
    o.status = order_status_from(q.text(r, 7)).value_or(OrderStatus::kOpen);
    o.originals = q.integer(r, 8);
    o.ordered_qty = Decimal{q.integer(r, 9)};
    o.shipped_qty = Decimal{q.integer(r, 10)};
    o.delivered_at = q.optional(r, 11);
    out.push_back(std::move(o));
  }
  return out;
}

Result<std::vector<std::string>> Store::partners_with_po(const std::string& po_number) {
  Query& q = impl_->query(Q::kPartnersWithPo);
  q.set(0, po_number);
  if (Status s = impl_->read(q); !s.ok()) return Failure{s.error()};
  std::vector<std::string> out;
  for (std::size_t r = 0; r < q.rows(); ++r) out.push_back(q.text(r, 0));
  return out;
}

Result<std::vector<std::pair<std::string, std::string>>> Store::order_keys_in_file(
    std::int64_t file_id) {
  Query& q = impl_->query(Q::kOrderKeysInFile);
  for (std::size_t i = 0; i < 7; ++i) q.set(i, file_id);
  if (Status s = impl_->read(q); !s.ok()) return Failure{s.error()};
  std::vector<std::pair<std::string, std::string>> out;
  for (std::size_t r = 0; r < q.rows(); ++r) out.emplace_back(q.text(r, 0), q.text(r, 1));
  return out;
}

}  // namespace ordex::orders
