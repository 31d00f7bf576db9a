#pragma once
// The rule sweep of `ordex serve` (exceptions::RuleRunner::sweep, what `ordex sweep` runs): every
// serve.sweep.every, and soon after a job imported something (that is `ordex run`'s closing
// sweep), on a thread with its own store session.
//
// Only one daemon sweeps at a time: the sweep runs under the lease "sweep". The row
// "sweep:last" records when the last sweep (by any daemon) started and ended, so a daemon skips
// its scheduled sweep when another one swept less than an interval ago, and a sweep asked for
// by an import is satisfied by any sweep that started after it. Stopping waits for a running
// sweep (each page of orders commits on its own, so it could also be cut; it is not, to keep
// the tallies whole).

#include <memory>
#include <thread>

#include "app/serve/daemon_state.h"
#include "app/serve/serve_config.h"
#include "app/serve/session.h"

namespace ordex::app::serve {

class SweepJob {
 public:
  SweepJob(std::shared_ptr<const ServeConfig> config, DaemonState& state);
  ~SweepJob();
  SweepJob(const SweepJob&) = delete;
  SweepJob& operator=(const SweepJob&) = delete;

  void start();
  void request_stop() { stop_.raise(); }
  void join();

 private:
  void loop();
  // Runs the sweep when it is this daemon's turn; false when the database was lost.
  bool maybe_sweep(Session& session, bool scheduled, std::int64_t& next);

  std::shared_ptr<const ServeConfig> config_;
  DaemonState& state_;
  StopSignal stop_;
  std::thread thread_;
};

}  // namespace ordex::app::serve
