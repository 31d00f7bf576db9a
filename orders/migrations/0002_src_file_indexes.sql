-- ordex store, schema version 2: the rows each inbound file brought, found by file.
--
-- After every imported file the exception rules look up the (partner, PO) keys the file
-- touched (exceptions/case_loader_sql.cc kStage, Store::order_keys_in_file): by src_file_id
-- in orders, order_acks, shipments and invoices. Without an index each lookup reads every
-- row of those tables, so a daemon importing small files into a large database re-reads the
-- whole store after each one. Each index also holds the columns the lookup reads, so it is
-- answered from the index alone. shipment_events has none on purpose: with one, SQLite (no
-- ANALYZE statistics) took it for the outer loop of the events-to-ship-notices join and
-- scanned shipment_orders once per event (a 100 MB import went from 11 s to 130 s of CPU).

CREATE INDEX orders_file ON orders (src_file_id, partner_id, po_number);
CREATE INDEX order_acks_file ON order_acks (src_file_id, partner_id, po_number);
CREATE INDEX shipments_file ON shipments (src_file_id);
CREATE INDEX invoices_file ON invoices (src_file_id, partner_id, po_number);
