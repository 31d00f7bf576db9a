-- ordex exceptions track, version 2: the (partner, PO) keys an imported file touched, staged
-- for the rules (exceptions/case_loader.h). The rules read every case of a file with a few
-- joins against this table instead of ~15 queries per order; a real table rather than a
-- temporary one, as SQLite and PostgreSQL disagree on temporary tables and a session's
-- prepared statements must name one table on both. Rows live from after_file's start to its
-- end; a run killed in between leaves them for the next import of the same file id to replace.

CREATE TABLE rule_keys (
  file_id BIGINT NOT NULL,
  -- 1, 2, ... in (partner_id, po_number) order within the file: pages are ordinal ranges
  ordinal BIGINT NOT NULL,
  partner_id TEXT NOT NULL,
  po_number TEXT NOT NULL,
  PRIMARY KEY (file_id, ordinal)
);
