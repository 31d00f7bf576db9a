#include "exceptions/sla_tracking.h"

#include <algorithm>
#include <cmath>

namespace ordex::exceptions {

namespace {

SlaTimeline timeline_of(const ExceptionRecord& r, const std::vector<WaitPeriod>& waits) {
  SlaTimeline t;
  t.opened_at = r.opened_at;
  for (const WaitPeriod& w : waits) {
    // Waits of an earlier episode ended before this one opened; a reopen starts fresh clocks.
    if (w.ended_at && *w.ended_at <= r.opened_at) continue;
    t.pauses.push_back(SlaPause{std::max(w.started_at, r.opened_at), w.ended_at});
  }
  t.responded_at = r.responded_at;
  if (r.status == ExceptionStatus::kResolved || r.status == ExceptionStatus::kMerged) {
    t.resolved_at = r.resolved_at;
  }
  return t;
}

std::optional<Instant> due_of(const SlaClockState& c) {
  if (c.due == kNever) return std::nullopt;
  return c.due;
}

std::string outcome_of(const SlaClockState& c) {
  return c.outcome == SlaOutcome::kRunning ? std::string() : std::string(to_string(c.outcome));
}

// The at-risk instants are the due instants of the same clocks with their targets scaled to
// the at-risk fraction: one clock implementation, pauses and calendars included.
SlaPolicy at_risk_policy(const SlaPolicy& policy, const BusinessCalendar& calendar) {
  SlaPolicy scaled = policy;
  auto scale = [&](const BusinessDuration& d) {
    const double seconds = static_cast<double>(d.seconds_on(calendar)) * policy.at_risk;
    return BusinessDuration{0, std::max<std::int64_t>(1, std::llround(seconds))};
  };
  scaled.response = scale(policy.response);
  scaled.resolve = scale(policy.resolve);
  return scaled;
}

}  // namespace

SlaState track_sla(ExceptionRecord& r, const std::vector<WaitPeriod>& waits,
                   const SlaConfig& config, Instant now) {
  const SlaPolicy* policy = config.policies.match(r.queue, r.type, r.severity, r.partner_id);
  const BusinessCalendar* calendar = policy ? config.calendar(policy->calendar) : nullptr;
  if (policy == nullptr || calendar == nullptr) {
    r.sla_policy.clear();
    r.response_due = r.resolve_due = r.at_risk_at = std::nullopt;
    r.escalation.clear();
    r.response_outcome.clear();
    r.resolve_outcome.clear();
    return SlaState{};
  }
  const SlaTimeline timeline = timeline_of(r, waits);
  const SlaState state = compute_sla_state(*policy, *calendar, timeline, now);
  r.sla_policy = policy->name;
  r.response_due = due_of(state.response);
  r.resolve_due = due_of(state.resolution);
  r.escalation = state.escalation;
  r.response_outcome = outcome_of(state.response);
  r.resolve_outcome = outcome_of(state.resolution);

  const SlaState risk =
      compute_sla_state(at_risk_policy(*policy, *calendar), *calendar, timeline, now);
  r.at_risk_at.reset();
  if (state.response.outcome == SlaOutcome::kRunning && due_of(risk.response)) {
    r.at_risk_at = risk.response.due;
  }
  if (state.resolution.outcome == SlaOutcome::kRunning && due_of(risk.resolution)) {
    r.at_risk_at = std::min(r.at_risk_at.value_or(kNever), risk.resolution.due);
  }
  return state;
}

bool is_breached(const ExceptionRecord& r, Instant now) {
  if (!is_active(r.status)) {
    return r.response_outcome == "breached" || r.resolve_outcome == "breached";
  }
  if (r.response_outcome == "breached") return true;
  const bool response_running = !r.responded_at.has_value();
  if (response_running && r.response_due && now > *r.response_due) return true;
  return r.resolve_due && now > *r.resolve_due;
}

bool is_at_risk(const ExceptionRecord& r, Instant now) {
  return is_active(r.status) && !is_breached(r, now) && r.at_risk_at && now >= *r.at_risk_at;
}

}  // namespace ordex::exceptions
