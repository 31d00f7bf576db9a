#pragma once
// What the daemon's threads share: readiness, the counters /metrics reports, each job's
// status for /api/v1/imports/status, the leases this daemon holds (renewed by the keeper), and
// the sweep requests jobs make after importing. Thread-safe.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>

#include "orders/ingest/ingest.h"

namespace ordex::app::serve {

// A flag threads wait on: sleeps that end early when it is raised.
class StopSignal {
 public:
  void raise();
  bool raised() const { return raised_.load(); }
  // Sleeps up to `d`; true when the signal was raised (before or during the wait).
  bool wait_for(std::chrono::milliseconds d);

 private:
  std::atomic<bool> raised_{false};
  std::mutex mutex_;
  std::condition_variable cv_;
};

struct JobStatus {
  std::string name, inbox, schedule;
  bool running = false;
  std::int64_t last_started = 0, last_finished = 0, next_run = 0;  // Unix seconds, 0 = never
  std::int64_t runs = 0, files = 0, imported = 0, skipped = 0, quarantined = 0, failed = 0;
  std::string last_error;
};

class DaemonState {
 public:
  explicit DaemonState(std::string daemon) : daemon_(std::move(daemon)) {}

  const std::string& daemon() const { return daemon_; }

  // Ready: started, not stopping, and the database reachable.
  void set_started(bool v) { started_ = v; }
  void set_stopping(bool v) { stopping_ = v; }
  void set_db_ok(bool v) { db_ok_ = v; }
  bool ready() const { return started_ && !stopping_ && db_ok_; }

  void count_file(const orders::ingest::FileOutcome& outcome);
  void count_sweep(bool ok);

  void set_job(const JobStatus& status);
  void forget_jobs();
  template <typename F>
  void update_job(const std::string& name, F&& change) {
    std::lock_guard lock(mutex_);
    change(jobs_[name]);
  }

  void hold_lease(const std::string& name);
  void drop_lease(const std::string& name);
  std::set<std::string> held_leases() const;

  // A job imported something at `now`: the sweep should run soon.
  void request_sweep(std::int64_t now);
  std::optional<std::int64_t> sweep_requested() const;
  void sweep_done(std::int64_t started);  // clears a request made before `started`

  // {"daemon":..., "ready":..., "jobs":[...], "sweep":{...}}
  std::string jobs_json() const;
  // Prometheus sample lines: imports by result, bytes, findings, sweeps.
  std::string metrics_text() const;

 private:
  const std::string daemon_;
  std::atomic<bool> started_{false}, stopping_{false}, db_ok_{false};
  mutable std::mutex mutex_;
  std::map<std::string, JobStatus> jobs_;
  std::map<std::string, std::int64_t> imports_;  // by result
  std::int64_t bytes_ = 0, findings_ = 0, interchanges_ = 0, orders_ = 0;
  std::int64_t sweeps_ok_ = 0, sweeps_failed_ = 0, last_sweep_ = 0;
  std::set<std::string> leases_;
  std::optional<std::int64_t> sweep_requested_;
};

}  // namespace ordex::app::serve
