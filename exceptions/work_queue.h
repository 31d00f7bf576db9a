#pragma once
// Work-queue operations on exceptions: what reps (and later the daemon's API) do to them.
//
//   WorkQueue queue(store, config, {.user = "alice", .clock = [] { return now; }});
//   QueueResult<std::optional<ExceptionRecord>> e = queue.next({.queue = "logistics"});
//   QueueResult<ExceptionRecord> done = queue.resolve(e.value()->id, "carrier confirmed");
//
// Every change runs in one transaction of its own (so call none inside Store::begin()) and
// commits together with its audit entry (actor, action, the changed fields before and after,
// the note). The first human action of an episode (anything but a reopen) sets responded_at;
// whenever the SLA timeline changes (first response, status, a new episode) the stored SLA
// fields are recomputed with track_sla over the exception's waits, at the clock's now.
//
// Claims are locks with an expiry: claim() and next() fail or skip an exception whose claim by
// someone else has not expired; the holder may claim again (extends it) or release it. Other
// changes do not check claims: a lead may assign or resolve anything.
//
// next() is safe across processes: on PostgreSQL the candidate row is taken with SELECT ... FOR
// UPDATE SKIP LOCKED inside the transaction; on SQLite the transaction is BEGIN IMMEDIATE
// (Store::begin), which holds the write lock from the read on, and the claim re-reads the row
// and re-checks it is unclaimed under that lock before writing.
//
// Errors are values (QueueResult, work_queue_result.h); a failed change is rolled back.
// Not thread-safe: one WorkQueue per ExceptionStore (one Store session).

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "exceptions/exception_filter.h"
#include "exceptions/exception_store.h"
#include "exceptions/exceptions_config.h"
#include "exceptions/work_queue_result.h"

namespace ordex::exceptions {

struct WorkQueueOptions {
  std::string user;                   // the actor every change is audited under
  std::function<Instant()> clock;     // "now"; read once per operation
  std::int64_t claim_seconds = 1800;  // how long a claim holds
};

// What a bulk operation did: the ids changed, and those that failed with why (a bulk form
// goes on past a failure: each exception is its own transaction).
struct BulkOutcome {
  std::vector<std::int64_t> changed;
  std::vector<std::pair<std::int64_t, QueueFailure>> failed;
};

class WorkQueue {
 public:
  // `store` and `config` must outlive the queue.
  WorkQueue(ExceptionStore& store, const ExceptionsConfig& config, WorkQueueOptions options);
  ~WorkQueue();
  WorkQueue(const WorkQueue&) = delete;
  WorkQueue& operator=(const WorkQueue&) = delete;

  const std::string& user() const { return options_.user; }
  Instant now() const { return options_.clock(); }

  // --- Reading.
  QueueResult<std::vector<ExceptionRecord>> list(const ExceptionFilter& filter);
  QueueResult<ExceptionRecord> get(std::int64_t id);  // kNotFound for an unknown id

  // --- Claims. next(): claims the most urgent open exception matching the filter's queue, type,
  // partner and severity that is unclaimed (or whose claim expired) and assigned to this user or
  // nobody; nullopt when there is none.
  QueueResult<std::optional<ExceptionRecord>> next(const ExceptionFilter& filter);
  QueueResult<ExceptionRecord> claim(std::int64_t id);    // kConflict when held by another
  QueueResult<ExceptionRecord> release(std::int64_t id);  // kConflict when held by another

  // --- Changes. kInvalid when the status does not allow the change.
  QueueResult<ExceptionRecord> assign(std::int64_t id, const std::string& assignee);  // "" clears
  QueueResult<ExceptionRecord> note(std::int64_t id, const std::string& text);
  // Open or waiting -> waiting until `until` (> now) on `waiting_on`: SLA clocks stop from now.
  QueueResult<ExceptionRecord> wait(std::int64_t id, Instant until, const std::string& waiting_on);
  // Waiting -> open: the wait ends now and the clocks run again.
  QueueResult<ExceptionRecord> resume(std::int64_t id);
  // Resumes every waiting exception whose wait_until has passed, ending each wait at its
  // wait_until (the time promised, not the time the sweep ran). Returns what it resumed.
  QueueResult<BulkOutcome> resume_due_waits();
  QueueResult<ExceptionRecord> resolve(std::int64_t id, const std::string& reason);
  // Resolved or merged -> open: a new episode (opened_at = now, fresh SLA clocks).
  QueueResult<ExceptionRecord> reopen(std::int64_t id, const std::string& reason);
  // Active `id` -> merged into `into_id` (any status but merged, not itself); the target's
  // audit trail gets a note naming `id`.
  QueueResult<ExceptionRecord> merge(std::int64_t id, std::int64_t into_id);

  // Applies `change` to every exception the filter matches (its limit/offset apply), each in its
  // own transaction and audited as that change.
  using Change = std::function<QueueResult<ExceptionRecord>(WorkQueue&, std::int64_t)>;
  QueueResult<BulkOutcome> bulk(const ExceptionFilter& filter, const Change& change);
  // Every exception the filter matches, but `into_id` itself, merged into `into_id`.
  QueueResult<BulkOutcome> merge_all(const ExceptionFilter& filter, std::int64_t into_id);

 private:
  QueueResult<BulkOutcome> bulk_except(const ExceptionFilter& filter, std::int64_t except_id,
                                       const Change& change);
  // What one change does to the record inside the transaction; may touch waits.
  using Mutation = std::function<std::optional<QueueFailure>(ExceptionRecord&, Instant now)>;
  struct Action {
    std::string name;  // the audit action: claimed, noted, resolved...
    std::string note;
    bool human = true;  // sets responded_at when the episode has none
  };
  QueueResult<ExceptionRecord> change(std::int64_t id, const Action& action,
                                      const Mutation& mutate);
  QueueResult<ExceptionRecord> change_in_transaction(std::int64_t id, const Action& action,
                                                     const Mutation& mutate, Instant now);
  QueueResult<std::vector<ExceptionRecord>> select(const FilterSql& sql);
  QueueResult<ExceptionRecord> wait_ended(std::int64_t id, Instant ended_at);
  std::optional<QueueFailure> claim_conflict(const ExceptionRecord& record, Instant now) const;

  ExceptionStore* store_;
  const ExceptionsConfig* config_;
  WorkQueueOptions options_;
  // Filter statements prepared once per distinct text (a handful: filters combine few ways).
  std::map<std::string, std::unique_ptr<orders::Query>> prepared_;
};

}  // namespace ordex::exceptions
