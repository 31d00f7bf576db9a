// The status changes of an exception's life: wait, resume, resolve, reopen, merge, and the bulk
// forms. The transaction, audit and SLA bookkeeping is WorkQueue::change (work_queue.cc).
#include "exceptions/work_queue.h"
#include "orders/time_zone.h"

namespace ordex::exceptions {

namespace {

using Refusal = std::optional<QueueFailure>;

Refusal invalid(const ExceptionRecord& r, const std::string& why) {
  return QueueFailure{QueueErrc::kInvalid, "exception " + std::to_string(r.id) + " " + why};
}

Refusal status_is(const ExceptionRecord& r, bool allowed, const char* verb) {
  if (allowed) return std::nullopt;
  return invalid(r, "is " + std::string(to_string(r.status)) + ": cannot " + verb + " it");
}

QueueFailure from_status(const Status& s) { return QueueFailure{QueueErrc::kDatabase, s.error()}; }

}  // namespace

QueueResult<ExceptionRecord> WorkQueue::wait(std::int64_t id, Instant until,
                                             const std::string& waiting_on) {
  const std::string note = "until " + orders::format_utc(until) + " on " + waiting_on;
  return change(id, {"waiting", note, true}, [&](ExceptionRecord& r, Instant now) -> Refusal {
    if (auto refused = status_is(r, is_active(r.status), "wait on")) return refused;
    if (until <= now) return invalid(r, "cannot wait until a time already past");
    // Waiting again only moves the end: the pause that is running goes on.
    if (r.status == ExceptionStatus::kOpen) {
      if (Status s = store_->start_wait(WaitPeriod{id, now, std::nullopt, waiting_on}); !s.ok()) {
        return from_status(s);
      }
    }
    r.status = ExceptionStatus::kWaiting;
    r.wait_until = until;
    r.waiting_on = waiting_on;
    return std::nullopt;
  });
}

QueueResult<ExceptionRecord> WorkQueue::wait_ended(std::int64_t id, Instant ended_at) {
  return change(
      id, {"resumed", "", options_.user != kSystemActor},
      [&](ExceptionRecord& r, Instant now) -> Refusal {
        if (auto refused = status_is(r, r.status == ExceptionStatus::kWaiting, "resume")) {
          return refused;
        }
        if (Status s = store_->end_wait(id, std::min(ended_at, now)); !s.ok()) {
          return from_status(s);
        }
        r.status = ExceptionStatus::kOpen;
        r.wait_until.reset();
        r.waiting_on.clear();
        return std::nullopt;
      });
}

QueueResult<ExceptionRecord> WorkQueue::resume(std::int64_t id) { return wait_ended(id, now()); }

QueueResult<BulkOutcome> WorkQueue::resume_due_waits() {
  ExceptionFilter filter;
  filter.status = StatusFilter::kWaiting;
  QueueResult<std::vector<ExceptionRecord>> waiting = list(filter);
  if (!waiting.ok()) return waiting.failure();
  BulkOutcome outcome;
  const Instant at = now();
  for (const ExceptionRecord& r : waiting.value()) {
    if (!r.wait_until || *r.wait_until > at) continue;
    QueueResult<ExceptionRecord> done = wait_ended(r.id, *r.wait_until);
    if (done.ok()) {
      outcome.changed.push_back(r.id);
    } else {
      outcome.failed.emplace_back(r.id, done.failure());
    }
  }
  return outcome;
}

QueueResult<ExceptionRecord> WorkQueue::resolve(std::int64_t id, const std::string& reason) {
  if (reason.empty()) return QueueFailure{QueueErrc::kInvalid, "resolve needs a reason"};
  return change(id, {"resolved", reason, true}, [&](ExceptionRecord& r, Instant now) -> Refusal {
    if (auto refused = status_is(r, is_active(r.status), "resolve")) return refused;
    if (r.status == ExceptionStatus::kWaiting) {
      if (Status s = store_->end_wait(id, now); !s.ok()) return from_status(s);
    }
    r.status = ExceptionStatus::kResolved;
    r.resolved_at = now;
    r.resolved_by = options_.user;
    r.resolution = reason;
    // A person's resolution holds while the evidence stays the same (exception_record.h).
    r.resolved_evidence = r.evidence;
    r.wait_until.reset();
    r.waiting_on.clear();
    r.claimed_by.clear();
    r.claim_expires = 0;
    return std::nullopt;
  });
}

QueueResult<ExceptionRecord> WorkQueue::reopen(std::int64_t id, const std::string& reason) {
  // Reopening starts a new episode whose response clock must run until someone works it, so it
  // does not count as that episode's response.
  return change(id, {"reopened", reason, false}, [&](ExceptionRecord& r, Instant now) -> Refusal {
    if (auto refused = status_is(r, !is_active(r.status), "reopen")) return refused;
    r.status = ExceptionStatus::kOpen;
    r.opened_at = now;
    r.reopen_count += 1;
    r.responded_at.reset();
    r.resolved_at.reset();
    r.resolution.clear();
    r.resolved_by.clear();
    r.resolved_evidence.clear();
    r.merged_into.reset();
    return std::nullopt;
  });
}

QueueResult<ExceptionRecord> WorkQueue::merge(std::int64_t id, std::int64_t into_id) {
  if (id == into_id)
    return QueueFailure{QueueErrc::kInvalid, "cannot merge an exception into itself"};
  const std::string note = "merged into " + std::to_string(into_id);
  return change(id, {"merged", note, true}, [&](ExceptionRecord& r, Instant now) -> Refusal {
    if (auto refused = status_is(r, is_active(r.status), "merge")) return refused;
    QueueResult<ExceptionRecord> target = get(into_id);
    if (!target.ok()) return target.failure();
    if (target.value().status == ExceptionStatus::kMerged) {
      return invalid(target.value(), "is itself merged: merge into the one it was merged into");
    }
    if (r.status == ExceptionStatus::kWaiting) {
      if (Status s = store_->end_wait(id, now); !s.ok()) return from_status(s);
    }
    const AuditEntry target_note{
        0,       into_id, now,  options_.user,
        "noted", "{}",    "{}", "exception " + std::to_string(id) + " merged into this one"};
    if (Status s = store_->add_audit(target_note); !s.ok()) return from_status(s);
    r.status = ExceptionStatus::kMerged;
    r.merged_into = into_id;
    r.resolved_at = now;
    r.resolved_by = options_.user;
    r.resolution = note;
    r.wait_until.reset();
    r.waiting_on.clear();
    r.claimed_by.clear();
    r.claim_expires = 0;
    return std::nullopt;
  });
}

QueueResult<BulkOutcome> WorkQueue::bulk(const ExceptionFilter& filter, const Change& change) {
  return bulk_except(filter, 0, change);
}

QueueResult<BulkOutcome> WorkQueue::merge_all(const ExceptionFilter& filter, std::int64_t into_id) {
  // The target matches the filter too, more often than not: it is what the others join.
  return bulk_except(filter, into_id,
                     [into_id](WorkQueue& q, std::int64_t id) { return q.merge(id, into_id); });
}

QueueResult<BulkOutcome> WorkQueue::bulk_except(const ExceptionFilter& filter,
                                                std::int64_t except_id, const Change& change) {
  QueueResult<std::vector<ExceptionRecord>> matches = list(filter);
  if (!matches.ok()) return matches.failure();
  BulkOutcome outcome;
  for (const ExceptionRecord& r : matches.value()) {
    if (r.id == except_id) continue;
    QueueResult<ExceptionRecord> done = change(*this, r.id);
    if (done.ok()) {
      outcome.changed.push_back(r.id);
    } else {
      outcome.failed.emplace_back(r.id, done.failure());
    }
  }
  return outcome;
}

}  // namespace ordex::exceptions
