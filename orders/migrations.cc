#include "orders/migrations.h"

#include <Poco/Exception.h>

#include "orders/connection.h"

namespace ordex::orders {

using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;
using Poco::Data::Keywords::use;

namespace {

bool only_comments(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t end = std::min(text.find('\n', i), text.size());
    const std::string_view line = text.substr(i, end - i);
    const std::size_t first = line.find_first_not_of(" \t\r");
    if (first != std::string_view::npos && line.substr(first, 2) != "--") return false;
    i = end + 1;
  }
  return true;
}

// `table` is one of ours (kSchemaVersionTable or "<track>_schema_version" from a checked
// track name), never input, so it can be spliced into the SQL.
Result<int> read_version(Poco::Data::Session& session, const Dialect& dialect,
                         const std::string& table) {
  Poco::Int64 tables = 0;
  std::string name = table;
  session << dialect.statement_sql(dialect.table_exists_sql()), use(name), into(tables), now;
  if (tables == 0) return 0;
  Poco::Int64 version = 0;
  session << "SELECT COALESCE(MAX(version), 0) FROM " + table, into(version), now;
  return static_cast<int>(version);
}

Status apply(Poco::Data::Session& session, const Dialect& dialect, const Migration& migration,
             Instant applied_at, const std::string& table) {
  for (const std::string& statement : split_statements(dialect.schema_sql(migration.sql))) {
    session << statement, now;
  }
  Poco::Int64 version = migration.version;
  Poco::Int64 at = applied_at;
  session << dialect.statement_sql("INSERT INTO " + table + " (version, applied_at) VALUES (?, ?)"),
      use(version), use(at), now;
  return Status();
}

std::string newer_error(int found, int latest) {
  return "database schema version " + std::to_string(found) +
         " is newer than this ordex understands (" + std::to_string(latest) +
         "): use a newer ordex";
}

// The migration transaction; throws Poco exceptions, which the caller turns into a rollback.
Result<int> migrate(Poco::Data::Session& session, const Dialect& dialect,
                    std::span<const Migration> migrations, Instant applied_at,
                    const std::string& table) {
  if (*dialect.lock_schema_sql() != '\0') session << dialect.lock_schema_sql(), now;
  session << "CREATE TABLE IF NOT EXISTS " + table +
                 " (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)",
      now;
  // Another process may have migrated while we waited for the lock.
  Result<int> current = read_version(session, dialect, table);
  if (!current.ok()) return current;
  const int latest = migrations.back().version;
  if (current.value() > latest) return Failure{newer_error(current.value(), latest)};
  for (const Migration& m : migrations) {
    if (m.version <= current.value()) continue;
    if (Status s = apply(session, dialect, m, applied_at, table); !s.ok()) {
      return Failure{s.error()};
    }
  }
  return latest;
}

}  // namespace

std::vector<std::string> split_statements(std::string_view sql) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < sql.size()) {
    std::size_t end = sql.find(";\n", start);
    end = end == std::string_view::npos ? sql.size() : end + 1;
    const std::string_view part = sql.substr(start, end - start);
    if (!only_comments(part)) {
      std::string statement(part);
      if (!statement.empty() && statement.back() == ';') statement.pop_back();
      out.push_back(std::move(statement));
    }
    start = end + 1;
  }
  return out;
}

Result<int> schema_version_of(Poco::Data::Session& session, const Dialect& dialect,
                              const std::string& version_table) {
  try {
    return read_version(session, dialect, version_table);
  } catch (const Poco::Exception& e) {
    return Failure{describe_poco_error("cannot read the schema version", e.displayText())};
  }
}

Result<int> prepare_schema(Poco::Data::Session& session, const Dialect& dialect,
                           std::span<const Migration> migrations, bool read_only,
                           Instant applied_at, const std::string& version_table) {
  Result<int> found = schema_version_of(session, dialect, version_table);
  if (!found.ok()) return found;
  const int latest = migrations.back().version;
  if (found.value() > latest) return Failure{newer_error(found.value(), latest)};
  if (found.value() == latest) return latest;
  if (read_only) {
    return Failure{"database schema version " + std::to_string(found.value()) +
                   " is older than this ordex (" + std::to_string(latest) +
                   "): open it once read-write to migrate it"};
  }
  const std::string what =
      "cannot migrate the database to schema version " + std::to_string(latest);
  try {
    session << dialect.begin_sql(), now;
    Result<int> done = migrate(session, dialect, migrations, applied_at, version_table);
    session << (done.ok() ? "COMMIT" : "ROLLBACK"), now;
    return done;
  } catch (const Poco::Exception& e) {
    try {
      session << "ROLLBACK", now;
    } catch (const Poco::Exception&) {  // the connection may be gone; the error below says why
    }
    return Failure{describe_poco_error(what, e.displayText())};
  }
}

}  // namespace ordex::orders
