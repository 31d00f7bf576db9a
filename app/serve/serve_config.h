#pragma once
// The configuration of `ordex serve`: the same properties file as `ordex run --config` (its
// keys and the exception settings apply to every job), plus the daemon's own keys
// (README "ordex serve"; notes/daemon-contract.md):
//
//   serve.db                    the store (--db overrides)
//   serve.http.host / .port / .threads / .tls.cert / .tls.key, serve.session_minutes
//   serve.log.format            text (default) | json        serve.log.file  (default stderr)
//   serve.pid_file              (--pidfile overrides)
//   serve.sweep.every           the rule sweep's interval (default 5m)
//   serve.timezone              the zone cron schedules are read in (default: the system's)
//   serve.lease_seconds         how long a lease outlives its holder's last renewal (60)
//   serve.db.retry_max          the cap of the reconnect backoff (default 60s)
//   jobs.N.name, .inbox, .schedule (cron or "every 30s"), .stable_seconds (5), .pattern (*),
//   jobs.N.archive, .quarantine, .ack (none|997|999|ta1|contrl), .ack_dir, .partner
//
// Jobs are numbered 1, 2, ... in any order in the file; each needs an inbox and a schedule.
// Relative paths are taken from `base_dir` (the folder `ordex serve` was started in: a daemon
// runs in /). Errors are values naming the key and the file.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/http/http_service.h"
#include "app/run_config.h"
#include "app/serve/schedule.h"
#include "exceptions/exceptions_config.h"
#include "orders/ingest/interchange_acks.h"
#include "orders/status.h"

namespace ordex::app::serve {

struct JobConfig {
  int number = 0;  // N of jobs.N
  std::string name;
  std::string inbox;  // absolute
  Schedule schedule;
  std::int64_t stable_seconds = 5;
  std::string pattern = "*";
  RunConfig run;  // the file's run settings with this job's archive / quarantine / ack_dir
  orders::ingest::AckSettings acks;
  std::string partner;  // the job's default partner (IngestOptions::default_partner)
};

struct HttpConfig {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;
  int threads = http::kDefaultRequestThreads;
  std::string tls_cert, tls_key;
  std::int64_t session_minutes = 480;
  friend bool operator==(const HttpConfig&, const HttpConfig&) = default;
};

struct ServeConfig {
  std::string path;  // the properties file, absolute
  std::string db;
  HttpConfig http;
  std::string log_format = "text";
  std::string log_file;
  std::string pid_file;
  std::int64_t sweep_every = 300;
  orders::TimeZone zone;
  std::int64_t lease_seconds = 60;
  std::int64_t retry_max = 60;
  RunConfig run;  // the `ordex run` keys, paths absolute
  exceptions::ExceptionsConfig rules;
  std::vector<JobConfig> jobs;  // by number
};

// Reads `path`; `db` (--db) overrides serve.db. A database is required from one or the other.
orders::Result<ServeConfig> load_serve_config(const std::string& path,
                                              const std::optional<std::string>& db,
                                              const std::string& base_dir);

}  // namespace ordex::app::serve
