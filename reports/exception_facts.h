#pragma once
// The exceptions a report over a span of days needs, read once: those open or waiting now,
// and those whose response, resolution or merge happened after `from`. Only the columns the
// report uses (the evidence JSON stays in the database).
//
// PERF NOTES: at a million exceptions this read is most of the report (a full scan of the
// table, ~150,000 rows through Poco::Data). Status and SLA outcomes, a closed vocabulary, come
// back as integer codes computed in SQL: fewer strings to extract, copy and compare per row.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "exceptions/exception_record.h"
#include "orders/database.h"
#include "orders/status.h"

namespace ordex::reports {

using orders::Instant;

// An SLA clock's stored outcome.
enum class Outcome : std::uint8_t { kNone, kMet, kBreached };

struct ExceptionFact {
  std::int64_t id = 0;
  exceptions::ExceptionStatus status = exceptions::ExceptionStatus::kOpen;
  Outcome response_outcome = Outcome::kNone, resolve_outcome = Outcome::kNone;
  std::string type, severity, partner, po, queue, assignee, summary;
  Instant opened_at = 0;
  Instant updated_at = 0;
  std::optional<Instant> responded_at, resolved_at, response_due, resolve_due, at_risk_at;

  bool resolved() const { return status == exceptions::ExceptionStatus::kResolved; }
  // When the exception stopped being work: resolved_at, or updated_at for a merged one.
  std::optional<Instant> ended_at() const;
  // Open or waiting at `t` (opened at or before it and not yet ended).
  bool active_at(Instant t) const;
  // When its response clock stopped: the first response, else the resolution.
  std::optional<Instant> response_ended_at() const;
  // The stored record as it stood at `t` (for is_breached / is_at_risk at a past instant):
  // open, with only the responses and outcomes that had happened by then.
  exceptions::ExceptionRecord record_at(Instant t) const;
};

struct ExceptionFacts {
  bool tracked = true;  // false: the database has no exceptions track (no rule ever ran)
  std::vector<ExceptionFact> rows;  // by id
};

// Exceptions opened at or before `to` that were active at some instant after `from`.
orders::Result<ExceptionFacts> load_exception_facts(orders::Database db, Instant from, Instant to);

}  // namespace ordex::reports
