#pragma once
// Numbered schema migrations and the check at open. Internal to the store.
//
// Migrations are the files orders/migrations/NNNN_name.sql, compiled in at build time (so
// the binary carries its schema and they stay reviewable as plain SQL; see
// embed_migrations.cmake). Version N is the file numbered N; versions run 1, 2, ... with no
// gaps. The schema_version table holds one row per applied version.

#include <Poco/Data/Session.h>

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "orders/dialect.h"
#include "orders/model.h"
#include "orders/status.h"

namespace ordex::orders {

struct Migration {
  int version;
  const char* name;
  const char* sql;  // statements end with ';' at the end of a line
};

// The migrations built into this binary, ascending by version.
std::span<const Migration> embedded_migrations();

// The version the database is at: 0 for an empty database.
Result<int> schema_version_of(Poco::Data::Session& session, const Dialect& dialect);

// Brings the database to the newest of `migrations`: a newer database is refused, an older
// one is migrated in one transaction (serialised against other processes doing the same).
// Read-only: an older database is refused too. Returns the version afterwards.
Result<int> prepare_schema(Poco::Data::Session& session, const Dialect& dialect,
                           std::span<const Migration> migrations, bool read_only,
                           Instant applied_at);

// The statements of a migration: split at ';' ending a line, comment-only parts dropped.
std::vector<std::string> split_statements(std::string_view sql);

}  // namespace ordex::orders
