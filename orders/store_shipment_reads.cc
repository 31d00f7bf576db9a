// Reads of the ship notices and carrier events of one order (for Store::order).
#include <unordered_map>

#include "orders/store.h"
#include "orders/store_impl.h"

namespace ordex::orders {

namespace {

Status run_for_order(Query& q, const StoredOrder& s) {
  q.set(0, s.order.partner_id);
  q.set(1, s.order.po_number);
  return q.run();
}

Shipment shipment_at(const Query& q, std::size_t r) {
  Shipment s;
  s.partner_id = q.text(r, 1);
  s.shipment_id = q.text(r, 2);
  s.shipped_at = q.optional(r, 3);
  s.estimated_delivery = q.text(r, 4);
  s.bill_of_lading = q.text(r, 5);
  s.carrier_scac = q.text(r, 6);
  s.depositor_order = q.text(r, 7);
  s.source = read_source(q, r, 8);
  return s;
}

}  // namespace

Status load_shipments(Store::Impl& impl, const StoredOrder& s, OrderDetail& d) {
  Query& q = impl.query(Q::kOrderShipments);
  if (Status st = run_for_order(q, s); !st.ok()) return st;
  std::unordered_map<std::int64_t, std::size_t> index;
  for (std::size_t r = 0; r < q.rows(); ++r) {
    index[q.integer(r, 0)] = d.shipments.size();
    d.shipments.push_back(shipment_at(q, r));
  }
  Query& items = impl.query(Q::kOrderShipmentItems);
  if (Status st = run_for_order(items, s); !st.ok()) return st;
  for (std::size_t r = 0; r < items.rows(); ++r) {
    ShipmentItem& item = d.shipments[index.at(items.integer(r, 0))].items.emplace_back();
    item.po_number = items.text(r, 1);
    item.sku = items.text(r, 2);
    item.upc = items.text(r, 3);
    item.buyer_part = items.text(r, 4);
    item.quantity = Decimal{items.integer(r, 5)};
    item.uom = items.text(r, 6);
  }
  Query& pos = impl.query(Q::kOrderShipmentPos);
  if (Status st = run_for_order(pos, s); !st.ok()) return st;
  for (std::size_t r = 0; r < pos.rows(); ++r) {
    d.shipments[index.at(pos.integer(r, 0))].po_numbers.push_back(pos.text(r, 1));
  }
  return Status();
}

namespace {

// The PO numbers of each shipment in `shipments` (ids in `ids`), one query per shipment: these
// lookups return one shipment or a handful.
Status add_po_numbers(Store::Impl& impl, const std::vector<std::int64_t>& ids,
                      std::vector<Shipment>& shipments) {
  Query& q = impl.query(Q::kShipmentPos);
  for (std::size_t i = 0; i < ids.size(); ++i) {
    q.set(0, ids[i]);
    if (Status s = q.run(); !s.ok()) return s;
    for (std::size_t r = 0; r < q.rows(); ++r) shipments[i].po_numbers.push_back(q.text(r, 0));
  }
  return Status();
}

Result<std::vector<Shipment>> shipments_where(Store::Impl& impl, Q id, const std::string& key) {
  Query& q = impl.query(id);
  q.set(0, key);
  if (Status s = impl.read(q); !s.ok()) return Failure{s.error()};
  std::vector<Shipment> out;
  std::vector<std::int64_t> ids;
  for (std::size_t r = 0; r < q.rows(); ++r) {
    ids.push_back(q.integer(r, 0));
    out.push_back(shipment_at(q, r));
  }
  if (Status s = add_po_numbers(impl, ids, out); !s.ok()) return Failure{s.error()};
  return out;
}

}  // namespace

Result<std::vector<Shipment>> Store::shipments_by_bill_of_lading(const std::string& bol) {
  return shipments_where(*impl_, Q::kShipmentsByBol, bol);
}

Result<std::vector<Shipment>> Store::shipments_by_shipment_id(const std::string& shipment_id) {
  return shipments_where(*impl_, Q::kShipmentsById, shipment_id);
}

Status load_events(Store::Impl& impl, const StoredOrder& s, OrderDetail& d) {
  Query& q = impl.query(Q::kOrderEvents);
  q.set(0, s.order.po_number);  // by PO; then by the shipments' bill of lading, and ids
  for (std::size_t i : {1, 3}) {
    q.set(i, s.order.partner_id);
    q.set(i + 1, s.order.po_number);
  }
  if (Status st = q.run(); !st.ok()) return st;
  for (std::size_t r = 0; r < q.rows(); ++r) {
    ShipmentEvent e;
    e.carrier_id = q.text(r, 0);
    e.po_number = q.text(r, 1);
    e.bill_of_lading = q.text(r, 2);
    e.shipment_id = q.text(r, 3);
    e.carrier_reference = q.text(r, 4);
    e.carrier_scac = q.text(r, 5);
    e.status = q.text(r, 6);
    e.reason = q.text(r, 7);
    e.appointment = q.text(r, 8);
    e.appointment_reason = q.text(r, 9);
    e.at = q.integer(r, 10);
    e.estimate = q.optional(r, 11);
    e.city = q.text(r, 12);
    e.state = q.text(r, 13);
    e.country = q.text(r, 14);
    e.source = read_source(q, r, 15);
    d.events.push_back(std::move(e));
  }
  return Status();
}

}  // namespace ordex::orders
