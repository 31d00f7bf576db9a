#include "app/serve/sweep_job.h"

#include "app/serve/serve_log.h"
#include "exceptions/rule_runner.h"

namespace ordex::app::serve {

using Priority = Poco::Message::Priority;

namespace {

constexpr const char* kSweepLease = "sweep";
constexpr const char* kSweepRecord = "sweep:last";
constexpr std::int64_t kRetrySeconds = 2;  // another daemon sweeps: ask again this soon

}  // namespace

SweepJob::SweepJob(std::shared_ptr<const ServeConfig> config, DaemonState& state)
    : config_(std::move(config)), state_(state) {}

SweepJob::~SweepJob() {
  request_stop();
  join();
}

void SweepJob::start() {
  thread_ = std::thread([this] { loop(); });
}

void SweepJob::join() {
  if (thread_.joinable()) thread_.join();
}

void SweepJob::loop() {
  const ServeConfig& config = *config_;
  std::unique_ptr<Session> session;
  std::int64_t next = unix_now();  // the clock moved while no daemon ran: sweep at start
  std::int64_t retry_requested = 0;
  while (!stop_.raised()) {
    if (!session) {
      session = connect(config.db, "sweep", config.retry_max, config.lease_seconds, state_, stop_);
      if (!session) break;
    }
    const std::int64_t now = unix_now();
    const bool scheduled = now >= next;
    const bool requested = state_.sweep_requested().has_value() && now >= retry_requested;
    if (scheduled || requested) {
      std::int64_t when = next;
      bool ok = false;
      std::string error = "a statement failed";
      try {
        ok = maybe_sweep(*session, scheduled, when);
      } catch (const std::exception& e) {
        error = e.what();  // a lost connection surfacing as an exception (import_job.cc)
        state_.drop_lease(kSweepLease);
      }
      if (!ok) {
        state_.set_db_ok(false);
        log_event(serve_logger(), Priority::PRIO_ERROR, kDbLost,
                  {{"thread", "sweep"}, {"error", error}});
        session.reset();
        continue;
      }
      next = when;
      retry_requested = unix_now() + kRetrySeconds;
    }
    if (stop_.wait_for(std::chrono::seconds(1))) break;
  }
}

bool SweepJob::maybe_sweep(Session& session, bool scheduled, std::int64_t& next) {
  const ServeConfig& config = *config_;
  Leases& leases = *session.leases;
  const std::string self = state_.daemon();
  const std::int64_t now = unix_now();
  auto got = leases.acquire(kSweepLease, self, now, now + config.lease_seconds);
  if (!got.ok()) return false;
  if (!got.value()) {
    log_event(serve_logger(), Priority::PRIO_DEBUG, kSweepElsewhere, {});
    if (scheduled) next = now + config.sweep_every;  // the running sweep covers this one
    return true;
  }
  state_.hold_lease(kSweepLease);
  const auto done = [&](bool ok) {
    state_.drop_lease(kSweepLease);
    (void)leases.release(kSweepLease, self);
    return ok;
  };
  auto last = leases.row(kSweepRecord);
  if (!last.ok()) return done(false);
  const std::optional<std::int64_t> requested = state_.sweep_requested();
  if (last.value()) {
    const std::int64_t last_started = last.value()->acquired_at;
    if (requested && last_started >= *requested) state_.sweep_done(last_started);
    const bool recent = last_started > now - config.sweep_every;
    if (!state_.sweep_requested() && recent) {
      next = last_started + config.sweep_every;  // another daemon swept lately
      return done(true);
    }
  }
  log_event(serve_logger(), Priority::PRIO_INFORMATION, kSweepStarted,
            {{"reason", scheduled ? "schedule" : "import"}});
  exceptions::RuleRunner runner(*session.exceptions, config.rules, now);
  const orders::Status swept = runner.sweep();
  state_.count_sweep(swept.ok());
  if (!swept.ok()) {
    log_event(serve_logger(), Priority::PRIO_ERROR, kSweepFailed, {{"error", swept.error()}});
    next = now + kRetrySeconds;
    return done(session_alive(session, self));
  }
  const std::int64_t finished = unix_now();
  const exceptions::LedgerTally& t = runner.tally();
  const exceptions::SweepCounts& c = runner.sweep_counts();
  log_event(serve_logger(), Priority::PRIO_INFORMATION, kSweepFinished,
            {{"orders", c.orders},
             {"opened", t.opened},
             {"updated", t.updated},
             {"resolved", t.resolved},
             {"reopened", t.reopened},
             {"waits_resumed", c.waits_resumed},
             {"escalated", c.escalated},
             {"seconds", finished - now}});
  (void)leases.acquire(kSweepRecord, self, now, finished);
  state_.sweep_done(now);
  next = now + config.sweep_every;
  return done(true);
}

}  // namespace ordex::app::serve
