// Buffered writes for ship notices, carrier events and the functional-acknowledgment trail.
#include "orders/store.h"
#include "orders/store_impl.h"

namespace ordex::orders {

Status Store::put_shipment(const Shipment& s) {
  if (Status st = impl_->refuse_if_read_only(); !st.ok()) return st;
  if (Status st = impl_->claim_key(B::kShipments, key_of({s.partner_id, s.shipment_id}));
      !st.ok()) {
    return st;
  }
  Batch::Row row = impl_->batch(B::kShipments).add();
  row.text(s.partner_id)
      .text(s.shipment_id)
      .optional(s.shipped_at)
      .text(s.estimated_delivery)
      .text(s.bill_of_lading)
      .text(s.carrier_scac)
      .text(s.depositor_order);
  add_source(row, s.source);
  Batch& items = impl_->batch(B::kShipmentItems);
  for (std::size_t i = 0; i < s.items.size(); ++i) {
    const ShipmentItem& item = s.items[i];
    items.add()
        .text(s.partner_id)
        .text(s.shipment_id)
        .integer(static_cast<std::int64_t>(i))
        .text(item.po_number)
        .text(item.sku)
        .text(item.upc)
        .text(item.buyer_part)
        .integer(item.quantity.e4)
        .text(item.uom);
  }
  Batch& orders = impl_->batch(B::kShipmentOrders);
  for (std::size_t i = 0; i < s.po_numbers.size(); ++i) {
    orders.add()
        .text(s.partner_id)
        .text(s.shipment_id)
        .integer(static_cast<std::int64_t>(i))
        .text(s.po_numbers[i]);
  }
  return impl_->wrote();
}

Status Store::add_shipment_event(const ShipmentEvent& e) {
  if (Status s = impl_->refuse_if_read_only(); !s.ok()) return s;
  Batch::Row row = impl_->batch(B::kEvents).add();
  row.text(e.carrier_id)
      .text(e.po_number)
      .text(e.bill_of_lading)
      .text(e.shipment_id)
      .text(e.carrier_reference)
      .text(e.carrier_scac)
      .text(e.status)
      .text(e.reason)
      .text(e.appointment)
      .text(e.appointment_reason)
      .integer(e.at)
      .optional(e.estimate)
      .text(e.city)
      .text(e.state)
      .text(e.country);
  add_source(row, e.source);
  return impl_->wrote();
}

Status Store::add_functional_ack(const FunctionalAck& a) {
  if (Status s = impl_->refuse_if_read_only(); !s.ok()) return s;
  if (a.source.interchange_id == 0) {
    return Failure{"add_functional_ack needs source.interchange_id (from record_interchange)"};
  }
  Batch::Row row = impl_->batch(B::kFunctionalAcks).add();
  row.text(a.partner_id).text(a.group_control).text(a.functional_id);
  row.text(a.interchange_control).text(a.status);
  add_source(row, a.source);
  Batch& sets = impl_->batch(B::kFunctionalAckSets);
  for (std::size_t i = 0; i < a.sets.size(); ++i) {
    sets.add()
        .integer(a.source.interchange_id)
        .text(a.source.group)
        .text(a.source.transaction)
        .integer(static_cast<std::int64_t>(i))
        .text(a.sets[i].first)
        .text(a.sets[i].second);
  }
  return impl_->wrote();
}

Status Store::add_outbound_group(const OutboundGroup& g) {
  if (Status s = impl_->refuse_if_read_only(); !s.ok()) return s;
  Batch::Row row = impl_->batch(B::kOutboundGroups).add();
  row.text(g.partner_id).text(g.functional_id).text(g.group_control).integer(g.sent_at);
  add_source(row, g.source);
  return impl_->wrote();
}

}  // namespace ordex::orders
