#pragma once
// Keeps the SLA fields an exception stores (policy, due instants, when it turns at-risk, the
// escalation level, the outcomes) in step with its timeline. The store keeps them so that the
// queue can filter and sort by due, breached and at-risk in SQL; they are recomputed whenever
// the timeline changes (open, reopen, first response, wait, resume, resolve) and by the sweep,
// from the one clock (sla_clock.h).

#include <vector>

#include "exceptions/exception_record.h"
#include "exceptions/sla_clock.h"
#include "exceptions/sla_config.h"

namespace ordex::exceptions {

// Matches the policy for the record's current queue, type, severity and partner, computes its
// clocks at `now` over the waits of its current episode, and writes the results into the
// record: sla_policy, response_due, resolve_due, at_risk_at (the first instant a running clock
// reaches its at-risk fraction), escalation and, for ended clocks, the outcomes "met" or
// "breached". While the record waits (a pause covers now) its clocks are stopped: a clock that
// ran out before the wait began is stored as "breached" (that will not change), and at_risk_at
// is kept only when it was reached before the wait began (unset otherwise: it moves with the
// wait). A record no policy matches gets empty SLA fields. Returns the computed state.
SlaState track_sla(ExceptionRecord& record, const std::vector<WaitPeriod>& waits,
                   const SlaConfig& config, Instant now);

// Breached / at risk at `now`, from the stored fields alone (what the queue filters use; the
// SQL in exception_filter.cc says the same). An open record is breached when a running clock
// is past its due or an ended one was breached; a waiting one only by its stored outcomes (a
// clock that ran out before the wait), never by a due passing while it waits.
bool is_breached(const ExceptionRecord& record, Instant now);
bool is_at_risk(const ExceptionRecord& record, Instant now);

}  // namespace ordex::exceptions
