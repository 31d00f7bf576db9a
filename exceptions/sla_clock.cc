#include "exceptions/sla_clock.h"

#include <algorithm>

namespace ordex::exceptions {
namespace {

struct Interval {
  Instant start;
  Instant end;
};

// The pauses as disjoint, sorted intervals inside [opened_at, now]: an open pause, or one
// recorded with an end still to come, has lasted until now so far.
std::vector<Interval> past_pauses(const SlaTimeline& timeline, Instant now) {
  std::vector<Interval> pauses;
  for (const SlaPause& p : timeline.pauses) {
    const Instant start = std::max(p.start, timeline.opened_at);
    const Instant end = std::min(p.end.value_or(now), now);
    if (end > start) pauses.push_back({start, end});
  }
  std::sort(pauses.begin(), pauses.end(),
            [](const Interval& a, const Interval& b) { return a.start < b.start; });
  std::vector<Interval> merged;
  for (const Interval& p : pauses) {
    if (!merged.empty() && p.start <= merged.back().end) {
      merged.back().end = std::max(merged.back().end, p.end);
    } else {
      merged.push_back(p);
    }
  }
  return merged;
}

// Walks the running stretches between pauses until `target` business seconds are spent.
// Pauses that begin at or after `end` have not happened for this clock.
Instant due_instant(const BusinessCalendar& calendar, Instant opened,
                    const std::vector<Interval>& pauses, Instant end, std::int64_t target) {
  if (target <= 0) return opened;
  Instant running_from = opened;
  std::int64_t remaining = target;
  for (const Interval& p : pauses) {
    if (p.start >= end) break;
    if (p.start > running_from) {
      const Instant candidate = calendar.add_business_seconds(running_from, remaining);
      if (candidate <= p.start) return candidate;
      remaining -= calendar.business_seconds(running_from, p.start);
    }
    running_from = std::max(running_from, std::min(p.end, end));
  }
  return calendar.add_business_seconds(running_from, remaining);
}

std::int64_t elapsed_seconds(const BusinessCalendar& calendar, Instant opened,
                             const std::vector<Interval>& pauses, Instant end) {
  std::int64_t elapsed = calendar.business_seconds(opened, end);
  for (const Interval& p : pauses) {
    elapsed -= calendar.business_seconds(p.start, std::min(p.end, end));
  }
  return elapsed;
}

SlaClockState run_clock(const BusinessCalendar& calendar, const SlaTimeline& timeline,
                        const std::vector<Interval>& pauses, std::int64_t target,
                        std::optional<Instant> ended_at, Instant now, double at_risk) {
  SlaClockState clock;
  const Instant end = ended_at.value_or(now);
  clock.target_seconds = target;
  clock.due = due_instant(calendar, timeline.opened_at, pauses, end, target);
  clock.elapsed_seconds = elapsed_seconds(calendar, timeline.opened_at, pauses, end);
  clock.fraction =
      target > 0 ? static_cast<double>(clock.elapsed_seconds) / static_cast<double>(target) : 1.0;
  clock.breached = end > clock.due;
  clock.ended_at = ended_at;
  if (ended_at) {
    clock.outcome = clock.breached ? SlaOutcome::kBreached : SlaOutcome::kMet;
  } else {
    clock.at_risk = !clock.breached && clock.fraction >= at_risk;
  }
  return clock;
}

// What has happened by `now`: a later time is in the future of this evaluation.
std::optional<Instant> by(std::optional<Instant> at, Instant now) {
  return at && *at <= now ? at : std::nullopt;
}

bool paused_at(const SlaTimeline& timeline, Instant now) {
  return std::any_of(timeline.pauses.begin(), timeline.pauses.end(),
                     [&](const SlaPause& p) { return p.start <= now && (!p.end || *p.end > now); });
}

}  // namespace

SlaState compute_sla_state(const SlaPolicy& policy, const BusinessCalendar& calendar,
                           const SlaTimeline& timeline, Instant now) {
  const std::vector<Interval> pauses = past_pauses(timeline, now);
  const std::optional<Instant> resolved = by(timeline.resolved_at, now);
  std::optional<Instant> responded = by(timeline.responded_at, now);
  // Resolving is the last human action there is: it answers the exception too.
  if (!responded) responded = resolved;

  SlaState state;
  state.response = run_clock(calendar, timeline, pauses, policy.response.seconds_on(calendar),
                             responded, now, policy.at_risk);
  state.resolution = run_clock(calendar, timeline, pauses, policy.resolve.seconds_on(calendar),
                               resolved, now, policy.at_risk);
  state.paused = !resolved && paused_at(timeline, now);

  const double fraction = std::max(state.response.fraction, state.resolution.fraction);
  for (std::size_t i = 0; i < policy.escalation.size(); ++i) {
    const EscalationLevel& level = policy.escalation[i];
    if (level.fraction > fraction) continue;
    if (!state.escalation_level ||
        policy.escalation[*state.escalation_level].fraction <= level.fraction) {
      state.escalation_level = i;
      state.escalation = level.name;
    }
  }
  return state;
}

std::string_view to_string(SlaOutcome outcome) {
  switch (outcome) {
    case SlaOutcome::kRunning:
      return "running";
    case SlaOutcome::kMet:
      return "met";
    case SlaOutcome::kBreached:
      return "breached";
  }
  return "running";
}

}  // namespace ordex::exceptions
