// The case loader's SQL. Each statement is the bulk twin of one query of Store::order_activity
// (orders/statements_orders.cc, statements_shipments.cc, statements_master.cc): same columns,
// same order within a key, so that a bulk-loaded case equals load_order_case()'s
// (tests/app/run_exceptions_test.cc compares them for the demo week).
#include "exceptions/case_loader_sql.h"

#include <array>
#include <string>

#include "exceptions/exception_rows.h"

namespace ordex::exceptions::case_sql {

namespace {

#define ORDEX_PAGE "k.file_id = ? AND k.ordinal > ? AND k.ordinal <= ?"
#define ORDEX_PAGE_ORDERS                                          \
  "FROM rule_keys k JOIN orders o ON o.partner_id = k.partner_id " \
  "AND o.po_number = k.po_number "
#define ORDEX_PAGE_NOTICES                                                    \
  "FROM rule_keys k JOIN shipment_orders so ON so.partner_id = k.partner_id " \
  "AND so.po_number = k.po_number "

// As order_events: by PO, or by the bill of lading or shipment id of a ship notice for the
// order. UNION (not ALL) keeps an event named two ways once per order, as `e.id IN (...)` does.
#define ORDEX_EVENT_IDS                                                                    \
  "SELECT k.ordinal AS ordinal, e.id AS event_id FROM rule_keys k JOIN shipment_events e " \
  "ON e.po_number = k.po_number WHERE " ORDEX_PAGE                                         \
  " UNION SELECT k.ordinal, e.id " ORDEX_PAGE_NOTICES                                      \
  "JOIN shipments s ON s.id = so.shipment_ref JOIN shipment_events e "                     \
  "ON e.bill_of_lading = s.bill_of_lading WHERE " ORDEX_PAGE                               \
  " AND s.bill_of_lading <> '' AND e.bill_of_lading <> ''"                                 \
  " UNION SELECT k.ordinal, e.id " ORDEX_PAGE_NOTICES                                      \
  "JOIN shipments s ON s.id = so.shipment_ref JOIN shipment_events e "                     \
  "ON e.shipment_id = s.shipment_id WHERE " ORDEX_PAGE " AND e.shipment_id <> ''"

// The catalog entries the page's order lines name: by sku, and by upc the one with the lowest
// sku (item_by_upc's ORDER BY sku LIMIT 1, in the engine's own collation).
#define ORDEX_ITEM_COLUMNS "i.partner_id, i.sku, i.upc, i.description, i.uom, i.unit_price_e4"
#define ORDEX_PAGE_LINES ORDEX_PAGE_ORDERS "JOIN order_lines l ON l.order_id = o.id "

const std::string& exceptions_sql() {
  static const std::string sql =
      std::string("SELECT x.*, k.ordinal FROM rule_keys k JOIN (SELECT ") + rows::kSelectColumns +
      " FROM exceptions) x ON x.partner_id = k.partner_id "
      "AND x.po_number = k.po_number WHERE " ORDEX_PAGE " ORDER BY k.ordinal, x.id";
  return sql;
}

const std::string& exceptions_types() {
  static const std::string types = std::string(rows::kSelectTypes) + "i";
  return types;
}

std::array<orders::SqlQuery, kPartCount> build() {
  std::array<orders::SqlQuery, kPartCount> q{};
  q[kKeys] = {"case_keys", "iii", "ittittttti",
              "SELECT k.ordinal, k.partner_id, k.po_number, "
              "CASE WHEN p.partner_id IS NULL THEN 0 ELSE 1 END, COALESCE(p.name, ''), "
              "COALESCE(p.role, ''), COALESCE(p.qualifier, ''), COALESCE(p.edi_id, ''), "
              "COALESCE(p.timezone, ''), COALESCE(p.registered, 0) FROM rule_keys k "
              "LEFT JOIN partners p ON p.partner_id = k.partner_id WHERE " ORDEX_PAGE
              " ORDER BY k.ordinal"};
  q[kOrders] = {"case_orders", "iii",
                "ii"
                "ttttttttttt"
                "i"
                "{src_types}",
                "SELECT k.ordinal, o.id, o.partner_id, o.po_number, o.purpose, o.status, "
                "o.order_date, o.ship_by, o.due, o.ship_to, o.ship_to_qualifier, "
                "o.ship_to_name, o.depositor_order, o.originals, {src_select} " ORDEX_PAGE_ORDERS
                "WHERE " ORDEX_PAGE " ORDER BY k.ordinal"};
  q[kOrderLines] = {"case_order_lines", "iii",
                    "i"
                    "titittt",
                    "SELECT k.ordinal, l.line_number, l.quantity_e4, l.uom, l.unit_price_e4, "
                    "l.sku, l.upc, l.buyer_part " ORDEX_PAGE_LINES "WHERE " ORDEX_PAGE
                    " ORDER BY k.ordinal, l.position"};
  q[kAcks] = {"case_acks", "iii",
              "ii"
              "tttttt"
              "{src_types}",
              "SELECT k.ordinal, a.id, a.partner_id, a.po_number, a.ack_type, a.ack_date, "
              "a.purpose, a.order_date, {src_select} FROM rule_keys k JOIN order_acks a "
              "ON a.partner_id = k.partner_id AND a.po_number = k.po_number WHERE " ORDEX_PAGE
              " ORDER BY k.ordinal, a.received_at, a.id"};
  q[kAckLines] = {"case_ack_lines", "iii",
                  "ii"
                  "ttitttt",
                  "SELECT k.ordinal, l.ack_id, l.line_number, l.status, l.quantity_e4, "
                  "l.scheduled_ship, l.uom, l.sku, l.upc FROM rule_keys k JOIN order_acks a "
                  "ON a.partner_id = k.partner_id AND a.po_number = k.po_number "
                  "JOIN order_ack_lines l ON l.ack_id = a.id WHERE " ORDEX_PAGE
                  " ORDER BY k.ordinal, l.ack_id, l.position"};
  q[kShipments] = {"case_shipments", "iii",
                   "iitt"
                   "n"
                   "tttt"
                   "{src_types}",
                   "SELECT k.ordinal, s.id, s.partner_id, s.shipment_id, s.shipped_at, "
                   "s.estimated_delivery, s.bill_of_lading, s.carrier_scac, s.depositor_order, "
                   "{src_select} " ORDEX_PAGE_NOTICES
                   "JOIN shipments s ON s.id = so.shipment_ref WHERE " ORDEX_PAGE
                   " ORDER BY k.ordinal, s.received_at, s.id"};
  q[kShipmentItems] = {"case_shipment_items", "iii",
                       "ii"
                       "ttttit",
                       "SELECT k.ordinal, si.shipment_ref, si.po_number, si.sku, si.upc, "
                       "si.buyer_part, si.quantity_e4, si.uom " ORDEX_PAGE_NOTICES
                       "JOIN shipment_items si ON si.shipment_ref = so.shipment_ref "
                       "WHERE " ORDEX_PAGE " ORDER BY k.ordinal, si.shipment_ref, si.position"};
  q[kShipmentPos] = {"case_shipment_pos", "iii", "iit",
                     "SELECT k.ordinal, all_pos.shipment_ref, all_pos.po_number " ORDEX_PAGE_NOTICES
                     "JOIN shipment_orders all_pos ON all_pos.shipment_ref = so.shipment_ref "
                     "WHERE " ORDEX_PAGE
                     " ORDER BY k.ordinal, all_pos.shipment_ref, all_pos.position"};
  q[kEvents] = {"case_events", "iiiiiiiii",
                "i"
                "tttttttttt"
                "in"
                "ttt"
                "{src_types}",
                "SELECT m.ordinal, e.carrier_id, e.po_number, e.bill_of_lading, e.shipment_id, "
                "e.carrier_reference, e.carrier_scac, e.status, e.reason, e.appointment, "
                "e.appointment_reason, e.at, e.estimate, e.city, e.state, e.country, "
                "{src_select} FROM (" ORDEX_EVENT_IDS
                ") m JOIN shipment_events e ON e.id = m.event_id ORDER BY m.ordinal, e.at, e.id"};
  q[kInvoices] = {"case_invoices", "iii",
                  "ii"
                  "tttt"
                  "i"
                  "{src_types}",
                  "SELECT k.ordinal, v.id, v.partner_id, v.invoice_number, v.po_number, "
                  "v.invoice_date, v.total_e4, {src_select} FROM rule_keys k JOIN invoices v "
                  "ON v.partner_id = k.partner_id AND v.po_number = k.po_number WHERE " ORDEX_PAGE
                  " ORDER BY k.ordinal, v.received_at, v.id"};
  q[kInvoiceLines] = {"case_invoice_lines", "iii",
                      "ii"
                      "titittt",
                      "SELECT k.ordinal, l.invoice_ref, l.line_number, l.quantity_e4, l.uom, "
                      "l.unit_price_e4, l.sku, l.upc, l.buyer_part FROM rule_keys k "
                      "JOIN invoices v ON v.partner_id = k.partner_id "
                      "AND v.po_number = k.po_number JOIN invoice_lines l ON l.invoice_ref = v.id "
                      "WHERE " ORDEX_PAGE " ORDER BY k.ordinal, l.invoice_ref, l.position"};
  q[kDocuments] = {"case_documents", "iii",
                   "i"
                   "{src_types}"
                   "ttti",
                   "SELECT k.ordinal, {src_select}, d.partner_id, d.po_number, d.status, "
                   "d.findings FROM rule_keys k JOIN documents d ON d.partner_id = k.partner_id "
                   "AND d.po_number = k.po_number WHERE " ORDEX_PAGE
                   " ORDER BY k.ordinal, d.received_at, d.id"};
  q[kItems] = {"case_items", "iiiiii",
               "ttttti"
               "i",
               "SELECT " ORDEX_ITEM_COLUMNS ", 0 " ORDEX_PAGE_LINES
               "JOIN items i ON i.partner_id = o.partner_id AND i.sku = l.sku WHERE " ORDEX_PAGE
               " AND l.sku <> '' UNION SELECT " ORDEX_ITEM_COLUMNS ", 1 " ORDEX_PAGE_LINES
               "JOIN items i ON i.partner_id = o.partner_id AND i.upc = l.upc WHERE " ORDEX_PAGE
               " AND l.upc <> '' AND i.sku = (SELECT MIN(b.sku) FROM items b "
               "WHERE b.partner_id = i.partner_id AND b.upc = i.upc)"};
  q[kLocations] = {"case_locations", "iii", "tttttttt",
                   "SELECT DISTINCT c.partner_id, c.location_code, c.name, c.address, c.city, "
                   "c.state, c.postal_code, c.country " ORDEX_PAGE_ORDERS
                   "JOIN locations c ON c.partner_id = o.partner_id "
                   "AND c.location_code = o.ship_to WHERE " ORDEX_PAGE " AND o.ship_to <> ''"};
  q[kExceptions] = {"case_exceptions", "iii", exceptions_types().c_str(), exceptions_sql().c_str()};
  return q;
}

}  // namespace

const orders::SqlQuery& page_query(Part part) {
  static const std::array<orders::SqlQuery, kPartCount> all = build();
  return all[part];
}

// The keys as Store::order_keys_in_file finds them (carrier events reach every customer's
// order with their PO), numbered here so that pages are ranges.
const orders::SqlQuery kStage = {
    "case_stage", "iiiiiiii", "",
    "INSERT INTO rule_keys (file_id, ordinal, partner_id, po_number) "
    "SELECT CAST(? AS BIGINT), ROW_NUMBER() OVER (ORDER BY u.partner_id, u.po_number), "
    "u.partner_id, u.po_number FROM ("
    "SELECT partner_id, po_number FROM orders WHERE src_file_id = ? "
    "UNION SELECT partner_id, po_number FROM order_acks WHERE src_file_id = ? "
    "UNION SELECT so.partner_id, so.po_number FROM shipment_orders so "
    "JOIN shipments s ON s.id = so.shipment_ref WHERE s.src_file_id = ? "
    "UNION SELECT partner_id, po_number FROM invoices WHERE src_file_id = ? "
    "UNION SELECT partner_id, po_number FROM documents WHERE src_file_id = ? AND po_number <> '' "
    "UNION SELECT o.partner_id, o.po_number FROM shipment_events e "
    "JOIN orders o ON o.po_number = e.po_number WHERE e.src_file_id = ? "
    "UNION SELECT s.partner_id, e.po_number FROM shipment_events e "
    "JOIN shipment_orders s ON s.po_number = e.po_number WHERE e.src_file_id = ?) u"};

const orders::SqlQuery kUnstage = {"case_unstage", "i", "",
                                   "DELETE FROM rule_keys WHERE file_id = ?"};

const orders::SqlQuery kStagedCount = {"case_staged_count", "i", "i",
                                       "SELECT COUNT(*) FROM rule_keys WHERE file_id = ?"};

#undef ORDEX_PAGE
#undef ORDEX_PAGE_ORDERS
#undef ORDEX_PAGE_NOTICES
#undef ORDEX_EVENT_IDS
#undef ORDEX_ITEM_COLUMNS
#undef ORDEX_PAGE_LINES

}  // namespace ordex::exceptions::case_sql
