#include "app/serve/daemon.h"

#include "app/serve/serve_log.h"
#include "app/serve/session.h"

namespace ordex::app::serve {

using Priority = Poco::Message::Priority;

Daemon::Daemon(std::shared_ptr<const ServeConfig> config, const edi::SchemaRegistry& schemas)
    : config_(std::move(config)), schemas_(schemas), state_(daemon_id()) {}

Daemon::~Daemon() { stop(); }

orders::Status Daemon::start() {
  keeper_ = std::thread([this] { keeper_loop(); });
  start_workers();
  const ServeConfig& c = *config_;
  http::HttpSettings settings;
  settings.db = c.db;
  settings.host = c.http.host;
  settings.port = c.http.port;
  settings.threads = c.http.threads;
  settings.tls_cert = c.http.tls_cert;
  settings.tls_key = c.http.tls_key;
  settings.session_minutes = c.http.session_minutes;
  settings.rules = c.rules;
  settings.config_path = c.path;
  http_ = std::make_unique<http::HttpService>(settings, hooks());
  if (orders::Status s = http_->start(); !s.ok()) {
    log_event(serve_logger(), Priority::PRIO_CRITICAL, kHttpFailed,
              {{"host", c.http.host},
               {"port", static_cast<std::int64_t>(c.http.port)},
               {"error", s.error()}});
    http_.reset();
    return orders::Failure{"http " + c.http.host + ":" + std::to_string(c.http.port) + ": " +
                           s.error()};
  }
  log_event(serve_logger(), Priority::PRIO_INFORMATION, kHttpStarted,
            {{"host", c.http.host},
             {"port", static_cast<std::int64_t>(http_->port())},
             {"tls", c.http.tls_cert.empty() ? "off" : "on"}});
  state_.set_started(true);
  return orders::Status();
}

std::uint16_t Daemon::http_port() const { return http_ ? http_->port() : 0; }

void Daemon::start_workers() {
  std::shared_ptr<const ServeConfig> config;
  {
    std::lock_guard lock(config_mutex_);
    config = config_;
  }
  for (const JobConfig& job : config->jobs) {
    jobs_.push_back(std::make_unique<ImportJob>(job, config, schemas_, state_));
    jobs_.back()->start();
  }
  sweep_ = std::make_unique<SweepJob>(config, state_);
  sweep_->start();
}

void Daemon::stop_workers() {
  // All at once, then wait: each finishes its current file or sweep.
  for (auto& job : jobs_) job->request_stop();
  if (sweep_) sweep_->request_stop();
  for (auto& job : jobs_) job->join();
  if (sweep_) sweep_->join();
  jobs_.clear();
  sweep_.reset();
  state_.forget_jobs();
}

void Daemon::reload(std::shared_ptr<const ServeConfig> config) {
  {
    std::lock_guard lock(config_mutex_);
    if (!(config->http == config_->http) || config->db != config_->db ||
        config->log_file != config_->log_file || config->log_format != config_->log_format) {
      log_event(serve_logger(), Priority::PRIO_WARNING, kReloadNeedsRestart,
                {{"keys", "serve.db, serve.http.*, serve.log.*"}});
    }
  }
  stop_workers();
  if (http_) http_->set_rules(config->rules);
  {
    std::lock_guard lock(config_mutex_);
    config_ = std::move(config);
  }
  start_workers();
  log_event(serve_logger(), Priority::PRIO_INFORMATION, kReloaded,
            {{"jobs", static_cast<std::int64_t>(jobs_.size())}});
}

void Daemon::stop() {
  state_.set_stopping(true);
  stop_workers();
  if (http_) http_->stop();
  http_.reset();
  keeper_stop_.raise();
  if (keeper_.joinable()) keeper_.join();
}

void Daemon::keeper_loop() {
  std::shared_ptr<const ServeConfig> config;
  {
    std::lock_guard lock(config_mutex_);
    config = config_;
  }
  const std::string self = state_.daemon();
  const std::int64_t lease = config->lease_seconds;
  std::unique_ptr<Session> session;
  while (!keeper_stop_.raised()) {
    if (!session) {
      session = connect(config->db, "keeper", config->retry_max, lease, state_, keeper_stop_);
      if (!session) break;
    }
    const std::int64_t now = unix_now();
    bool ok = false;
    std::string error = "a statement failed";
    try {
      ok = session->leases->acquire("daemon:" + self, self, now, now + lease).ok();
      for (const std::string& name : state_.held_leases()) {
        if (!ok) break;
        ok = session->leases->extend(name, self, now + lease).ok();
      }
    } catch (const std::exception& e) {
      error = e.what();  // a lost connection surfacing as an exception (import_job.cc)
    }
    state_.set_db_ok(ok);
    if (!ok) {
      log_event(serve_logger(), Priority::PRIO_ERROR, kDbLost,
                {{"thread", "keeper"}, {"error", error}});
      session.reset();
      continue;
    }
    if (keeper_stop_.wait_for(std::chrono::seconds(std::max<std::int64_t>(1, lease / 3)))) break;
  }
  // Stopping cleanly: other daemons need not wait for the lease to lapse.
  try {
    if (session) (void)session->leases->release("daemon:" + self, self);
  } catch (const std::exception&) {
    // The lease lapses by itself.
  }
}

http::ServiceHooks Daemon::hooks() {
  http::ServiceHooks h;
  h.jobs_status = [this] { return state_.jobs_json(); };
  h.rerun_file = [this](std::int64_t file_id) { return rerun(file_id); };
  h.daemon_metrics = [this] { return state_.metrics_text(); };
  h.ready = [this] { return state_.ready(); };
  return h;
}

}  // namespace ordex::app::serve
