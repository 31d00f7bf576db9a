#pragma once
// One thread's connection to the store: the Store session, the exception tables and the
// leases on it, opened with retries while the database is unavailable (at start or after a
// lost connection), with exponential backoff (1 s, 2 s, 4 s, ... up to the cap). Opening
// registers the daemon's own lease ("daemon:<id>"), so that other daemons know it is alive
// before it claims anything.

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "app/serve/daemon_state.h"
#include "app/serve/leases.h"
#include "exceptions/exception_store.h"
#include "orders/store.h"

namespace ordex::app::serve {

struct Session {
  std::unique_ptr<orders::Store> store;
  std::optional<exceptions::ExceptionStore> exceptions;
  std::optional<Leases> leases;
};

// The delays between attempts: 1 s doubling up to `max_seconds`.
class Backoff {
 public:
  explicit Backoff(std::int64_t max_seconds) : max_(std::chrono::seconds(max_seconds)) {}
  std::chrono::milliseconds next();
  void reset() { next_ = std::chrono::seconds(1); }

 private:
  std::chrono::milliseconds max_;
  std::chrono::milliseconds next_{1000};
};

orders::Result<std::unique_ptr<Session>> open_session(const std::string& db,
                                                      const std::string& daemon,
                                                      std::int64_t lease_seconds);

// Opens a session, retrying with backoff and logging (ORDX-S011 on each failure, ORDX-S010
// once connected) until it opens or `stop` is raised (then null). `who` names the thread in
// the log.
std::unique_ptr<Session> connect(const std::string& db, const std::string& who,
                                 std::int64_t retry_max, std::int64_t lease_seconds,
                                 DaemonState& state, StopSignal& stop);

// Whether the session still reaches the database (a cheap read), for telling a database
// outage from a bad file after a failed import.
bool session_alive(Session& session, const std::string& daemon);

std::int64_t unix_now();

}  // namespace ordex::app::serve
