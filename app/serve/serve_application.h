#pragma once
// `ordex serve` as a Poco::Util::ServerApplication: Poco handles --daemon (fork, setsid, stdio
// to /dev/null, chdir /) and --pidfile (written at start, removed at a clean exit); main()
// starts the Daemon and then waits for signals on the main thread:
//
//   SIGTERM, SIGINT, SIGQUIT  stop: each job finishes the file it is importing, commits, and the
//                             process exits 0 (the pid file is removed)
//   SIGHUP                    reload the config file: jobs, schedules, rules; HTTP keeps serving.
//                             A config that does not load is logged and the running one kept.
//
// The signals are blocked before any thread starts and taken with sigwait(), so no thread is
// ever interrupted by one.

#include <Poco/Util/ServerApplication.h>

#include <memory>
#include <optional>
#include <string>

#include "app/serve/serve_config.h"

namespace ordex::app::serve {

struct ServeStart {
  std::shared_ptr<const ServeConfig> config;  // loaded and checked before daemonising
  std::string config_path;                    // for reloads
  std::optional<std::string> db;              // --db, kept across reloads
  std::string base_dir;                       // where relative paths are taken from
};

class ServeApplication final : public Poco::Util::ServerApplication {
 public:
  explicit ServeApplication(ServeStart start) : start_(std::move(start)) {}

 protected:
  int main(const std::vector<std::string>& args) override;

 private:
  ServeStart start_;
};

// Blocks the signals the daemon handles in the calling thread (and the threads it starts).
void block_daemon_signals();

}  // namespace ordex::app::serve
