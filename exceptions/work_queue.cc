#include "exceptions/work_queue.h"

#include <utility>

#include "exceptions/exception_rows.h"
#include "exceptions/sla_tracking.h"
#include "orders/time_zone.h"

namespace ordex::exceptions {

namespace {

QueueFailure db_failure(std::string message) {
  return QueueFailure{QueueErrc::kDatabase, std::move(message)};
}

// What the SLA clocks read: when it changes, the stored due instants must follow.
bool timeline_changed(const ExceptionRecord& a, const ExceptionRecord& b) {
  return a.status != b.status || a.opened_at != b.opened_at || a.responded_at != b.responded_at ||
         a.resolved_at != b.resolved_at || a.wait_until != b.wait_until;
}

}  // namespace

WorkQueue::WorkQueue(ExceptionStore& store, const ExceptionsConfig& config,
                     WorkQueueOptions options)
    : store_(&store), config_(&config), options_(std::move(options)) {}

WorkQueue::~WorkQueue() = default;

QueueResult<std::vector<ExceptionRecord>> WorkQueue::select(const FilterSql& sql) {
  auto found = prepared_.find(sql.sql);
  if (found == prepared_.end()) {
    Result<std::unique_ptr<orders::Query>> q = store_->database().prepare(orders::SqlQuery{
        "exception_queue_select", sql.param_types.c_str(), rows::kSelectTypes, sql.sql.c_str()});
    if (!q.ok()) return db_failure(q.error());
    found = prepared_.emplace(sql.sql, std::move(q).value()).first;
  }
  orders::Query& q = *found->second;
  for (std::size_t i = 0; i < sql.params.size(); ++i) {
    std::visit([&](const auto& v) { q.set(i, v); }, sql.params[i]);
  }
  if (Status s = store_->database().run(q); !s.ok()) return db_failure(s.error());
  std::vector<ExceptionRecord> out;
  out.reserve(q.rows());
  for (std::size_t r = 0; r < q.rows(); ++r) out.push_back(rows::read(q, r));
  return out;
}

QueueResult<std::vector<ExceptionRecord>> WorkQueue::list(const ExceptionFilter& filter) {
  return select(list_sql(filter, now()));
}

QueueResult<ExceptionRecord> WorkQueue::get(std::int64_t id) {
  Result<std::optional<ExceptionRecord>> found = store_->by_id(id);
  if (!found.ok()) return db_failure(found.error());
  if (!found.value()) {
    return QueueFailure{QueueErrc::kNotFound, "no exception " + std::to_string(id)};
  }
  return *found.value();
}

QueueResult<ExceptionRecord> WorkQueue::change(std::int64_t id, const Action& action,
                                               const Mutation& mutate) {
  orders::Store& store = store_->store();
  if (Status s = store.begin(); !s.ok()) return db_failure(s.error());
  QueueResult<ExceptionRecord> done = change_in_transaction(id, action, mutate, now());
  if (!done.ok()) {
    (void)store.rollback();  // the change's own error is the one to report
    return done;
  }
  if (Status s = store.commit(); !s.ok()) return db_failure(s.error());
  return done;
}

QueueResult<ExceptionRecord> WorkQueue::change_in_transaction(std::int64_t id, const Action& action,
                                                              const Mutation& mutate, Instant now) {
  QueueResult<ExceptionRecord> found = get(id);
  if (!found.ok()) return found;
  const ExceptionRecord before = found.value();
  ExceptionRecord after = before;
  if (std::optional<QueueFailure> refused = mutate(after, now)) return *refused;
  if (action.human && !after.responded_at && is_active(before.status)) after.responded_at = now;
  after.updated_at = now;
  if (timeline_changed(before, after)) {
    Result<std::vector<WaitPeriod>> waits = store_->waits(id);
    if (!waits.ok()) return db_failure(waits.error());
    track_sla(after, waits.value(), config_->sla, now);
  }
  if (Status s = store_->update(after); !s.ok()) return db_failure(s.error());
  auto [old_fields, new_fields] = changed_fields(before, after);
  const AuditEntry entry{
      0,          id, now, options_.user, action.name, std::move(old_fields), std::move(new_fields),
      action.note};
  if (Status s = store_->add_audit(entry); !s.ok()) return db_failure(s.error());
  return after;
}

std::optional<QueueFailure> WorkQueue::claim_conflict(const ExceptionRecord& r, Instant now) const {
  if (r.claimed_by.empty() || r.claimed_by == options_.user || r.claim_expires <= now) {
    return std::nullopt;
  }
  return QueueFailure{QueueErrc::kConflict, "exception " + std::to_string(r.id) +
                                                " is claimed by " + r.claimed_by + " until " +
                                                orders::format_utc(r.claim_expires)};
}

namespace {

std::optional<QueueFailure> require_active(const ExceptionRecord& r, const char* what) {
  if (is_active(r.status)) return std::nullopt;
  return QueueFailure{QueueErrc::kInvalid, "cannot " + std::string(what) + " exception " +
                                               std::to_string(r.id) + ": it is " +
                                               std::string(to_string(r.status))};
}

}  // namespace

QueueResult<ExceptionRecord> WorkQueue::claim(std::int64_t id) {
  return change(id, {"claimed", "", true}, [&](ExceptionRecord& r, Instant now) {
    if (auto refused = require_active(r, "claim")) return refused;
    if (auto refused = claim_conflict(r, now)) return refused;
    r.claimed_by = options_.user;
    r.claim_expires = now + options_.claim_seconds;
    return std::optional<QueueFailure>();
  });
}

QueueResult<ExceptionRecord> WorkQueue::release(std::int64_t id) {
  return change(id, {"released", "", true}, [&](ExceptionRecord& r, Instant now) {
    if (auto refused = claim_conflict(r, now)) return refused;
    r.claimed_by.clear();
    r.claim_expires = 0;
    return std::optional<QueueFailure>();
  });
}

QueueResult<std::optional<ExceptionRecord>> WorkQueue::next(const ExceptionFilter& filter) {
  orders::Store& store = store_->store();
  const Instant at = now();
  const bool postgres = store.engine() == orders::Engine::kPostgres;
  if (Status s = store.begin(); !s.ok()) return db_failure(s.error());
  auto fail = [&](QueueFailure f) -> QueueResult<std::optional<ExceptionRecord>> {
    (void)store.rollback();  // the failure is the error to report
    return f;
  };
  QueueResult<std::vector<ExceptionRecord>> candidate =
      select(next_sql(filter, options_.user, at, postgres));
  if (!candidate.ok()) return fail(candidate.failure());
  if (candidate.value().empty()) {
    if (Status s = store.commit(); !s.ok()) return db_failure(s.error());
    return std::optional<ExceptionRecord>();
  }
  const std::int64_t id = candidate.value().front().id;
  QueueResult<ExceptionRecord> claimed = change_in_transaction(
      id, {"claimed", "next", true},
      [&](ExceptionRecord& r, Instant now) {
        if (auto refused = claim_conflict(r, now)) return refused;
        r.claimed_by = options_.user;
        r.claim_expires = now + options_.claim_seconds;
        return std::optional<QueueFailure>();
      },
      at);
  if (!claimed.ok()) return fail(claimed.failure());
  if (Status s = store.commit(); !s.ok()) return db_failure(s.error());
  return std::optional<ExceptionRecord>(std::move(claimed).value());
}

QueueResult<ExceptionRecord> WorkQueue::assign(std::int64_t id, const std::string& assignee) {
  return change(id, {"assigned", "", true}, [&](ExceptionRecord& r, Instant) {
    if (auto refused = require_active(r, "assign")) return refused;
    r.assignee = assignee;
    return std::optional<QueueFailure>();
  });
}

QueueResult<ExceptionRecord> WorkQueue::note(std::int64_t id, const std::string& text) {
  if (text.empty()) return QueueFailure{QueueErrc::kInvalid, "a note needs text"};
  return change(id, {"noted", text, true},
                [](ExceptionRecord&, Instant) { return std::optional<QueueFailure>(); });
}

}  // namespace ordex::exceptions
