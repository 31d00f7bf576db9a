#pragma once
// One import job of `ordex serve` (jobs.N.* in the config) on a thread of its own, with its own
// store session: at each time its schedule names it takes the complete files of its inbox one by
// one and imports each through ImportBatch, exactly as `ordex run` would (app/import_batch.h).
//
// Per file: claim it (rename into this daemon's processing folder, inbox.h), take the lease
// "file:<sha256>" (so identical content under two names is not imported twice at once), import,
// release. A file whose import fails (I/O, database) goes back into the inbox: nothing is lost,
// the next run tries again. When the database is lost the job reconnects with backoff and its
// files wait in the inbox. After a run that imported something it asks for a rule sweep
// (sweep_job.h), which one daemon at a time runs; that is `ordex run`'s closing sweep.
//
// Stopping (SIGTERM, a reload) lets the file being imported finish and commit, then the thread
// ends; nothing else is claimed after the stop.

#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "app/serve/daemon_state.h"
#include "app/serve/inbox.h"
#include "app/serve/serve_config.h"
#include "app/serve/session.h"
#include "edi/schema.h"

namespace ordex::app::serve {

class BatchInRun;  // one run's ImportBatch and acknowledgment outbox (import_job.cc)

class ImportJob {
 public:
  // `config` holds the rules and settings every job shares; `schemas` and `state` outlive this.
  ImportJob(JobConfig job, std::shared_ptr<const ServeConfig> config,
            const edi::SchemaRegistry& schemas, DaemonState& state);
  ~ImportJob();  // stops and joins
  ImportJob(const ImportJob&) = delete;
  ImportJob& operator=(const ImportJob&) = delete;

  void start();
  void request_stop() { stop_.raise(); }
  void join();

  const JobConfig& job() const { return job_; }

 private:
  void loop();
  // Puts what is left in this daemon's processing folder back into the inbox.
  void requeue_own_files();
  // One scheduled run; false when the database was lost (reconnect, then carry on).
  bool run_once(Session& session);
  enum class Step { kNext, kDatabaseLost };
  // Claims, leases, imports and reports one file; `batch` is made at the first file of a run.
  Step import_one(Session& session, std::unique_ptr<BatchInRun>& batch, const std::string& path);

  JobConfig job_;
  std::shared_ptr<const ServeConfig> config_;
  const edi::SchemaRegistry& schemas_;
  DaemonState& state_;
  InboxWatcher watcher_;
  std::string current_lease_;
  std::string
      inbox_error_;  // the last one logged  // "file:<sha256>" while a file is being imported
  StopSignal stop_;
  std::thread thread_;
};

}  // namespace ordex::app::serve
