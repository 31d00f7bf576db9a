// The sweep's SLA upkeep: waits whose promised end has passed resume, and active exceptions
// whose SLA escalation level rose since their fields were last computed get the new level
// recorded, with an "escalated" audit entry naming it (what notifies the lead or manager).
//
// PERF NOTES: only exceptions whose clocks can have crossed a level are read: open ones that
// are at risk or breached by their stored fields (escalation levels at or above the policy's
// at-risk fraction are only reached once at_risk_at has passed), and not already at their
// policy's last level. A paused clock does not move, so waiting exceptions are left alone.
// Only when some policy escalates below its at-risk fraction is every open exception read.
#include <algorithm>

#include "exceptions/exception_rows.h"
#include "exceptions/rule_runner.h"
#include "exceptions/sla_tracking.h"
#include "exceptions/work_queue.h"

namespace ordex::exceptions {

namespace {

// ?1: 1 to read every open exception with a policy; ?2..?4: now.
std::string candidates_sql() {
  return std::string("SELECT ") + rows::kSelectColumns +
         " FROM exceptions WHERE status = 'open' AND sla_policy <> '' AND (? = 1 OR "
         "at_risk_at <= ? OR resolve_due < ? OR (responded_at IS NULL AND response_due < ?)) "
         "ORDER BY id";
}

bool escalates_before_at_risk(const SlaPolicySet& policies) {
  return std::any_of(policies.policies().begin(), policies.policies().end(),
                     [](const SlaPolicy& p) {
                       return !p.escalation.empty() && p.escalation.front().fraction < p.at_risk;
                     });
}

const SlaPolicy* policy_named(const SlaPolicySet& policies, const std::string& name) {
  for (const SlaPolicy& p : policies.policies()) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

// The level's position in the policy, -1 for none or a name the policy does not have.
int level_index(const SlaPolicy* policy, const std::string& level) {
  if (policy == nullptr || level.empty()) return -1;
  for (std::size_t i = 0; i < policy->escalation.size(); ++i) {
    if (policy->escalation[i].name == level) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace

Status RuleRunner::resume_due_waits() {
  WorkQueue queue(store_, config_, WorkQueueOptions{kSystemActor, [this] { return now_; }, 0});
  QueueResult<BulkOutcome> done = queue.resume_due_waits();
  if (!done.ok()) return Failure{done.error()};
  sweep_.waits_resumed += static_cast<std::int64_t>(done.value().changed.size());
  if (!done.value().failed.empty()) {
    const auto& [id, why] = done.value().failed.front();
    return Failure{"resuming the wait of exception " + std::to_string(id) + ": " + why.message};
  }
  return Status();
}

Status RuleRunner::escalate() {
  const SlaPolicySet& policies = config_.sla.policies;
  static const std::string sql = candidates_sql();
  Result<std::unique_ptr<orders::Query>> q = store_.database().prepare(
      orders::SqlQuery{"sweep_escalation_candidates", "iiii", rows::kSelectTypes, sql.c_str()});
  if (!q.ok()) return Failure{q.error()};
  q.value()->set(0, std::int64_t{escalates_before_at_risk(policies) ? 1 : 0});
  for (std::size_t i = 1; i < 4; ++i) q.value()->set(i, now_);
  if (Status s = store_.database().run(*q.value()); !s.ok()) return s;
  std::vector<ExceptionRecord> candidates;
  for (std::size_t r = 0; r < q.value()->rows(); ++r) {
    ExceptionRecord e = rows::read(*q.value(), r);
    const SlaPolicy* policy = policy_named(policies, e.sla_policy);
    const bool at_last = policy != nullptr && !policy->escalation.empty() &&
                         e.escalation == policy->escalation.back().name;
    if (!at_last) candidates.push_back(std::move(e));
  }
  if (candidates.empty()) return Status();
  return in_transaction([&]() -> Status {
    for (ExceptionRecord& e : candidates) {
      if (Status s = escalate_one(e); !s.ok()) return s;
    }
    return Status();
  });
}

Status RuleRunner::escalate_one(ExceptionRecord& e) {
  Result<std::vector<WaitPeriod>> waits = store_.waits(e.id);
  if (!waits.ok()) return Failure{waits.error()};
  const ExceptionRecord before = e;
  track_sla(e, waits.value(), config_.sla, now_);
  const SlaPolicy* was = policy_named(config_.sla.policies, before.sla_policy);
  const SlaPolicy* now = policy_named(config_.sla.policies, e.sla_policy);
  // Only a rise is news; a level that went down (the configuration changed) is left as stored.
  if (was != now || level_index(now, e.escalation) <= level_index(was, before.escalation)) {
    return Status();
  }
  e.updated_at = now_;
  if (Status s = store_.update(e); !s.ok()) return s;
  auto [old_fields, new_fields] = changed_fields(before, e);
  ++sweep_.escalated;
  return store_.add_audit(AuditEntry{0, e.id, now_, kSystemActor, "escalated", old_fields,
                                     new_fields, "escalated to " + e.escalation});
}

}  // namespace ordex::exceptions
