#include "exceptions/ledger.h"

#include <unordered_map>

#include "exceptions/sla_tracking.h"

namespace ordex::exceptions {

namespace {

bool evaluated(const Evaluation& ev, ExceptionType t) {
  return ev.evaluated.test(static_cast<std::size_t>(t));
}

void release_claim(ExceptionRecord& e) {
  e.claimed_by.clear();
  e.claim_expires = 0;
}

}  // namespace

Severity Ledger::severity_of(const Condition& c) const {
  return config_.rules.severity(c.type, c.partner_id, c.severity);
}

Status Ledger::write(const ExceptionRecord& before, ExceptionRecord& after, const char* action,
                     const std::string& note) {
  after.updated_at = now_;
  if (Status s = store_.update(after); !s.ok()) return s;
  auto [was, now] = changed_fields(before, after);
  return store_.add_audit(AuditEntry{0, after.id, now_, kSystemActor, action, was, now, note});
}

Status Ledger::open(const Condition& c) {
  ExceptionRecord e;
  e.dedupe_key = c.dedupe_key();
  e.type = c.type;
  e.status = ExceptionStatus::kOpen;
  e.severity = severity_of(c);
  e.partner_id = c.partner_id;
  e.po_number = c.po_number;
  e.subject = c.subject;
  e.shipment_id = c.shipment_id;
  e.file_id = c.file_id;
  const Route route = config_.routing.route(c.type, e.severity, c.partner_id);
  e.queue = route.queue;
  e.assignee = route.owner;
  e.summary = c.summary;
  e.evidence = c.evidence.empty() ? "{}" : c.evidence;
  e.first_opened_at = e.opened_at = e.detected_at = e.updated_at = now_;
  track_sla(e, {}, config_.sla, now_);
  Result<std::int64_t> id = store_.insert(e);
  if (!id.ok()) return Status(Failure{id.error()});
  e.id = id.value();
  ++tally_.opened;
  auto [was, now] = changed_fields(ExceptionRecord{}, e);
  return store_.add_audit(AuditEntry{0, e.id, now_, kSystemActor, "opened", "{}", now, c.summary});
}

Status Ledger::refresh(ExceptionRecord& e, const Condition& c) {
  const std::string evidence = c.evidence.empty() ? "{}" : c.evidence;
  const Severity severity = severity_of(c);
  if (e.summary == c.summary && e.evidence == evidence && e.severity == severity) {
    return Status();  // seen again, unchanged: nothing to write
  }
  const ExceptionRecord before = e;
  e.summary = c.summary;
  e.evidence = evidence;
  e.severity = severity;
  e.detected_at = now_;
  Result<std::vector<WaitPeriod>> waits = store_.waits(e.id);
  if (!waits.ok()) return Status(Failure{waits.error()});
  track_sla(e, waits.value(), config_.sla, now_);
  ++tally_.updated;
  return write(before, e, "updated", c.summary);
}

Status Ledger::reopen(ExceptionRecord& e, const Condition& c) {
  const ExceptionRecord before = e;
  e.status = ExceptionStatus::kOpen;
  e.severity = severity_of(c);
  e.summary = c.summary;
  e.evidence = c.evidence.empty() ? "{}" : c.evidence;
  e.opened_at = e.detected_at = now_;
  ++e.reopen_count;
  e.responded_at.reset();
  e.resolved_at.reset();
  e.resolution.clear();
  e.resolved_by.clear();
  e.resolved_evidence.clear();
  e.wait_until.reset();
  e.waiting_on.clear();
  release_claim(e);
  track_sla(e, {}, config_.sla, now_);  // a new episode: earlier waits do not count
  ++tally_.reopened;
  return write(before, e, "reopened", "the condition returned: " + c.summary);
}

Status Ledger::resolve(ExceptionRecord& e, const std::string& reason) {
  const ExceptionRecord before = e;
  if (e.status == ExceptionStatus::kWaiting) {
    if (Status s = store_.end_wait(e.id, now_); !s.ok()) return s;
  }
  e.status = ExceptionStatus::kResolved;
  e.resolved_at = now_;
  e.resolved_by = kSystemActor;
  e.resolution = reason.empty() ? "the condition cleared" : reason;
  e.resolved_evidence = e.evidence;
  e.wait_until.reset();
  release_claim(e);
  Result<std::vector<WaitPeriod>> waits = store_.waits(e.id);
  if (!waits.ok()) return Status(Failure{waits.error()});
  track_sla(e, waits.value(), config_.sla, now_);
  ++tally_.resolved;
  return write(before, e, "resolved", e.resolution);
}

Status Ledger::apply(const Evaluation& ev, const std::vector<ExceptionRecord>& existing) {
  std::unordered_map<std::string, ExceptionRecord> by_key;
  for (const ExceptionRecord& e : existing) by_key.emplace(e.dedupe_key, e);
  std::unordered_map<std::string, bool> found;
  for (const Condition& c : ev.found) {
    const std::string key = c.dedupe_key();
    if (!found.emplace(key, true).second) continue;  // two rules, one condition: the first wins
    auto it = by_key.find(key);
    if (it == by_key.end()) {
      Result<std::optional<ExceptionRecord>> stored = store_.by_key(key);
      if (!stored.ok()) return Status(Failure{stored.error()});
      if (!stored.value()) {
        if (Status s = open(c); !s.ok()) return s;
        continue;
      }
      it = by_key.emplace(key, std::move(*stored.value())).first;
    }
    ExceptionRecord& e = it->second;
    Status s;
    if (is_active(e.status)) {
      s = refresh(e, c);
    } else if (e.status == ExceptionStatus::kResolved &&
               (e.resolved_by == kSystemActor || e.resolved_evidence != c.evidence)) {
      s = reopen(e, c);
    }
    if (!s.ok()) return s;
  }
  // In the order given, so that a replay writes the same audit trail.
  for (const ExceptionRecord& given : existing) {
    ExceptionRecord& e = by_key.at(given.dedupe_key);
    if (!is_active(e.status) || !evaluated(ev, e.type) || found.count(e.dedupe_key) != 0) {
      continue;
    }
    if (Status s = resolve(e, ev.cleared_reason[static_cast<std::size_t>(e.type)]); !s.ok()) {
      return s;
    }
  }
  return Status();
}

}  // namespace ordex::exceptions
