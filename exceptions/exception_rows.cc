#include "exceptions/exception_rows.h"

namespace ordex::exceptions::rows {

namespace {

std::optional<Instant> opt(const orders::Query& q, std::size_t row, std::size_t column) {
  return q.optional(row, column);
}

}  // namespace

ExceptionRecord read(const orders::Query& q, std::size_t r) {
  ExceptionRecord e;
  e.id = q.integer(r, 0);
  e.dedupe_key = q.text(r, 1);
  // Names come from this code's own writes; an unknown one (a newer ordex wrote it) keeps the
  // record's defaults rather than failing the whole read.
  if (auto t = exception_type_from(q.text(r, 2))) e.type = *t;
  if (auto s = exception_status_from(q.text(r, 3))) e.status = *s;
  if (auto s = severity_from(q.text(r, 4))) e.severity = *s;
  e.partner_id = q.text(r, 5);
  e.po_number = q.text(r, 6);
  e.subject = q.text(r, 7);
  e.shipment_id = q.text(r, 8);
  e.file_id = q.optional(r, 9).value_or(0);
  e.queue = q.text(r, 10);
  e.assignee = q.text(r, 11);
  e.claimed_by = q.text(r, 12);
  e.claim_expires = q.integer(r, 13);
  e.summary = q.text(r, 14);
  e.evidence = q.text(r, 15);
  e.first_opened_at = q.integer(r, 16);
  e.opened_at = q.integer(r, 17);
  e.detected_at = q.integer(r, 18);
  e.updated_at = q.integer(r, 19);
  e.reopen_count = q.integer(r, 20);
  e.responded_at = opt(q, r, 21);
  e.resolved_at = opt(q, r, 22);
  e.resolution = q.text(r, 23);
  e.resolved_by = q.text(r, 24);
  e.resolved_evidence = q.text(r, 25);
  e.wait_until = opt(q, r, 26);
  e.waiting_on = q.text(r, 27);
  e.merged_into = q.optional(r, 28);
  e.sla_policy = q.text(r, 29);
  e.response_due = opt(q, r, 30);
  e.resolve_due = opt(q, r, 31);
  e.at_risk_at = opt(q, r, 32);
  e.escalation = q.text(r, 33);
  e.response_outcome = q.text(r, 34);
  e.resolve_outcome = q.text(r, 35);
  return e;
}

void bind(orders::Query& q, std::size_t p, const ExceptionRecord& e) {
  auto text = [&](std::string_view v) { q.set(p++, v); };
  auto integer = [&](std::int64_t v) { q.set(p++, v); };
  auto optional = [&](std::optional<std::int64_t> v) { q.set(p++, v.value_or(0)); };
  text(e.dedupe_key);
  text(to_string(e.type));
  text(to_string(e.status));
  text(to_string(e.severity));
  text(e.partner_id);
  text(e.po_number);
  text(e.subject);
  text(e.shipment_id);
  integer(e.file_id);
  text(e.queue);
  text(e.assignee);
  text(e.claimed_by);
  integer(e.claim_expires);
  text(e.summary);
  text(e.evidence);
  integer(e.first_opened_at);
  integer(e.opened_at);
  integer(e.detected_at);
  integer(e.updated_at);
  integer(e.reopen_count);
  optional(e.responded_at);
  optional(e.resolved_at);
  text(e.resolution);
  text(e.resolved_by);
  text(e.resolved_evidence);
  optional(e.wait_until);
  text(e.waiting_on);
  optional(e.merged_into);
  text(e.sla_policy);
  optional(e.response_due);
  optional(e.resolve_due);
  optional(e.at_risk_at);
  text(e.escalation);
  text(e.response_outcome);
  text(e.resolve_outcome);
}

}  // namespace ordex::exceptions::rows
