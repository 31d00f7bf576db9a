-- ordex store, schema version 1.
--
-- Portable SQL for SQLite and PostgreSQL: {{id}} is the engine's auto-increment primary key
-- (see orders/dialect.h). Amounts and quantities are fixed point with 4 decimals (*_e4),
-- instants are UTC seconds, days are ISO 'YYYY-MM-DD' text. Missing text is '' rather than
-- NULL so that unique keys over optional parts (events) still deduplicate.
-- Every document row carries its source: src_file_id, src_interchange_id, src_interchange,
-- src_group, src_transaction (control numbers), src_set (850, DESADV...) and received_at.
-- Statements end with ';' at the end of a line: the runner splits there.

CREATE TABLE partners (
  partner_id TEXT PRIMARY KEY,
  name TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL,
  qualifier TEXT NOT NULL DEFAULT '',
  edi_id TEXT NOT NULL DEFAULT '',
  timezone TEXT NOT NULL DEFAULT '',
  registered INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX partners_edi_id ON partners (qualifier, edi_id) WHERE edi_id <> '';

CREATE TABLE items (
  partner_id TEXT NOT NULL REFERENCES partners (partner_id),
  sku TEXT NOT NULL,
  upc TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  uom TEXT NOT NULL DEFAULT '',
  unit_price_e4 BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (partner_id, sku)
);
CREATE INDEX items_upc ON items (partner_id, upc) WHERE upc <> '';

CREATE TABLE locations (
  partner_id TEXT NOT NULL REFERENCES partners (partner_id),
  location_code TEXT NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  city TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL DEFAULT '',
  postal_code TEXT NOT NULL DEFAULT '',
  country TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (partner_id, location_code)
);

CREATE TABLE inbound_files (
  id {{id}},
  sha256 TEXT NOT NULL UNIQUE,
  path TEXT NOT NULL,
  bytes BIGINT NOT NULL,
  disposition TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  imported_at BIGINT NOT NULL
);

CREATE TABLE interchanges (
  id {{id}},
  file_id BIGINT NOT NULL REFERENCES inbound_files (id),
  standard TEXT NOT NULL,
  sender_qualifier TEXT NOT NULL,
  sender_id TEXT NOT NULL,
  receiver_qualifier TEXT NOT NULL,
  receiver_id TEXT NOT NULL,
  control_number TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  received_at BIGINT NOT NULL,
  UNIQUE (sender_qualifier, sender_id, control_number)
);
CREATE INDEX interchanges_file ON interchanges (file_id);

CREATE TABLE documents (
  id {{id}},
  src_file_id BIGINT REFERENCES inbound_files (id),
  src_interchange_id BIGINT REFERENCES interchanges (id),
  src_interchange TEXT NOT NULL,
  src_group TEXT NOT NULL,
  src_transaction TEXT NOT NULL,
  src_set TEXT NOT NULL,
  received_at BIGINT NOT NULL,
  partner_id TEXT NOT NULL DEFAULT '',
  po_number TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL,
  findings BIGINT NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX documents_key ON documents (src_interchange_id, src_group, src_transaction);
CREATE INDEX documents_file ON documents (src_file_id);
CREATE INDEX documents_order ON documents (partner_id, po_number);

CREATE TABLE findings (
  id {{id}},
  file_id BIGINT NOT NULL REFERENCES inbound_files (id),
  interchange TEXT NOT NULL,
  group_control TEXT NOT NULL,
  transaction_control TEXT NOT NULL,
  set_id TEXT NOT NULL,
  segment TEXT NOT NULL,
  segment_position BIGINT NOT NULL,
  element BIGINT NOT NULL,
  component BIGINT NOT NULL,
  byte_offset BIGINT NOT NULL,
  code TEXT NOT NULL,
  severity TEXT NOT NULL,
  message TEXT NOT NULL
);
CREATE INDEX findings_file ON findings (file_id);

CREATE TABLE orders (
  id {{id}},
  partner_id TEXT NOT NULL REFERENCES partners (partner_id),
  po_number TEXT NOT NULL,
  purpose TEXT NOT NULL,
  status TEXT NOT NULL,
  order_date TEXT NOT NULL,
  ship_by TEXT NOT NULL,
  due TEXT NOT NULL,
  ship_to TEXT NOT NULL,
  ship_to_qualifier TEXT NOT NULL,
  ship_to_name TEXT NOT NULL,
  depositor_order TEXT NOT NULL,
  originals BIGINT NOT NULL,
  src_file_id BIGINT REFERENCES inbound_files (id),
  src_interchange_id BIGINT REFERENCES interchanges (id),
  src_interchange TEXT NOT NULL,
  src_group TEXT NOT NULL,
  src_transaction TEXT NOT NULL,
  src_set TEXT NOT NULL,
  received_at BIGINT NOT NULL,
  UNIQUE (partner_id, po_number)
);
CREATE INDEX orders_po ON orders (po_number);
CREATE INDEX orders_status_due ON orders (status, due);

CREATE TABLE order_lines (
  id {{id}},
  order_id BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  position BIGINT NOT NULL,
  line_number TEXT NOT NULL,
  quantity_e4 BIGINT NOT NULL,
  uom TEXT NOT NULL,
  unit_price_e4 BIGINT NOT NULL,
  sku TEXT NOT NULL,
  upc TEXT NOT NULL,
  buyer_part TEXT NOT NULL,
  UNIQUE (order_id, position)
);

CREATE TABLE order_acks (
  id {{id}},
  partner_id TEXT NOT NULL REFERENCES partners (partner_id),
  po_number TEXT NOT NULL,
  ack_type TEXT NOT NULL,
  ack_date TEXT NOT NULL,
  purpose TEXT NOT NULL,
  order_date TEXT NOT NULL,
  src_file_id BIGINT REFERENCES inbound_files (id),
  src_interchange_id BIGINT NOT NULL REFERENCES interchanges (id),
  src_interchange TEXT NOT NULL,
  src_group TEXT NOT NULL,
  src_transaction TEXT NOT NULL,
  src_set TEXT NOT NULL,
  received_at BIGINT NOT NULL,
  UNIQUE (src_interchange_id, src_group, src_transaction)
);
CREATE INDEX order_acks_order ON order_acks (partner_id, po_number);

CREATE TABLE order_ack_lines (
  id {{id}},
  ack_id BIGINT NOT NULL REFERENCES order_acks (id) ON DELETE CASCADE,
  position BIGINT NOT NULL,
  line_number TEXT NOT NULL,
  status TEXT NOT NULL,
  quantity_e4 BIGINT NOT NULL,
  scheduled_ship TEXT NOT NULL,
  uom TEXT NOT NULL,
  sku TEXT NOT NULL,
  upc TEXT NOT NULL,
  UNIQUE (ack_id, position)
);

CREATE TABLE shipments (
  id {{id}},
  partner_id TEXT NOT NULL REFERENCES partners (partner_id),
  shipment_id TEXT NOT NULL,
  shipped_at BIGINT,
  estimated_delivery TEXT NOT NULL,
  bill_of_lading TEXT NOT NULL,
  carrier_scac TEXT NOT NULL,
  depositor_order TEXT NOT NULL,
  src_file_id BIGINT REFERENCES inbound_files (id),
  src_interchange_id BIGINT REFERENCES interchanges (id),
  src_interchange TEXT NOT NULL,
  src_group TEXT NOT NULL,
  src_transaction TEXT NOT NULL,
  src_set TEXT NOT NULL,
  received_at BIGINT NOT NULL,
  UNIQUE (partner_id, shipment_id)
);
CREATE INDEX shipments_id ON shipments (shipment_id);
CREATE INDEX shipments_bol ON shipments (bill_of_lading) WHERE bill_of_lading <> '';

CREATE TABLE shipment_items (
  id {{id}},
  shipment_ref BIGINT NOT NULL REFERENCES shipments (id) ON DELETE CASCADE,
  position BIGINT NOT NULL,
  po_number TEXT NOT NULL,
  sku TEXT NOT NULL,
  upc TEXT NOT NULL,
  buyer_part TEXT NOT NULL,
  quantity_e4 BIGINT NOT NULL,
  uom TEXT NOT NULL,
  UNIQUE (shipment_ref, position)
);
CREATE INDEX shipment_items_po ON shipment_items (po_number);

CREATE TABLE shipment_orders (
  shipment_ref BIGINT NOT NULL REFERENCES shipments (id) ON DELETE CASCADE,
  position BIGINT NOT NULL,
  partner_id TEXT NOT NULL,
  po_number TEXT NOT NULL,
  PRIMARY KEY (shipment_ref, po_number)
);
CREATE INDEX shipment_orders_po ON shipment_orders (partner_id, po_number);

CREATE TABLE shipment_events (
  id {{id}},
  carrier_id TEXT NOT NULL,
  po_number TEXT NOT NULL,
  bill_of_lading TEXT NOT NULL,
  shipment_id TEXT NOT NULL,
  carrier_reference TEXT NOT NULL,
  carrier_scac TEXT NOT NULL,
  status TEXT NOT NULL,
  reason TEXT NOT NULL,
  appointment TEXT NOT NULL,
  appointment_reason TEXT NOT NULL,
  at BIGINT NOT NULL,
  estimate BIGINT,
  city TEXT NOT NULL,
  state TEXT NOT NULL,
  country TEXT NOT NULL,
  src_file_id BIGINT REFERENCES inbound_files (id),
  src_interchange_id BIGINT REFERENCES interchanges (id),
  src_interchange TEXT NOT NULL,
  src_group TEXT NOT NULL,
  src_transaction TEXT NOT NULL,
  src_set TEXT NOT NULL,
  received_at BIGINT NOT NULL,
  UNIQUE (carrier_id, po_number, bill_of_lading, status, appointment, at)
);
CREATE INDEX shipment_events_po ON shipment_events (po_number);
CREATE INDEX shipment_events_bol ON shipment_events (bill_of_lading) WHERE bill_of_lading <> '';
CREATE INDEX shipment_events_shipment ON shipment_events (shipment_id) WHERE shipment_id <> '';

CREATE TABLE invoices (
  id {{id}},
  partner_id TEXT NOT NULL REFERENCES partners (partner_id),
  invoice_number TEXT NOT NULL,
  po_number TEXT NOT NULL,
  invoice_date TEXT NOT NULL,
  total_e4 BIGINT NOT NULL,
  src_file_id BIGINT REFERENCES inbound_files (id),
  src_interchange_id BIGINT REFERENCES interchanges (id),
  src_interchange TEXT NOT NULL,
  src_group TEXT NOT NULL,
  src_transaction TEXT NOT NULL,
  src_set TEXT NOT NULL,
  received_at BIGINT NOT NULL,
  UNIQUE (partner_id, invoice_number)
);
CREATE INDEX invoices_order ON invoices (partner_id, po_number);

CREATE TABLE invoice_lines (
  id {{id}},
  invoice_ref BIGINT NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
  position BIGINT NOT NULL,
  line_number TEXT NOT NULL,
  quantity_e4 BIGINT NOT NULL,
  uom TEXT NOT NULL,
  unit_price_e4 BIGINT NOT NULL,
  sku TEXT NOT NULL,
  upc TEXT NOT NULL,
  buyer_part TEXT NOT NULL,
  UNIQUE (invoice_ref, position)
);

CREATE TABLE functional_acks (
  id {{id}},
  partner_id TEXT NOT NULL REFERENCES partners (partner_id),
  acked_group TEXT NOT NULL,
  acked_functional_id TEXT NOT NULL,
  acked_interchange TEXT NOT NULL,
  status TEXT NOT NULL,
  src_file_id BIGINT REFERENCES inbound_files (id),
  src_interchange_id BIGINT NOT NULL REFERENCES interchanges (id),
  src_interchange TEXT NOT NULL,
  src_group TEXT NOT NULL,
  src_transaction TEXT NOT NULL,
  src_set TEXT NOT NULL,
  received_at BIGINT NOT NULL,
  UNIQUE (src_interchange_id, src_group, src_transaction)
);
CREATE INDEX functional_acks_group ON functional_acks (partner_id, acked_group);

CREATE TABLE functional_ack_sets (
  id {{id}},
  ack_id BIGINT NOT NULL REFERENCES functional_acks (id) ON DELETE CASCADE,
  position BIGINT NOT NULL,
  set_control TEXT NOT NULL,
  set_status TEXT NOT NULL,
  UNIQUE (ack_id, position)
);

CREATE TABLE outbound_groups (
  id {{id}},
  partner_id TEXT NOT NULL REFERENCES partners (partner_id),
  functional_id TEXT NOT NULL,
  group_control TEXT NOT NULL,
  sent_at BIGINT NOT NULL,
  src_file_id BIGINT,
  src_interchange_id BIGINT,
  src_interchange TEXT NOT NULL,
  src_group TEXT NOT NULL,
  src_transaction TEXT NOT NULL,
  src_set TEXT NOT NULL,
  received_at BIGINT NOT NULL,
  UNIQUE (partner_id, functional_id, group_control)
);

CREATE TABLE control_numbers (
  name TEXT PRIMARY KEY,
  value BIGINT NOT NULL
);
