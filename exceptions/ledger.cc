#include "exceptions/ledger.h"

#include <unordered_map>
#include <unordered_set>

#include "exceptions/ledger_writes.h"
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

Ledger::Ledger(ExceptionStore& store, const ExceptionsConfig& config, Instant now)
    : store_(store), config_(config), now_(now) {}
Ledger::~Ledger() = default;

Severity Ledger::severity_of(const Condition& c) const {
  return config_.rules.severity(c.type, c.partner_id, c.severity);
}

Status Ledger::write(const ExceptionRecord& before, ExceptionRecord& after, const char* action,
                     const std::string& note) {
  after.updated_at = now_;
  if (Status s = store_.update(after); !s.ok()) return s;
  auto [was, now] = changed_fields(before, after);
  return writes_->audit(after.dedupe_key,
                        AuditEntry{0, after.id, now_, kSystemActor, action, was, now, note});
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
  if (Status s = writes_->insert(e); !s.ok()) return s;
  ++tally_.opened;
  auto [was, now] = changed_fields(ExceptionRecord{}, e);
  return writes_->audit(e.dedupe_key,
                        AuditEntry{0, 0, now_, kSystemActor, "opened", "{}", now, c.summary});
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
  const Scope scope{&ev, &existing};
  return apply_all(std::span<const Scope>(&scope, 1));
}

Status Ledger::apply_all(std::span<const Scope> scopes) {
  if (!writes_) {
    Result<std::unique_ptr<Writes>> w = Writes::prepare(store_.database());
    if (!w.ok()) return Status(Failure{w.error()});
    writes_ = std::move(w).value();
  }
  Known stored;
  Status s = find_stored(scopes, stored);
  for (std::size_t i = 0; s.ok() && i < scopes.size(); ++i) s = apply_scope(scopes[i], stored);
  if (!s.ok()) {
    writes_->drop();  // the caller rolls back
    return s;
  }
  return writes_->flush();
}

// The stored exceptions of the found conditions that are not among their scope's own.
Status Ledger::find_stored(std::span<const Scope> scopes, Known& stored) {
  std::vector<std::string> missing;
  std::unordered_set<std::string> seen;
  for (const Scope& scope : scopes) {
    std::unordered_set<std::string> own;
    for (const ExceptionRecord& e : *scope.existing) own.insert(e.dedupe_key);
    for (const Condition& c : scope.evaluation->found) {
      std::string key = c.dedupe_key();
      if (own.count(key) == 0 && seen.insert(key).second) missing.push_back(std::move(key));
    }
  }
  return writes_->lookup(missing, stored);
}

Status Ledger::apply_scope(const Scope& scope, Known& stored) {
  const Evaluation& ev = *scope.evaluation;
  std::unordered_map<std::string, ExceptionRecord> by_key;
  for (const ExceptionRecord& e : *scope.existing) by_key.emplace(e.dedupe_key, e);
  std::unordered_map<std::string, bool> found;
  for (const Condition& c : ev.found) {
    const std::string key = c.dedupe_key();
    if (!found.emplace(key, true).second) continue;  // two rules, one condition: the first wins
    auto it = by_key.find(key);
    if (it == by_key.end()) {
      auto known = stored.find(key);
      if (known == stored.end()) {
        if (Status s = open(c); !s.ok()) return s;
        // Not in the store until the write: a later scope finding it again must read it back.
        stored.emplace(key, ExceptionRecord{});
        continue;
      }
      if (known->second.id == 0) {  // opened by an earlier scope of this call
        if (Status s = writes_->flush(); !s.ok()) return s;
        Result<std::optional<ExceptionRecord>> row = store_.by_key(key);
        if (!row.ok()) return Status(Failure{row.error()});
        if (!row.value()) return Status(Failure{"ledger: exception " + key + " vanished"});
        known->second = std::move(*row.value());
      }
      it = by_key.emplace(key, known->second).first;
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
  for (const ExceptionRecord& given : *scope.existing) {
    ExceptionRecord& e = by_key.at(given.dedupe_key);
    if (!is_active(e.status) || !evaluated(ev, e.type) || found.count(e.dedupe_key) != 0) {
      continue;
    }
    if (Status s = resolve(e, ev.cleared_reason[static_cast<std::size_t>(e.type)]); !s.ok()) {
      return s;
    }
  }
  // A later scope of the same call that names one of these keys sees them as written.
  for (auto& [key, e] : by_key) {
    if (auto known = stored.find(key); known != stored.end()) known->second = std::move(e);
  }
  return Status();
}

}  // namespace ordex::exceptions
