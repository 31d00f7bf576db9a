#include "app/serve/import_job.h"

#include <filesystem>
#include <fstream>

#include "app/import_batch.h"
#include "app/serve/serve_log.h"
#include "orders/database.h"
#include "orders/ingest/sha256.h"

namespace ordex::app::serve {

namespace ingest = orders::ingest;
using Priority = Poco::Message::Priority;

class BatchInRun {
 public:
  static orders::Result<std::unique_ptr<BatchInRun>> open(Session& session, const JobConfig& job,
                                                          const ServeConfig& config,
                                                          const edi::SchemaRegistry& schemas) {
    auto b = std::unique_ptr<BatchInRun>(new BatchInRun);
    ingest::IngestOptions options = ingest_options(job.run, job.acks, unix_now());
    options.default_partner = job.partner;
    auto outbox = open_ack_outbox(options, job.run.ack_dir);
    if (!outbox.ok()) return orders::Failure{"ack_dir " + outbox.error()};
    b->outbox = std::move(outbox).value();
    b->batch.emplace(*session.store, *session.exceptions, schemas, config.rules,
                     std::move(options));
    return b;
  }
  std::unique_ptr<ingest::AckOutbox> outbox;
  std::optional<ImportBatch> batch;

 private:
  BatchInRun() = default;
};

namespace {

orders::Result<std::string> file_sha256(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return orders::Failure{"cannot open " + path};
  ingest::Sha256 hash;
  std::string buffer(1 << 16, '\0');
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    hash.update(std::string_view(buffer.data(), static_cast<std::size_t>(in.gcount())));
  }
  if (in.bad()) return orders::Failure{"cannot read " + path};
  return hash.hex_digest();
}

// The Ingestor records the path it read, here the processing folder; what the file's history
// (`ordex orders show`, /api/v1/imports) should name is where it arrived. Best effort: the
// record is right either way, only less readable.
orders::Status record_inbox_path(orders::Store& store, std::int64_t file_id,
                                 const std::string& claimed, const std::string& original) {
  orders::Database db = store.database();
  auto q =
      db.prepare(orders::SqlQuery{"serve_file_inbox_path", "tit", "",
                                  "UPDATE inbound_files SET path = ? WHERE id = ? AND path = ?"});
  if (!q.ok()) return orders::Failure{q.error()};
  q.value()->set(0, original);
  q.value()->set(1, file_id);
  q.value()->set(2, claimed);
  return db.run(*q.value());
}

std::vector<LogField> outcome_fields(const JobConfig& job, const std::string& original,
                                     const ingest::FileOutcome& out) {
  return {{"job", job.name},
          {"file", original},
          {"file_id", out.file_id},
          {"kind", ingest::to_string(out.kind)},
          {"interchanges", out.counts.interchanges},
          {"orders", out.counts.orders},
          {"findings", out.counts.findings},
          {"moved_to", out.moved_to}};
}

}  // namespace

ImportJob::ImportJob(JobConfig job, std::shared_ptr<const ServeConfig> config,
                     const edi::SchemaRegistry& schemas, DaemonState& state)
    : job_(std::move(job)),
      config_(std::move(config)),
      schemas_(schemas),
      state_(state),
      watcher_(job_.inbox, job_.pattern, job_.stable_seconds) {}

ImportJob::~ImportJob() {
  request_stop();
  join();
}

void ImportJob::start() {
  JobStatus status;
  status.name = job_.name;
  status.inbox = job_.inbox;
  status.schedule = job_.schedule.text();
  state_.set_job(status);
  thread_ = std::thread([this] { loop(); });
}

void ImportJob::join() {
  if (thread_.joinable()) thread_.join();
}

void ImportJob::loop() {
  const ServeConfig& config = *config_;
  std::unique_ptr<Session> session;
  bool requeued_own = false;
  // Interval jobs run at once; cron jobs wait for their first time.
  std::optional<orders::Instant> next =
      job_.schedule.interval() > 0 ? unix_now() : job_.schedule.next_after(unix_now(), config.zone);
  while (!stop_.raised()) {
    if (!session) {
      session = connect(config.db, "job " + job_.name, config.retry_max, config.lease_seconds,
                        state_, stop_);
      if (!session) break;
    }
    if (!requeued_own) {
      requeue_own_files();  // an earlier process with this daemon's id left them half done
      requeued_own = true;
    }
    if (!next) {
      log_event(serve_logger(), Priority::PRIO_ERROR, kJobError,
                {{"job", job_.name}, {"error", "the schedule never fires"}});
      break;
    }
    state_.update_job(job_.name, [&](JobStatus& s) { s.next_run = *next; });
    const std::int64_t wait_s = *next - unix_now();
    if (wait_s > 0) {
      if (stop_.wait_for(std::chrono::milliseconds(std::min<std::int64_t>(wait_s, 1) * 1000))) {
        break;
      }
      continue;  // re-check every second: the wall clock may jump
    }
    const std::int64_t started = unix_now();
    bool ok = false;
    std::string error = "a statement failed";
    try {
      ok = run_once(*session);
    } catch (const std::exception& e) {
      // The store turns database errors into values, but a connection lost at the wrong moment
      // can still surface as an exception (Poco::Data::NotConnectedException while a statement
      // is rebuilt): the thread must survive it and nothing may stay claimed.
      error = e.what();
    }
    if (!ok) {
      state_.set_db_ok(false);
      log_event(serve_logger(), Priority::PRIO_ERROR, kDbLost,
                {{"thread", "job " + job_.name}, {"error", error}});
      if (!current_lease_.empty()) state_.drop_lease(current_lease_);
      current_lease_.clear();
      state_.update_job(job_.name, [&](JobStatus& st) {
        st.running = false;
        st.last_error = error;
      });
      requeue_own_files();  // the file being imported when the connection went
      session.reset();
      continue;  // the same run again once reconnected
    }
    next = job_.schedule.next_after(std::max(started, unix_now() - 1), config.zone);
  }
}

void ImportJob::requeue_own_files() {
  auto back = requeue_own(job_.inbox, state_.daemon());
  for (const std::string& f : back.ok() ? back.value() : std::vector<std::string>()) {
    log_event(serve_logger(), Priority::PRIO_WARNING, kRequeued,
              {{"job", job_.name}, {"file", f}, {"daemon", state_.daemon()}});
  }
}

bool ImportJob::run_once(Session& session) {
  const std::int64_t started = unix_now();
  state_.update_job(job_.name, [&](JobStatus& s) {
    s.running = true;
    s.last_started = started;
  });
  auto& leases = *session.leases;
  const std::string self = state_.daemon();
  auto back = requeue_stale(job_.inbox, self, [&](const std::string& daemon) {
    if (local_daemon_alive(daemon) == false) return true;
    auto holder = leases.holder("daemon:" + daemon, unix_now());
    return holder.ok() && !holder.value();  // unknown when the database cannot say: keep
  });
  if (back.ok()) {
    for (const std::string& f : back.value()) {
      log_event(serve_logger(), Priority::PRIO_WARNING, kRequeued,
                {{"job", job_.name}, {"file", f}});
    }
  }
  auto files = watcher_.complete_files();
  std::string error = files.ok() ? "" : files.error();
  if (!files.ok() && files.error() != inbox_error_) {  // once, not at every run
    log_event(serve_logger(), Priority::PRIO_ERROR, kInboxError,
              {{"job", job_.name}, {"error", files.error()}});
  }
  inbox_error_ = error;
  bool db_ok = true;
  std::unique_ptr<BatchInRun> batch;
  std::int64_t taken = 0;
  if (files.ok() && !files.value().empty()) {
    log_event(
        serve_logger(), Priority::PRIO_INFORMATION, kJobStarted,
        {{"job", job_.name}, {"candidates", static_cast<std::int64_t>(files.value().size())}});
    for (const std::string& path : files.value()) {
      if (stop_.raised()) break;
      ++taken;
      if (import_one(session, batch, path) == Step::kDatabaseLost) {
        db_ok = false;
        break;
      }
    }
  }
  if (batch && batch->batch->totals().files > batch->batch->totals().files_skipped) {
    state_.request_sweep(unix_now());
  }
  const ingest::IngestCounts totals = batch ? batch->batch->totals() : ingest::IngestCounts{};
  if (taken > 0) {
    log_event(serve_logger(), Priority::PRIO_INFORMATION, kJobFinished,
              {{"job", job_.name},
               {"files", totals.files},
               {"skipped", totals.files_skipped},
               {"quarantined", totals.files_quarantined},
               {"failed", totals.files_failed},
               {"interchanges", totals.interchanges},
               {"orders", totals.orders},
               {"seconds", unix_now() - started}});
  }
  state_.update_job(job_.name, [&](JobStatus& s) {
    s.running = false;
    s.last_finished = unix_now();
    ++s.runs;
    s.files += totals.files;
    s.skipped += totals.files_skipped;
    s.quarantined += totals.files_quarantined;
    s.failed += totals.files_failed;
    s.imported +=
        totals.files - totals.files_skipped - totals.files_quarantined - totals.files_failed;
    if (!error.empty() || totals.files_failed > 0 || !db_ok) {
      s.last_error = !error.empty() ? error : !db_ok ? "database lost" : "a file failed";
    } else if (taken > 0) {
      s.last_error.clear();
    }
  });
  return db_ok;
}

ImportJob::Step ImportJob::import_one(Session& session, std::unique_ptr<BatchInRun>& batch,
                                      const std::string& path) {
  const std::string self = state_.daemon();
  auto claimed = claim_file(job_.inbox, path, self);
  if (!claimed.ok()) {
    log_event(serve_logger(), Priority::PRIO_ERROR, kFileFailed,
              {{"job", job_.name}, {"file", path}, {"error", claimed.error()}});
    return Step::kNext;
  }
  if (!claimed.value()) return Step::kNext;  // another daemon took it
  const std::string file = *claimed.value();
  const auto give_back = [&](const MessageId& id, Priority priority, const std::string& why) {
    auto back = put_back(file, job_.inbox);
    log_event(serve_logger(), priority, id,
              {{"job", job_.name},
               {"file", path},
               {"reason", why},
               {"error", back.ok() ? "" : back.error()}});
  };
  auto sha = file_sha256(file);
  if (!sha.ok()) {
    give_back(kFileFailed, Priority::PRIO_ERROR, sha.error());
    return Step::kNext;
  }
  const std::string lease = "file:" + sha.value();
  const std::int64_t now = unix_now();
  auto got = session.leases->acquire(lease, self, now, now + config_->lease_seconds);
  if (!got.ok()) {
    give_back(kFileFailed, Priority::PRIO_ERROR, got.error());
    return Step::kDatabaseLost;
  }
  if (!got.value()) {
    give_back(kFileBusy, Priority::PRIO_INFORMATION, "lease held by another daemon");
    return Step::kNext;
  }
  state_.hold_lease(lease);
  current_lease_ = lease;
  if (!batch) {
    auto opened = BatchInRun::open(session, job_, *config_, schemas_);
    if (!opened.ok()) {
      give_back(kFileFailed, Priority::PRIO_ERROR, opened.error());
      state_.drop_lease(lease);
      current_lease_.clear();
      (void)session.leases->release(lease, self);
      return Step::kNext;
    }
    batch = std::move(opened).value();
  }
  const ImportBatch::FileReport report = batch->batch->import_file(file);
  const ingest::FileOutcome& out = report.outcome;
  state_.count_file(out);
  Step step = Step::kNext;
  if (out.result == ingest::FileResult::kImported ||
      out.result == ingest::FileResult::kQuarantined) {
    (void)record_inbox_path(*session.store, out.file_id, file, path);
  }
  switch (out.result) {
    case ingest::FileResult::kFailed:
      give_back(kFileFailed, Priority::PRIO_ERROR, out.reason);
      if (!session_alive(session, self)) step = Step::kDatabaseLost;
      break;
    case ingest::FileResult::kQuarantined:
      log_event(serve_logger(), Priority::PRIO_WARNING, kFileQuarantined, [&] {
        auto f = outcome_fields(job_, path, out);
        f.emplace_back("reason", out.reason);
        return f;
      }());
      break;
    case ingest::FileResult::kSkipped:
      log_event(serve_logger(), Priority::PRIO_INFORMATION, kFileSkipped,
                outcome_fields(job_, path, out));
      break;
    case ingest::FileResult::kImported:
      log_event(serve_logger(), Priority::PRIO_INFORMATION, kFileImported,
                outcome_fields(job_, path, out));
      break;
  }
  if (out.result != ingest::FileResult::kFailed && std::filesystem::exists(file)) {
    // Committed but not moved (the archive cannot be written): back into the inbox, where the
    // next run finds it already imported and moves it.
    give_back(kFileNotMoved, Priority::PRIO_ERROR, out.move_error);
  }
  if (!out.ack_error.empty()) {
    log_event(serve_logger(), Priority::PRIO_ERROR, kAcksPending,
              {{"job", job_.name}, {"file", path}, {"error", out.ack_error}});
  }
  if (report.rules_error) {
    log_event(serve_logger(), Priority::PRIO_ERROR, kRulesFailed,
              {{"job", job_.name}, {"file", path}, {"error", *report.rules_error}});
  }
  state_.drop_lease(lease);
  current_lease_.clear();
  if (step != Step::kDatabaseLost) (void)session.leases->release(lease, self);
  return step;
}

}  // namespace ordex::app::serve
