-- ordex exceptions track, version 1: exceptions, their SLA pauses and their audit trail.
--
-- Same conventions as orders/migrations (portable SQL, {{id}}, UTC seconds, '' for missing
-- text). Versioned in exceptions_schema_version (orders/database.h, Database::migrate).
-- Statements end with ';' at the end of a line: the runner splits there.

-- One row per condition ever raised: the dedupe key (type + partner + PO + subject) is unique,
-- so re-detection updates the row, a cleared condition resolves it and a returning one
-- reopens the same row (DESIGN.md: one open exception per condition).
CREATE TABLE exceptions (
  id {{id}},
  dedupe_key TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL,
  -- open | waiting (paused on the customer or carrier) | resolved | merged
  status TEXT NOT NULL,
  severity TEXT NOT NULL,
  partner_id TEXT NOT NULL,
  po_number TEXT NOT NULL,
  -- what inside the order or partner the condition is about: a line, a shipment, a group...
  subject TEXT NOT NULL,
  shipment_id TEXT NOT NULL,
  file_id BIGINT,
  queue TEXT NOT NULL,
  assignee TEXT NOT NULL,
  -- a claim is a lock with an expiry: nobody else can claim until claim_expires
  claimed_by TEXT NOT NULL,
  claim_expires BIGINT NOT NULL,
  summary TEXT NOT NULL,
  -- JSON object: document ids, expected vs actual values
  evidence TEXT NOT NULL,
  first_opened_at BIGINT NOT NULL,
  -- when the current episode opened (a reopen starts a new one and new SLA clocks)
  opened_at BIGINT NOT NULL,
  -- the last time a rule saw the condition
  detected_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  reopen_count BIGINT NOT NULL,
  -- first human action in this episode (claim, assign, note, wait, resolve)
  responded_at BIGINT,
  resolved_at BIGINT,
  resolution TEXT NOT NULL,
  -- 'system' for automatic resolution, else the user
  resolved_by TEXT NOT NULL,
  -- the evidence when a person resolved it: the same condition does not reopen it, a changed one does
  resolved_evidence TEXT NOT NULL,
  wait_until BIGINT,
  waiting_on TEXT NOT NULL,
  merged_into BIGINT,
  -- SLA: the policy that matched, the due instants (moved by pauses), when at-risk starts,
  -- the escalation level reached, and the outcomes once ended ('met' / 'breached')
  sla_policy TEXT NOT NULL,
  response_due BIGINT,
  resolve_due BIGINT,
  at_risk_at BIGINT,
  escalation TEXT NOT NULL,
  response_outcome TEXT NOT NULL,
  resolve_outcome TEXT NOT NULL
);
CREATE INDEX exceptions_status_due ON exceptions (status, resolve_due);
CREATE INDEX exceptions_queue ON exceptions (queue, status, resolve_due);
CREATE INDEX exceptions_order ON exceptions (partner_id, po_number);
CREATE INDEX exceptions_type_status ON exceptions (type, status);
CREATE INDEX exceptions_opened ON exceptions (opened_at);
CREATE INDEX exceptions_resolved ON exceptions (resolved_at) WHERE resolved_at IS NOT NULL;

-- Time an exception spent waiting on someone else: it does not count against its SLA.
CREATE TABLE exception_pauses (
  id {{id}},
  exception_id BIGINT NOT NULL REFERENCES exceptions (id) ON DELETE CASCADE,
  started_at BIGINT NOT NULL,
  ended_at BIGINT,
  waiting_on TEXT NOT NULL
);
CREATE INDEX exception_pauses_exception ON exception_pauses (exception_id);

-- Every change to an exception: who, when, what, and the fields before and after (JSON).
CREATE TABLE exception_audit (
  id {{id}},
  exception_id BIGINT NOT NULL REFERENCES exceptions (id) ON DELETE CASCADE,
  at BIGINT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  before_json TEXT NOT NULL,
  after_json TEXT NOT NULL,
  note TEXT NOT NULL
);
CREATE INDEX exception_audit_exception ON exception_audit (exception_id, at);
CREATE INDEX exception_audit_at ON exception_audit (at);
