#pragma once
// Numbered schema migrations and the check at open. Internal to the store.
//
// Migrations are the files orders/migrations/NNNN_name.sql, compiled in at build time (so
// the binary carries its schema and they stay reviewable as plain SQL; see
// cmake/embed_migrations.cmake). Version N is the file numbered N; versions run 1, 2, ... with no
// gaps. The schema_version table holds one row per applied version. Modules downstream keep
// their own tables on the same database with a track of their own (Database::migrate), each
// versioned in its own table, so that each module's migrations stay its own.

#include <Poco/Data/Session.h>

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "orders/database.h"
#include "orders/dialect.h"
#include "orders/model.h"
#include "orders/status.h"

namespace ordex::orders {

// The migrations built into this binary, ascending by version.
std::span<const Migration> embedded_migrations();

inline constexpr const char* kSchemaVersionTable = "schema_version";

// The version the database is at: 0 for an empty database.
Result<int> schema_version_of(Poco::Data::Session& session, const Dialect& dialect,
                              const std::string& version_table = kSchemaVersionTable);

// Brings the database to the newest of `migrations`: a newer database is refused, an older
// one is migrated in one transaction (serialised against other processes doing the same).
// Read-only: an older database is refused too. Returns the version afterwards.
Result<int> prepare_schema(Poco::Data::Session& session, const Dialect& dialect,
                           std::span<const Migration> migrations, bool read_only,
                           Instant applied_at,
                           const std::string& version_table = kSchemaVersionTable);

// The statements of a migration: split at ';' ending a line, comment-only parts dropped.
std::vector<std::string> split_statements(std::string_view sql);

}  // namespace ordex::orders
