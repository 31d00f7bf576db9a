#pragma once
// The store's database for the modules downstream of orders (exceptions/, reports/): their own
// tables beside the order tables, their own named statements, in the same session and the
// same transactions as the Store, on either engine.
//
//   Database db = store.database();
//   Result<int> v = db.migrate("exceptions", exceptions_migrations());
//   auto q = db.prepare(SqlQuery{"open_by_key", "t", "i", "SELECT id FROM x WHERE k = ?"});
//   q.value()->set(0, key);
//   if (Status s = db.run(*q.value()); !s.ok()) ...
//
// Statements are written once in the portable SQL of dialect.h (`?` placeholders; batches name
// their row's values `:column` and take rows from `{rows}` / `{from}`) and prepared once per
// session. Nothing is ever built from input.
//
// Errors are values, as everywhere in the store.

#include <array>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "orders/model.h"
#include "orders/sql_batch.h"
#include "orders/sql_query.h"
#include "orders/status.h"
#include "orders/store.h"

namespace ordex::orders {

// One numbered schema migration: statements end with ';' at the end of a line.
struct Migration {
  int version;
  const char* name;
  const char* sql;
};

// A query: type letters for its `?` parameters and its result columns (i = BIGINT, t = TEXT,
// n = BIGINT or NULL), as in statements.h.
struct SqlQuery {
  const char* name;
  const char* params;
  const char* results;
  const char* sql;
};

// A batch: "name:type ..." columns, and up to three statements run over the buffered rows.
struct SqlBatch {
  const char* name;
  const char* columns;
  std::array<const char*, 3> sql;
};

// The SourceRef a row carries from `first_column` on, when the query selected `{src_select}`
// there (statements.h): every module reading document rows reads their source the same way.
SourceRef read_source(const Query& query, std::size_t row, std::size_t first_column);

class Database {
 public:
  explicit Database(Store::Impl& impl) : impl_(impl) {}

  Engine engine() const;

  // Brings `track`'s tables to the newest of `migrations` (ascending, 1, 2, ... without gaps),
  // versioned in the table `<track>_schema_version`; a newer database is refused, as for the
  // store's own schema. `track` is a lower-case identifier. Returns the version afterwards.
  Result<int> migrate(std::string_view track, std::span<const Migration> migrations);

  Result<std::unique_ptr<Query>> prepare(const SqlQuery& query);
  Result<std::unique_ptr<Batch>> prepare(const SqlBatch& batch);

  // Run after the store's buffered writes are sent, so that they see them. Outside
  // Store::begin()/commit() each runs in its own transaction (SQLite autocommit).
  Status run(Query& query);
  Status run(Batch& batch);

 private:
  Store::Impl& impl_;
};

}  // namespace ordex::orders
