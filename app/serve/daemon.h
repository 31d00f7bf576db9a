#pragma once
// The running daemon: its import jobs, its sweep, the lease keeper and the HTTP service, and
// what a reload or a stop does to each.
//
//   Daemon d(config, schemas);
//   d.start();            // threads and HTTP
//   d.reload(newer);      // SIGHUP: jobs, schedules and rules; HTTP keeps serving
//   d.stop();             // SIGTERM: each job finishes its current file; leases released
//
// The lease keeper renews this daemon's leases (its "daemon:<id>" lease and every lease a job
// or the sweep holds) every lease_seconds / 3 on a session of its own, and is what /readyz
// reads: not ready while the database cannot be reached.

#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "app/http/http_service.h"
#include "app/serve/daemon_state.h"
#include "app/serve/import_job.h"
#include "app/serve/serve_config.h"
#include "app/serve/sweep_job.h"
#include "edi/schema.h"

namespace ordex::app::serve {

class Daemon {
 public:
  Daemon(std::shared_ptr<const ServeConfig> config, const edi::SchemaRegistry& schemas);
  ~Daemon();
  Daemon(const Daemon&) = delete;
  Daemon& operator=(const Daemon&) = delete;

  // Starts the jobs, the sweep, the keeper and the HTTP service. The HTTP service failing to
  // bind is an error (the port is wrong or taken); the database being down is not.
  orders::Status start();
  void reload(std::shared_ptr<const ServeConfig> config);
  void stop();

  DaemonState& state() { return state_; }
  std::uint16_t http_port() const;

  // Re-imports a quarantined file (the admin API's rerun): JSON of the outcome.
  orders::Result<std::string> rerun(std::int64_t file_id);

 private:
  void start_workers();
  void stop_workers();
  void keeper_loop();
  http::ServiceHooks hooks();
  orders::Result<std::string> rerun_quarantined(std::int64_t file_id);  // rerun() guards it

  std::shared_ptr<const ServeConfig> config_;
  mutable std::mutex config_mutex_;  // config_ as rerun() and reload() see it
  const edi::SchemaRegistry& schemas_;
  DaemonState state_;
  std::vector<std::unique_ptr<ImportJob>> jobs_;
  std::unique_ptr<SweepJob> sweep_;
  StopSignal keeper_stop_;
  std::thread keeper_;
  std::mutex rerun_mutex_;
  std::unique_ptr<http::HttpService> http_;
};

}  // namespace ordex::app::serve
