#pragma once
// The daemon's HTTP side: the JSON API, the web work queue's assets, /healthz, /readyz and
// /metrics, on Poco::Net::HTTPServer (a thread pool; each request borrows one store session
// from a pool, so requests never share a Poco::Data session).
//
//   HttpService http(settings, hooks);
//   if (Status s = http.start(); !s.ok()) ...   // binds; serves on its own threads
//   ...
//   http.stop();                                 // stops accepting, finishes requests in flight
//
// The daemon (app/serve) owns the process and hands the service what only it knows through
// ServiceHooks; the service itself knows nothing of schedules or inboxes.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "exceptions/exceptions_config.h"
#include "orders/status.h"

namespace ordex::app::http {

// Poco serves a kept-alive connection on one thread until it closes or idles out (5 s), and a
// browser keeps up to six open: a few dozen reps need a hundred threads or more, or their
// requests wait in the accept queue. Idle threads cost a stack each, no CPU.
inline constexpr int kDefaultRequestThreads = 128;

struct HttpSettings {
  std::string db;  // store URL or path; each pooled session opens it
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;  // 0 = any free port (tests); port() tells which
  // Request threads: this bounds the connections served at once; more wait in the accept
  // queue.
  int threads = kDefaultRequestThreads;
  // Database sessions the requests share (each request borrows one, in arrival order); 0 = two
  // per CPU core (at most `threads`). A request holds one only while it runs: with the page
  // queries CPU-bound (SQLite, or PostgreSQL on the same host), more sessions than cores only
  // add context switches (bench/http_queue_bench measures it).
  int store_sessions = 0;
  std::string tls_cert;  // both set: HTTPS via Poco::NetSSL
  std::string tls_key;
  std::int64_t session_minutes = 480;
  std::int64_t max_body_bytes = 1 << 20;
  exceptions::ExceptionsConfig rules;   // routing, SLA policies (the work queue needs them)
  std::string config_path;              // the properties file, for the report's settings
  std::function<std::int64_t()> clock;  // "now" in Unix seconds; unset = the system clock
};

// What the daemon tells the service. Every member may be empty (then the endpoint says so).
struct ServiceHooks {
  // JSON of the import jobs: name, inbox, schedule, last run, next run, counts, last error.
  std::function<std::string()> jobs_status;
  // Re-imports a quarantined file by its file id through the daemon's import path; returns the
  // outcome as JSON, or an error message.
  std::function<orders::Result<std::string>(std::int64_t file_id)> rerun_file;
  // Counters the daemon keeps (imports by result, findings), for /metrics: "name{labels} value"
  // lines in Prometheus text format.
  std::function<std::string()> daemon_metrics;
  // False while the daemon is starting, stopping or cannot reach the database.
  std::function<bool()> ready;
};

class HttpService {
 public:
  HttpService(HttpSettings settings, ServiceHooks hooks);
  ~HttpService();  // stops
  HttpService(const HttpService&) = delete;
  HttpService& operator=(const HttpService&) = delete;

  orders::Status start();
  void stop();
  // The rules a reloaded configuration brings (SLA policies and calendars for the work queue and
  // the report); requests started before keep the version they began with.
  void set_rules(exceptions::ExceptionsConfig rules);
  std::uint16_t port() const;  // the bound port, after start()

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ordex::app::http
