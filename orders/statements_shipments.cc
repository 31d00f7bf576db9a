// Statements for ship notices (shipments, their items and the orders they name) and carrier
// status events.
#include "orders/statements.h"

namespace ordex::orders {

const QuerySpec kShipmentQueries[] = {
    {Q::kOrderShipments, "order_shipments", "tt",
     "itt"
     "n"
     "tttt"
     "{src_types}",
     "SELECT s.id, s.partner_id, s.shipment_id, s.shipped_at, s.estimated_delivery, "
     "s.bill_of_lading, s.carrier_scac, s.depositor_order, {src_select} FROM shipments s "
     "JOIN shipment_orders so ON so.shipment_ref = s.id "
     "WHERE so.partner_id = ? AND so.po_number = ? ORDER BY s.received_at, s.id"},
    {Q::kOrderShipmentItems, "order_shipment_items", "tt", "ittttit",
     "SELECT si.shipment_ref, si.po_number, si.sku, si.upc, si.buyer_part, si.quantity_e4, "
     "si.uom "
     "FROM shipment_items si JOIN shipment_orders so ON so.shipment_ref = si.shipment_ref "
     "WHERE so.partner_id = ? AND so.po_number = ? ORDER BY si.shipment_ref, si.position"},
    {Q::kOrderShipmentPos, "order_shipment_pos", "tt", "it",
     "SELECT all_pos.shipment_ref, all_pos.po_number FROM shipment_orders all_pos "
     "JOIN shipment_orders so ON so.shipment_ref = all_pos.shipment_ref "
     "WHERE so.partner_id = ? AND so.po_number = ? "
     "ORDER BY all_pos.shipment_ref, all_pos.position"},
    // For carrier events that name a bill of lading or shipment id instead of a PO.
    {Q::kShipmentsByBol, "shipments_by_bol", "t",
     "itt"
     "n"
     "tttt"
     "{src_types}",
     "SELECT s.id, s.partner_id, s.shipment_id, s.shipped_at, s.estimated_delivery, "
     "s.bill_of_lading, s.carrier_scac, s.depositor_order, {src_select} FROM shipments s "
     "WHERE s.bill_of_lading = ? AND s.bill_of_lading <> '' ORDER BY s.received_at, s.id"},
    {Q::kShipmentsById, "shipments_by_id", "t",
     "itt"
     "n"
     "tttt"
     "{src_types}",
     "SELECT s.id, s.partner_id, s.shipment_id, s.shipped_at, s.estimated_delivery, "
     "s.bill_of_lading, s.carrier_scac, s.depositor_order, {src_select} FROM shipments s "
     "WHERE s.shipment_id = ? ORDER BY s.received_at, s.id"},
    {Q::kShipmentPos, "shipment_pos", "i", "t",
     "SELECT po_number FROM shipment_orders WHERE shipment_ref = ? ORDER BY position"},
};
const std::size_t kShipmentQueryCount = std::size(kShipmentQueries);

// The shipment with the row's key, as `s`.
#define ORDEX_SHIPMENT_OF_ROW \
  "{from} shipments s WHERE s.partner_id = :partner_id AND s.shipment_id = :shipment_id"

const BatchSpec kShipmentBatches[] = {
    {B::kShipments,
     "shipments",
     "partner_id:t shipment_id:t shipped_at:n estimated_delivery:t bill_of_lading:t "
     "carrier_scac:t depositor_order:t {src}",
     {"DELETE FROM shipment_items WHERE shipment_ref IN (SELECT s.id " ORDEX_SHIPMENT_OF_ROW ")",
      "DELETE FROM shipment_orders WHERE shipment_ref IN (SELECT s.id " ORDEX_SHIPMENT_OF_ROW ")",
      "INSERT INTO shipments (partner_id, shipment_id, shipped_at, estimated_delivery, "
      "bill_of_lading, carrier_scac, depositor_order, {src_cols}) SELECT :partner_id, "
      ":shipment_id, :shipped_at, :estimated_delivery, :bill_of_lading, :carrier_scac, "
      ":depositor_order, {src_vals} {rows} WHERE true "
      "ON CONFLICT (partner_id, shipment_id) DO UPDATE SET shipped_at = excluded.shipped_at, "
      "estimated_delivery = excluded.estimated_delivery, "
      "bill_of_lading = excluded.bill_of_lading, carrier_scac = excluded.carrier_scac, "
      "depositor_order = excluded.depositor_order, {src_update}"}},
    {B::kShipmentItems,
     "shipment_items",
     "partner_id:t shipment_id:t position:i po_number:t sku:t upc:t buyer_part:t "
     "quantity_e4:i uom:t",
     {"INSERT INTO shipment_items (shipment_ref, position, po_number, sku, upc, buyer_part, "
      "quantity_e4, uom) SELECT s.id, :position, :po_number, :sku, :upc, :buyer_part, "
      ":quantity_e4, :uom " ORDEX_SHIPMENT_OF_ROW,
      nullptr, nullptr}},
    {B::kShipmentOrders,
     "shipment_orders",
     "partner_id:t shipment_id:t position:i po_number:t",
     {"INSERT INTO shipment_orders (shipment_ref, position, partner_id, po_number) "
      "SELECT s.id, :position, :partner_id, :po_number " ORDEX_SHIPMENT_OF_ROW
      " ON CONFLICT DO NOTHING",
      nullptr, nullptr}},
    {B::kEvents,
     "shipment_events",
     "carrier_id:t po_number:t bill_of_lading:t shipment_id:t carrier_reference:t "
     "carrier_scac:t status:t reason:t appointment:t appointment_reason:t at:i estimate:n "
     "city:t state:t country:t {src}",
     {"INSERT INTO shipment_events (carrier_id, po_number, bill_of_lading, shipment_id, "
      "carrier_reference, carrier_scac, status, reason, appointment, appointment_reason, at, "
      "estimate, city, state, country, {src_cols}) SELECT :carrier_id, :po_number, "
      ":bill_of_lading, :shipment_id, :carrier_reference, :carrier_scac, :status, :reason, "
      ":appointment, :appointment_reason, :at, :estimate, :city, :state, :country, "
      "{src_vals} {rows} WHERE true ON CONFLICT DO NOTHING",
      nullptr, nullptr}},
};
const std::size_t kShipmentBatchCount = std::size(kShipmentBatches);

#undef ORDEX_SHIPMENT_OF_ROW

}  // namespace ordex::orders
