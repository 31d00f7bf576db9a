#include "reports/exception_facts.h"

#include "exceptions/exception_store.h"

namespace ordex::reports {

namespace {

using orders::Failure;
using orders::Status;

// Codes in the order of ExceptionStatus and Outcome. An unknown status reads as open: counted
// as work rather than hidden from the backlog.
constexpr orders::SqlQuery kFacts{
    "report_exception_facts", "iii", "iiiitttttttiinnnnn",
    "SELECT id, CAST(CASE status WHEN 'waiting' THEN 1 WHEN 'resolved' THEN 2 WHEN 'merged' "
    "THEN 3 ELSE 0 END AS BIGINT), CAST(CASE response_outcome WHEN 'met' THEN 1 WHEN 'breached' "
    "THEN 2 ELSE 0 END AS BIGINT), CAST(CASE resolve_outcome WHEN 'met' THEN 1 WHEN 'breached' "
    "THEN 2 ELSE 0 END AS BIGINT), type, severity, partner_id, po_number, queue, assignee, "
    "summary, opened_at, updated_at, responded_at, resolved_at, response_due, resolve_due, "
    "at_risk_at FROM exceptions WHERE opened_at <= ? AND (status IN ('open', 'waiting') OR "
    "resolved_at > ? OR updated_at > ?) ORDER BY id"};

// Succeeds whenever the table exists, whatever it holds.
constexpr orders::SqlQuery kProbe{"report_exceptions_probe", "", "i",
                                  "SELECT COUNT(*) FROM exceptions WHERE 1 = 0"};

// The track exists at the version this build knows: true. Absent: false. Anything else (a
// newer or older schema, a broken connection) is an error the caller must see.
orders::Result<bool> track_present(orders::Database& db) {
  orders::Result<int> version = db.migrate("exceptions", exceptions::exception_migrations());
  if (version.ok()) return true;
  // A read-only store cannot create the track; the probe tells "absent" from "unreadable".
  auto probe = db.prepare(kProbe);
  if (!probe.ok()) return Failure{probe.error()};
  if (Status s = db.run(*probe.value()); s.ok()) return Failure{version.error()};
  return false;
}

ExceptionFact read_fact(const orders::Query& q, std::size_t r) {
  ExceptionFact f;
  f.id = q.integer(r, 0);
  f.status = static_cast<exceptions::ExceptionStatus>(q.integer(r, 1));
  f.response_outcome = static_cast<Outcome>(q.integer(r, 2));
  f.resolve_outcome = static_cast<Outcome>(q.integer(r, 3));
  f.type = q.text(r, 4);
  f.severity = q.text(r, 5);
  f.partner = q.text(r, 6);
  f.po = q.text(r, 7);
  f.queue = q.text(r, 8);
  f.assignee = q.text(r, 9);
  f.summary = q.text(r, 10);
  f.opened_at = q.integer(r, 11);
  f.updated_at = q.integer(r, 12);
  f.responded_at = q.optional(r, 13);
  f.resolved_at = q.optional(r, 14);
  f.response_due = q.optional(r, 15);
  f.resolve_due = q.optional(r, 16);
  f.at_risk_at = q.optional(r, 17);
  return f;
}

const char* outcome_text(Outcome o) {
  switch (o) {
    case Outcome::kMet:
      return "met";
    case Outcome::kBreached:
      return "breached";
    case Outcome::kNone:
      return "";
  }
  return "";
}

}  // namespace

std::optional<Instant> ExceptionFact::ended_at() const {
  if (status == exceptions::ExceptionStatus::kResolved) return resolved_at.value_or(updated_at);
  if (status == exceptions::ExceptionStatus::kMerged) return updated_at;
  return std::nullopt;
}

bool ExceptionFact::active_at(Instant t) const {
  if (opened_at > t) return false;
  const std::optional<Instant> end = ended_at();
  return !end || *end > t;
}

std::optional<Instant> ExceptionFact::response_ended_at() const {
  if (responded_at) return responded_at;
  if (resolved()) return resolved_at;
  return std::nullopt;
}

exceptions::ExceptionRecord ExceptionFact::record_at(Instant t) const {
  exceptions::ExceptionRecord r;
  r.id = id;
  r.status = exceptions::ExceptionStatus::kOpen;
  r.opened_at = opened_at;
  if (responded_at && *responded_at <= t) {
    r.responded_at = responded_at;
    r.response_outcome = outcome_text(response_outcome);
  }
  r.response_due = response_due;
  r.resolve_due = resolve_due;
  r.at_risk_at = at_risk_at;
  return r;
}

orders::Result<ExceptionFacts> load_exception_facts(orders::Database db, Instant from, Instant to) {
  ExceptionFacts facts;
  orders::Result<bool> present = track_present(db);
  if (!present.ok()) return Failure{present.error()};
  if (!present.value()) {
    facts.tracked = false;
    return facts;
  }
  auto query = db.prepare(kFacts);
  if (!query.ok()) return Failure{query.error()};
  orders::Query& q = *query.value();
  q.set(0, to);
  q.set(1, from);
  q.set(2, from);
  if (Status s = db.run(q); !s.ok()) return Failure{s.error()};
  facts.rows.reserve(q.rows());
  for (std::size_t r = 0; r < q.rows(); ++r) facts.rows.push_back(read_fact(q, r));
  return facts;
}

}  // namespace ordex::reports
