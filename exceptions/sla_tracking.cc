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

// A paused clock that ran out before its pause began is breached whatever the pause does (its
// due no longer moves), so it is stored as such while the clock is stopped: the due of a paused
// clock moves with the pause, and comparing it with now would say nothing.
std::string outcome_of(const SlaClockState& c, bool paused) {
  if (c.outcome == SlaOutcome::kRunning) {
    return paused && c.breached ? std::string(to_string(SlaOutcome::kBreached)) : std::string();
  }
  return std::string(to_string(c.outcome));
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
  r.response_outcome = outcome_of(state.response, state.paused);
  r.resolve_outcome = outcome_of(state.resolution, state.paused);

  const SlaState risk =
      compute_sla_state(at_risk_policy(*policy, *calendar), *calendar, timeline, now);
  r.at_risk_at.reset();
  auto risk_from = [&](const SlaClockState& clock, const SlaClockState& at_risk) {
    if (clock.outcome != SlaOutcome::kRunning || !due_of(at_risk)) return;
    // A paused clock's at-risk instant moves with the pause, like its due: only one reached
    // before the pause began is known, and it stays.
    if (state.paused && at_risk.due > now) return;
    r.at_risk_at = std::min(r.at_risk_at.value_or(kNever), at_risk.due);
  };
  risk_from(state.response, risk.response);
  risk_from(state.resolution, risk.resolution);
  return state;
}

bool is_breached(const ExceptionRecord& r, Instant now) {
  if (r.response_outcome == "breached" || r.resolve_outcome == "breached") return true;
  // Only an open record's dues tell: a waiting one's move with the wait (track_sla stored
  // "breached" for a clock that ran out before it began), an ended one's outcomes say it all.
  if (r.status != ExceptionStatus::kOpen) return false;
  if (!r.responded_at && r.response_due && now > *r.response_due) return true;
  return r.resolve_due && now > *r.resolve_due;
}

bool is_at_risk(const ExceptionRecord& r, Instant now) {
  return is_active(r.status) && !is_breached(r, now) && r.at_risk_at && now >= *r.at_risk_at;
}

}  // namespace ordex::exceptions
