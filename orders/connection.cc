#include "orders/connection.h"

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/SQLite/Utility.h>
#include <Poco/Exception.h>
#ifdef ORDEX_WITH_POSTGRESQL
#include <Poco/Data/PostgreSQL/Connector.h>
#include <libpq-fe.h>
#endif

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <mutex>
#include <utility>

namespace ordex::orders {

using Poco::Data::Keywords::now;

namespace {

// SQLite runs in multi-thread mode, not its default serialized mode: a store session belongs
// to one thread at a time (a thread's own, or one the HTTP pool lends to a single request), so
// serialized mode's mutex around every sqlite3 call, sqlite3_column_* included, only cost time
// (~11 % of the HTTP queue page's CPU, measured with perf at 200 concurrent requests). The mode
// can only change before the first connection opens, hence here, once; should it fail (a
// connection opened outside the store first), serialized mode stays: slower, equally safe.
void register_connectors() {
  static std::once_flag once;
  std::call_once(once, [] {
    (void)Poco::Data::SQLite::Utility::setThreadMode(
        Poco::Data::SQLite::Utility::THREAD_MODE_MULTI);
    Poco::Data::SQLite::Connector::registerConnector();
#ifdef ORDEX_WITH_POSTGRESQL
    Poco::Data::PostgreSQL::Connector::registerConnector();
#endif
  });
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

Result<std::string> percent_decode(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    const int hi = i + 2 < text.size() ? hex_value(text[i + 1]) : -1;
    const int lo = i + 2 < text.size() ? hex_value(text[i + 2]) : -1;
    if (hi < 0 || lo < 0) return Failure{"bad %-escape in '" + std::string(text) + "'"};
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  return out;
}

// Appends "key=value " for libpq, refusing what Poco's splitter would mangle.
Status add_param(std::string& connect, std::string_view key, std::string_view raw) {
  Result<std::string> value = percent_decode(raw);
  if (!value.ok()) return Failure{value.error()};
  if (value.value().empty()) return Status();
  if (value.value().find(' ') != std::string::npos) {
    return Failure{"PostgreSQL connection parameter '" + std::string(key) +
                   "' contains a space, which the connector cannot pass"};
  }
  connect += std::string(key) + "=" + value.value() + " ";
  return Status();
}

Status add_query_params(std::string& connect, std::string_view query) {
  while (!query.empty()) {
    const std::size_t amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    const std::size_t eq = pair.find('=');
    if (eq == std::string_view::npos)
      return Failure{"bad URL parameter '" + std::string(pair) + "'"};
    if (Status s = add_param(connect, pair.substr(0, eq), pair.substr(eq + 1)); !s.ok()) return s;
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
  }
  return Status();
}

// postgresql://[user[:password]@][host][:port][/dbname][?key=value&...]
Result<StoreTarget> parse_postgres_url(std::string_view url) {
  std::string_view rest = url.substr(url.find("://") + 3);
  const std::size_t q = rest.find('?');
  const std::string_view query = q == std::string_view::npos ? "" : rest.substr(q + 1);
  rest = rest.substr(0, q);
  const std::size_t slash = rest.find('/');
  const std::string_view dbname = slash == std::string_view::npos ? "" : rest.substr(slash + 1);
  std::string_view authority = rest.substr(0, slash);
  std::string_view userinfo;
  if (const std::size_t at = authority.rfind('@'); at != std::string_view::npos) {
    userinfo = authority.substr(0, at);
    authority = authority.substr(at + 1);
  }
  const std::size_t colon = userinfo.find(':');
  std::string_view host = authority;
  std::string_view port;
  const std::size_t bracket = authority.find(']');
  const std::size_t port_colon =
      authority.find(':', bracket == std::string_view::npos ? 0 : bracket);
  if (port_colon != std::string_view::npos) {
    host = authority.substr(0, port_colon);
    port = authority.substr(port_colon + 1);
  }
  if (!host.empty() && host.front() == '[') host = host.substr(1, host.size() - 2);

  StoreTarget target{Engine::kPostgres, "", std::string(url)};
  std::string& c = target.connect;
  for (const auto& [key, value] :
       {std::pair<std::string_view, std::string_view>{"host", host},
        {"port", port},
        {"dbname", dbname},
        {"user", userinfo.substr(0, colon)},
        {"password", colon == std::string_view::npos ? "" : userinfo.substr(colon + 1)}}) {
    if (Status s = add_param(c, key, value); !s.ok()) return Failure{s.error()};
  }
  if (Status s = add_query_params(c, query); !s.ok()) return Failure{s.error()};
  if (colon != std::string_view::npos) {
    target.display = std::string(url.substr(0, url.find("://") + 3)) +
                     std::string(userinfo.substr(0, colon)) + ":***@" + std::string(authority) +
                     (slash == std::string_view::npos ? "" : "/" + std::string(dbname));
  }
  if (c.empty()) return Failure{"PostgreSQL URL names no host or database: " + target.display};
  return target;
}

// "host=db dbname=ordex ...": starts with a lowercase keyword and '='. A SQLite file whose
// name looks like that can still be opened as sqlite:NAME.
bool looks_like_libpq(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && ((text[i] >= 'a' && text[i] <= 'z') || text[i] == '_')) ++i;
  return i > 0 && i < text.size() && text[i] == '=';
}

std::string mask_password(std::string_view text) {
  std::string out(text);
  const std::size_t at = out.find("password=");
  if (at == std::string::npos) return out;
  const std::size_t end = out.find(' ', at);
  return out.replace(at + 9, end == std::string::npos ? std::string::npos : end - at - 9, "***");
}

}  // namespace

Result<StoreTarget> parse_store_url(std::string_view url) {
  if (url.empty()) return Failure{"no database given"};
  if (starts_with(url, "postgresql://") || starts_with(url, "postgres://")) {
    return parse_postgres_url(url);
  }
  std::string_view path = url;
  if (starts_with(url, "sqlite://")) {
    path.remove_prefix(9);
  } else if (starts_with(url, "sqlite:")) {
    path.remove_prefix(7);
  } else if (looks_like_libpq(url)) {
    return StoreTarget{Engine::kPostgres, std::string(url), "PostgreSQL " + mask_password(url)};
  }
  if (path.empty()) return Failure{"no SQLite path given in '" + std::string(url) + "'"};
  return StoreTarget{Engine::kSqlite, std::string(path), std::string(path)};
}

std::string describe_poco_error(std::string_view what, const std::string& message) {
  std::string flat;
  for (char c : message) flat += (c == '\n' || c == '\r') ? ' ' : c;
  while (!flat.empty() && flat.back() == ' ') flat.pop_back();
  return std::string(what) + ": " + flat;
}

namespace {

// Clear errors for the common cases before SQLite reports "unable to open database file".
Status check_sqlite_path(const std::string& path, bool read_only, bool must_exist) {
  if (path == ":memory:" || starts_with(path, "file:")) return Status();
  std::error_code ec;
  const std::filesystem::path p(path);
  if ((read_only || must_exist) && !std::filesystem::exists(p, ec)) return Failure{"no such file"};
  const std::filesystem::path folder = p.has_parent_path() ? p.parent_path() : ".";
  if (!std::filesystem::is_directory(folder, ec)) {
    return Failure{"no such folder " + folder.string()};
  }
  if (read_only) return Status();
  if (std::filesystem::exists(p, ec) && ::access(path.c_str(), W_OK) != 0) {
    return Failure{"the file is read-only"};
  }
  if (::access(folder.c_str(), W_OK) != 0) {
    return Failure{"the folder " + folder.string() +
                   " is not writable (SQLite keeps its -wal and -shm files beside the database)"};
  }
  return Status();
}

void configure_sqlite(Poco::Data::Session& session, const StoreOptions& options) {
  session << "PRAGMA busy_timeout = " + std::to_string(options.busy_timeout.count()), now;
  if (options.enforce_foreign_keys) session << "PRAGMA foreign_keys = ON", now;
  if (options.read_only) {
    session << "PRAGMA query_only = ON", now;
    return;
  }
  session << "PRAGMA journal_mode = WAL", now;
  session << "PRAGMA synchronous = NORMAL", now;
}

#ifdef ORDEX_WITH_POSTGRESQL
// Tries the connection with libpq first: Poco 1.11 does not free the PGconn of a connection
// that fails (a leak the sanitizer build reports), and libpq's own message is the clearer one.
Status probe_postgres(const std::string& connect, std::size_t timeout_seconds) {
  PGconn* conn =
      PQconnectdb((connect + " connect_timeout=" + std::to_string(timeout_seconds)).c_str());
  Status status;
  if (PQstatus(conn) != CONNECTION_OK) status = Failure{PQerrorMessage(conn)};
  PQfinish(conn);
  return status;
}
#endif

void configure_postgres(Poco::Data::Session& session, const StoreOptions& options) {
  session << "SET client_min_messages = warning", now;
  if (options.read_only) session << "SET default_transaction_read_only = on", now;
}

}  // namespace

Result<std::unique_ptr<Poco::Data::Session>> open_session(const StoreTarget& target,
                                                          const StoreOptions& options) {
  register_connectors();
  const std::string what = "cannot open database " + target.display;
  if (target.engine == Engine::kSqlite) {
    if (Status s = check_sqlite_path(target.connect, options.read_only, options.must_exist);
        !s.ok()) {
      return Failure{what + ": " + s.error()};
    }
  }
#ifndef ORDEX_WITH_POSTGRESQL
  if (target.engine == Engine::kPostgres) {
    return Failure{what + ": this ordex was built without PostgreSQL support"};
  }
#endif
  try {
    const bool sqlite = target.engine == Engine::kSqlite;
    // Poco retries a failed open until this timeout (60 s by default); a SQLite open that
    // fails does not get better by waiting (lock waits are the busy timeout's job).
    const std::size_t login_timeout =
        sqlite
            ? 1
            : static_cast<std::size_t>(std::max<std::int64_t>(1, options.connect_timeout.count()));
#ifdef ORDEX_WITH_POSTGRESQL
    if (!sqlite) {
      if (Status s = probe_postgres(target.connect, login_timeout); !s.ok()) {
        return Failure{describe_poco_error(what, s.error())};
      }
    }
#endif
    auto session = std::make_unique<Poco::Data::Session>(sqlite ? "SQLite" : "PostgreSQL",
                                                         target.connect, login_timeout);
    if (target.engine == Engine::kSqlite) {
      configure_sqlite(*session, options);
    } else {
      configure_postgres(*session, options);
    }
    return session;
  } catch (const Poco::Exception& e) {
    return Failure{describe_poco_error(what, e.displayText())};
  } catch (const std::exception& e) {
    return Failure{describe_poco_error(what, e.what())};
  }
}

}  // namespace ordex::orders
