// Statements for orders and what answers them on paper: acknowledgments and invoices.
#include "orders/statements.h"

namespace ordex::orders {

// The events of an order are those naming its PO, and those naming the bill of lading or the
// shipment id of a ship notice for it. Written as a UNION of three index lookups: an OR of
// the three would scan every event, for every order listed.
// ORDEX_EVENTS_OF(what, partner, po): `what` of those events, for the order given by the
// SQL expressions `partner` and `po`.
#define ORDEX_EVENTS_OF(WHAT, PARTNER, PO, EXTRA)                                                  \
  "SELECT " WHAT " FROM shipment_events e WHERE e.po_number = " PO EXTRA " UNION ALL SELECT " WHAT \
  " FROM shipment_orders so JOIN shipments s "                                                     \
  "ON s.id = so.shipment_ref JOIN shipment_events e ON e.bill_of_lading = s.bill_of_lading "       \
  "WHERE so.partner_id = " PARTNER " AND so.po_number = " PO                                       \
  " AND s.bill_of_lading <> '' "                                                                   \
  "AND e.bill_of_lading <> ''" EXTRA " UNION ALL SELECT " WHAT                                     \
  " FROM shipment_orders so JOIN shipments s "                                                     \
  "ON s.id = so.shipment_ref JOIN shipment_events e ON e.shipment_id = s.shipment_id "             \
  "WHERE so.partner_id = " PARTNER " AND so.po_number = " PO " AND e.shipment_id <> ''" EXTRA

// The first delivery (AT701 D1) of the order `o`.
#define ORDEX_DELIVERED_AT                                                          \
  "(SELECT MIN(d.at) FROM (" ORDEX_EVENTS_OF("e.at", "o.partner_id", "o.po_number", \
                                             " AND e.status = 'D1'") ") AS d)"

const QuerySpec kOrderQueries[] = {
    {Q::kOrderByKey, "order_by_key", "tt",
     "i"
     "ttttttttttt"
     "i"
     "{src_types}",
     "SELECT id, partner_id, po_number, purpose, status, order_date, ship_by, due, ship_to, "
     "ship_to_qualifier, ship_to_name, depositor_order, originals, {src_select} FROM orders "
     "WHERE partner_id = ? AND po_number = ?"},
    {Q::kOrderLines, "order_lines", "i", "titittt",
     "SELECT line_number, quantity_e4, uom, unit_price_e4, sku, upc, buyer_part "
     "FROM order_lines WHERE order_id = ? ORDER BY position"},
    {Q::kOrderAcks, "order_acks", "tt", "itttttt{src_types}",
     "SELECT id, partner_id, po_number, ack_type, ack_date, purpose, order_date, {src_select} "
     "FROM order_acks "
     "WHERE partner_id = ? AND po_number = ? ORDER BY received_at, id"},
    {Q::kOrderAckLines, "order_ack_lines", "tt", "ittitttt",
     "SELECT l.ack_id, l.line_number, l.status, l.quantity_e4, l.scheduled_ship, l.uom, l.sku, "
     "l.upc "
     "FROM order_ack_lines l JOIN order_acks a ON a.id = l.ack_id "
     "WHERE a.partner_id = ? AND a.po_number = ? ORDER BY l.ack_id, l.position"},
    {Q::kOrderInvoices, "order_invoices", "tt", "itttti{src_types}",
     "SELECT id, partner_id, invoice_number, po_number, invoice_date, total_e4, {src_select} "
     "FROM invoices WHERE partner_id = ? AND po_number = ? ORDER BY received_at, id"},
    {Q::kOrderInvoiceLines, "order_invoice_lines", "tt", "ititittt",
     "SELECT l.invoice_ref, l.line_number, l.quantity_e4, l.uom, l.unit_price_e4, l.sku, l.upc, "
     "l.buyer_part "
     "FROM invoice_lines l JOIN invoices v ON v.id = l.invoice_ref "
     "WHERE v.partner_id = ? AND v.po_number = ? ORDER BY l.invoice_ref, l.position"},
    {Q::kOrderDocuments, "order_documents", "tt", "{src_types}ttti",
     "SELECT {src_select}, partner_id, po_number, status, findings FROM documents "
     "WHERE partner_id = ? AND po_number = ? ORDER BY received_at, id"},
    {Q::kListOrders, "list_orders", "ttttttii",
     "i"
     "ttttttt"
     "iii"
     "n",
     "SELECT o.id, o.partner_id, o.po_number, o.order_date, o.ship_by, o.due, o.purpose, "
     "o.status, o.originals, "
     "COALESCE((SELECT SUM(l.quantity_e4) FROM order_lines l WHERE l.order_id = o.id), 0), "
     "COALESCE((SELECT SUM(si.quantity_e4) FROM shipment_items si JOIN shipments s "
     "ON s.id = si.shipment_ref WHERE s.partner_id = o.partner_id "
     "AND si.po_number = o.po_number), 0), " ORDEX_DELIVERED_AT
     " FROM orders o WHERE (? = '' OR o.partner_id = ?) AND (? = '' OR o.status = ?) "
     "AND (? = '' OR (o.due <> '' AND o.due < ?)) ORDER BY o.partner_id, o.po_number "
     "LIMIT ? OFFSET ?"},
    {Q::kOrderEvents, "order_events", "ttttt",
     "tttttttttt"
     "in"
     "ttt"
     "{src_types}",
     "SELECT e.carrier_id, e.po_number, e.bill_of_lading, e.shipment_id, e.carrier_reference, "
     "e.carrier_scac, e.status, e.reason, e.appointment, e.appointment_reason, e.at, "
     "e.estimate, e.city, e.state, e.country, {src_select} FROM shipment_events e "
     "WHERE e.id IN (" ORDEX_EVENTS_OF("e.id", "?", "?", "") ") ORDER BY e.at, e.id"},
    {Q::kPartnersWithPo, "partners_with_po", "t", "t",
     "SELECT partner_id FROM orders WHERE po_number = ? ORDER BY partner_id"},
    // Carrier events name a PO but no customer: they reach every customer's order with it.
    {Q::kOrderKeysInFile, "order_keys_in_file", "iiiiiii", "tt",
     "SELECT partner_id, po_number FROM orders WHERE src_file_id = ? "
     "UNION SELECT partner_id, po_number FROM order_acks WHERE src_file_id = ? "
     "UNION SELECT so.partner_id, so.po_number FROM shipment_orders so "
     "JOIN shipments s ON s.id = so.shipment_ref WHERE s.src_file_id = ? "
     "UNION SELECT partner_id, po_number FROM invoices WHERE src_file_id = ? "
     "UNION SELECT partner_id, po_number FROM documents WHERE src_file_id = ? AND po_number <> '' "
     "UNION SELECT o.partner_id, o.po_number FROM shipment_events e "
     "JOIN orders o ON o.po_number = e.po_number WHERE e.src_file_id = ? "
     "UNION SELECT s.partner_id, e.po_number FROM shipment_events e "
     "JOIN shipment_orders s ON s.po_number = e.po_number WHERE e.src_file_id = ? "
     "ORDER BY 1, 2"},
};
const std::size_t kOrderQueryCount = std::size(kOrderQueries);

// The order with the row's key, as `o`.
#define ORDEX_ORDER_OF_ROW \
  "{from} orders o WHERE o.partner_id = :partner_id AND o.po_number = :po_number"

const BatchSpec kOrderBatches[] = {
    {B::kOrders,
     "orders",
     "partner_id:t po_number:t purpose:t status:t order_date:t ship_by:t due:t ship_to:t "
     "ship_to_qualifier:t ship_to_name:t depositor_order:t originals:i {src}",
     {"DELETE FROM order_lines WHERE order_id IN (SELECT o.id " ORDEX_ORDER_OF_ROW ")",
      "INSERT INTO orders (partner_id, po_number, purpose, status, order_date, ship_by, due, "
      "ship_to, ship_to_qualifier, ship_to_name, depositor_order, originals, {src_cols}) "
      "SELECT :partner_id, :po_number, :purpose, :status, :order_date, :ship_by, :due, "
      ":ship_to, :ship_to_qualifier, :ship_to_name, :depositor_order, :originals, {src_vals} "
      "{rows} WHERE true ON CONFLICT (partner_id, po_number) DO UPDATE SET "
      "purpose = excluded.purpose, status = excluded.status, order_date = excluded.order_date, "
      "ship_by = excluded.ship_by, due = excluded.due, ship_to = excluded.ship_to, "
      "ship_to_qualifier = excluded.ship_to_qualifier, ship_to_name = excluded.ship_to_name, "
      "depositor_order = excluded.depositor_order, "
      "originals = orders.originals + excluded.originals, {src_update}",
      nullptr}},
    {B::kOrderLines,
     "order_lines",
     "partner_id:t po_number:t position:i line_number:t quantity_e4:i uom:t unit_price_e4:i "
     "sku:t upc:t buyer_part:t",
     {"INSERT INTO order_lines (order_id, position, line_number, quantity_e4, uom, "
      "unit_price_e4, sku, upc, buyer_part) SELECT o.id, :position, :line_number, "
      ":quantity_e4, :uom, :unit_price_e4, :sku, :upc, :buyer_part " ORDEX_ORDER_OF_ROW,
      nullptr, nullptr}},
    {B::kOrderCancels,
     "order_cancels",
     "partner_id:t po_number:t {src}",
     {"UPDATE orders SET status = 'cancelled', purpose = 'cancel', {src_set_row} {rows} "
      "WHERE orders.partner_id = :partner_id AND orders.po_number = :po_number",
      nullptr, nullptr}},
    {B::kAcks,
     "order_acks",
     "partner_id:t po_number:t ack_type:t ack_date:t purpose:t order_date:t {src}",
     {"INSERT INTO order_acks (partner_id, po_number, ack_type, ack_date, purpose, order_date, "
      "{src_cols}) SELECT :partner_id, :po_number, :ack_type, :ack_date, :purpose, "
      ":order_date, {src_vals} {rows} WHERE true ON CONFLICT DO NOTHING",
      nullptr, nullptr}},
    {B::kAckLines,
     "order_ack_lines",
     "src_interchange_id:i src_group:t src_transaction:t position:i line_number:t status:t "
     "quantity_e4:i scheduled_ship:t uom:t sku:t upc:t",
     {"INSERT INTO order_ack_lines (ack_id, position, line_number, status, quantity_e4, "
      "scheduled_ship, uom, sku, upc) SELECT a.id, :position, :line_number, :status, "
      ":quantity_e4, :scheduled_ship, :uom, :sku, :upc {from} order_acks a "
      "WHERE a.src_interchange_id = :src_interchange_id AND a.src_group = :src_group "
      "AND a.src_transaction = :src_transaction ON CONFLICT DO NOTHING",
      nullptr, nullptr}},
    {B::kInvoices,
     "invoices",
     "partner_id:t invoice_number:t po_number:t invoice_date:t total_e4:i {src}",
     {"DELETE FROM invoice_lines WHERE invoice_ref IN (SELECT v.id {from} invoices v "
      "WHERE v.partner_id = :partner_id AND v.invoice_number = :invoice_number)",
      "INSERT INTO invoices (partner_id, invoice_number, po_number, invoice_date, total_e4, "
      "{src_cols}) SELECT :partner_id, :invoice_number, :po_number, :invoice_date, :total_e4, "
      "{src_vals} {rows} WHERE true ON CONFLICT (partner_id, invoice_number) DO UPDATE SET "
      "po_number = excluded.po_number, invoice_date = excluded.invoice_date, "
      "total_e4 = excluded.total_e4, {src_update}",
      nullptr}},
    {B::kInvoiceLines,
     "invoice_lines",
     "partner_id:t invoice_number:t position:i line_number:t quantity_e4:i uom:t "
     "unit_price_e4:i sku:t upc:t buyer_part:t",
     {"INSERT INTO invoice_lines (invoice_ref, position, line_number, quantity_e4, uom, "
      "unit_price_e4, sku, upc, buyer_part) SELECT v.id, :position, :line_number, "
      ":quantity_e4, :uom, :unit_price_e4, :sku, :upc, :buyer_part {from} invoices v "
      "WHERE v.partner_id = :partner_id AND v.invoice_number = :invoice_number",
      nullptr, nullptr}},
};
const std::size_t kOrderBatchCount = std::size(kOrderBatches);

#undef ORDEX_EVENTS_OF
#undef ORDEX_DELIVERED_AT
#undef ORDEX_ORDER_OF_ROW

}  // namespace ordex::orders
