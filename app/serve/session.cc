#include "app/serve/session.h"

#include <algorithm>
#include <ctime>

#include "app/serve/serve_log.h"
#include "orders/ingest/ingest.h"

namespace ordex::app::serve {

std::int64_t unix_now() { return static_cast<std::int64_t>(std::time(nullptr)); }

std::chrono::milliseconds Backoff::next() {
  const std::chrono::milliseconds delay = std::min(next_, max_);
  next_ = std::min(next_ * 2, max_);
  return delay;
}

orders::Result<std::unique_ptr<Session>> open_session(const std::string& db,
                                                      const std::string& daemon,
                                                      std::int64_t lease_seconds) {
  auto session = std::make_unique<Session>();
  auto store = orders::Store::open(db, orders::ingest::store_options());
  if (!store.ok()) return orders::Failure{store.error()};
  session->store = std::move(store).value();
  auto exceptions = exceptions::ExceptionStore::open(*session->store);
  if (!exceptions.ok()) return orders::Failure{exceptions.error()};
  session->exceptions.emplace(std::move(exceptions).value());
  auto leases = Leases::open(session->store->database());
  if (!leases.ok()) return orders::Failure{leases.error()};
  session->leases.emplace(std::move(leases).value());
  const std::int64_t now = unix_now();
  auto alive = session->leases->acquire("daemon:" + daemon, daemon, now, now + lease_seconds);
  if (!alive.ok()) return orders::Failure{alive.error()};
  return session;
}

std::unique_ptr<Session> connect(const std::string& db, const std::string& who,
                                 std::int64_t retry_max, std::int64_t lease_seconds,
                                 DaemonState& state, StopSignal& stop) {
  Backoff backoff(retry_max);
  int attempt = 0;
  while (!stop.raised()) {
    ++attempt;
    orders::Result<std::unique_ptr<Session>> session = orders::Failure{"not opened"};
    try {
      session = open_session(db, state.daemon(), lease_seconds);
    } catch (const std::exception& e) {
      session = orders::Failure{e.what()};  // see import_job.cc
    }
    if (session.ok()) {
      state.set_db_ok(true);
      log_event(serve_logger(), Poco::Message::PRIO_INFORMATION, kDbConnected,
                {{"thread", who}, {"attempts", attempt}});
      return std::move(session).value();
    }
    state.set_db_ok(false);
    const std::chrono::milliseconds delay = backoff.next();
    log_event(serve_logger(), Poco::Message::PRIO_WARNING, kDbUnavailable,
              {{"thread", who},
               {"attempt", attempt},
               {"retry_in_ms", static_cast<std::int64_t>(delay.count())},
               {"error", session.error()}});
    if (stop.wait_for(delay)) break;
  }
  return nullptr;
}

bool session_alive(Session& session, const std::string& daemon) {
  try {
    return session.leases->holder("daemon:" + daemon, unix_now()).ok();
  } catch (const std::exception&) {
    return false;  // see import_job.cc
  }
}

}  // namespace ordex::app::serve
