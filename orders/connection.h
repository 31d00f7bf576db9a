#pragma once
// Opening a Poco::Data session from a store URL, and the per-session settings each engine
// needs. Internal to the store.

#include <Poco/Data/Session.h>

#include <memory>
#include <string>
#include <string_view>

#include "orders/status.h"
#include "orders/store.h"

namespace ordex::orders {

struct StoreTarget {
  Engine engine = Engine::kSqlite;
  std::string connect;  // SQLite: file path; PostgreSQL: libpq "key=value ..." string
  std::string display;  // for messages: the path, or the URL without its password
};

// `PATH`, `sqlite:PATH`, `sqlite://PATH`, `postgresql://...`, `postgres://...`, or a libpq
// "key=value key=value" string. Poco's PostgreSQL connector splits its connection string at
// spaces and '=' without quoting, so values containing spaces are refused here.
Result<StoreTarget> parse_store_url(std::string_view url);

// Opens and configures a session: SQLite in WAL mode (unless read-only) with foreign keys on
// (unless StoreOptions::enforce_foreign_keys is off),
// synchronous=NORMAL (WAL keeps every commit across a process crash; a power loss can lose the
// last ones, never consistency) and the busy timeout; PostgreSQL with warnings-only notices.
Result<std::unique_ptr<Poco::Data::Session>> open_session(const StoreTarget& target,
                                                          const StoreOptions& options);

// "<what>: <Poco's message>", with Poco's newlines flattened.
std::string describe_poco_error(std::string_view what, const std::string& message);

}  // namespace ordex::orders
