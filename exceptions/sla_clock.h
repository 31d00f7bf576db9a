#pragma once
// The SLA clock of one exception: a pure function of its policy, its calendar, its timeline and
// "now" (the injected clock, so `--as-of` replays give the same answer).
//
// Two clocks run from opened_at: response (ends at the first human action, or at resolution
// when nobody acted first) and resolution (ends at resolved_at). Each counts business time on
// the calendar, minus the business time spent in pauses (waiting on the customer or carrier).
//
// - due: the instant the clock's elapsed time reaches its target. Pauses push it later; while
//   paused it is where it would be if the clock resumed now, so it moves as the pause lasts.
//   A target already used up before a pause began keeps its due.
// - breached: finished after due, or still running and now is after due (met: finished at or
//   before due). At the due instant itself fraction is 1.0 and nothing is breached yet.
// - at risk: running, not breached, and fraction >= the policy's at_risk threshold.
// - escalation: the highest policy level whose fraction the larger of the two clocks' fractions
//   has reached. A clock's fraction freezes when it ends, so the level never goes down.
//
// Times after `now` have not happened yet: a responded_at or resolved_at later than now is
// ignored, and pause time after now is not counted, so a replay at an earlier as-of is exact.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "exceptions/business_calendar.h"
#include "exceptions/sla_policy.h"

namespace ordex::exceptions {

// [start, end) while the exception waited on someone else; no end: still waiting.
struct SlaPause {
  Instant start = 0;
  std::optional<Instant> end;
};

struct SlaTimeline {
  Instant opened_at = 0;
  std::vector<SlaPause> pauses;  // any order; overlaps are merged
  std::optional<Instant> responded_at;
  std::optional<Instant> resolved_at;
};

enum class SlaOutcome : std::uint8_t { kRunning, kMet, kBreached };

struct SlaClockState {
  std::int64_t target_seconds = 0;   // business seconds
  Instant due = 0;                   // kNever only if the calendar cannot place it
  std::int64_t elapsed_seconds = 0;  // business seconds, pauses excluded, to end or now
  double fraction = 0;               // elapsed / target
  bool at_risk = false;
  bool breached = false;
  SlaOutcome outcome = SlaOutcome::kRunning;
  std::optional<Instant> ended_at;  // when outcome is kMet or kBreached
};

struct SlaState {
  SlaClockState response;
  SlaClockState resolution;
  bool paused = false;  // a pause covers now and the exception is not resolved
  // Index into policy.escalation of the level reached; nullopt: none yet.
  std::optional<std::size_t> escalation_level;
  std::string escalation;  // that level's name, empty when none

  bool at_risk() const { return response.at_risk || resolution.at_risk; }
  bool breached() const { return response.breached || resolution.breached; }
};

// Precondition: `calendar` is the one policy.calendar names; a target is positive (a policy
// with a zero target is breached at once).
SlaState compute_sla_state(const SlaPolicy& policy, const BusinessCalendar& calendar,
                           const SlaTimeline& timeline, Instant now);

std::string_view to_string(SlaOutcome outcome);  // "running", "met", "breached"

}  // namespace ordex::exceptions
