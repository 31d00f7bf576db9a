#include "orders/database.h"

#include <Poco/Exception.h>

#include <ctime>

#include "orders/connection.h"
#include "orders/migrations.h"
#include "orders/store_impl.h"

namespace ordex::orders {

namespace {

bool is_track_name(std::string_view track) {
  if (track.empty() || track.size() > 40) return false;
  for (char c : track) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

}  // namespace

Engine Database::engine() const { return impl_.dialect.engine(); }

Result<int> Database::migrate(std::string_view track, std::span<const Migration> migrations) {
  if (!is_track_name(track)) return Failure{"migrate: bad track name '" + std::string(track) + "'"};
  if (migrations.empty()) return Failure{"migrate: no migrations for " + std::string(track)};
  if (impl_.in_transaction) return Failure{"migrate: not inside a store transaction"};
  if (Status s = impl_.flush(); !s.ok()) return Failure{s.error()};
  const std::string table = std::string(track) + "_schema_version";
  Result<int> version = prepare_schema(*impl_.session, impl_.dialect, migrations, impl_.read_only,
                                       static_cast<Instant>(std::time(nullptr)), table);
  if (!version.ok()) return Failure{std::string(track) + " tables: " + version.error()};
  return version;
}

// Query and Batch are built from the store's own spec tables; the id there only indexes the
// store's arrays, so a statement of another module carries the count (never an index).
Result<std::unique_ptr<Query>> Database::prepare(const SqlQuery& q) {
  const QuerySpec spec{Q::kCount, q.name, q.params, q.results, q.sql};
  try {
    return std::make_unique<Query>(*impl_.session, impl_.dialect, spec);
  } catch (const Poco::Exception& e) {
    return Failure{describe_poco_error(std::string("cannot prepare ") + q.name, e.displayText())};
  }
}

Result<std::unique_ptr<Batch>> Database::prepare(const SqlBatch& b) {
  const BatchSpec spec{B::kCount, b.name, b.columns, b.sql};
  try {
    return std::make_unique<Batch>(*impl_.session, impl_.dialect, spec);
  } catch (const Poco::Exception& e) {
    return Failure{describe_poco_error(std::string("cannot prepare ") + b.name, e.displayText())};
  }
}

Status Database::run(Query& query) {
  if (Status s = impl_.before_read(); !s.ok()) return s;
  return query.run();
}

Status Database::run(Batch& batch) {
  if (impl_.read_only) return Failure{"the database was opened read-only"};
  if (Status s = impl_.before_read(); !s.ok()) return s;
  if (impl_.in_transaction) return batch.run();
  if (Status s = impl_.run(Q::kBegin); !s.ok()) return s;
  Status s = batch.run();
  Status end = impl_.run(s.ok() ? Q::kCommit : Q::kRollback);
  return s.ok() ? end : s;
}

}  // namespace ordex::orders
