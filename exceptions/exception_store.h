#pragma once
// Exceptions, their waits and their audit trail in the order store's database (the
// "exceptions" migration track, orders/database.h), on SQLite or PostgreSQL.
//
//   Result<ExceptionStore> ex = ExceptionStore::open(store);   // migrates, prepares
//   Result<std::optional<ExceptionRecord>> e = ex.value().by_key(condition.dedupe_key());
//
// Writes run at once, inside the caller's Store::begin()/commit() when there is one, so an
// exception change and its audit entry commit together. Errors are values (Status / Result).
// Not thread-safe: one ExceptionStore per Store session.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "exceptions/exception_record.h"
#include "orders/database.h"
#include "orders/status.h"
#include "orders/store.h"

namespace ordex::exceptions {

using orders::Failure;
using orders::Result;
using orders::Status;

class ExceptionStore {
 public:
  static Result<ExceptionStore> open(orders::Store& store);
  ExceptionStore(ExceptionStore&&) noexcept;
  ExceptionStore& operator=(ExceptionStore&&) noexcept;
  ~ExceptionStore();

  orders::Store& store() { return *store_; }
  orders::Database database() { return store_->database(); }

  Result<std::optional<ExceptionRecord>> by_id(std::int64_t id);
  Result<std::optional<ExceptionRecord>> by_key(const std::string& dedupe_key);
  // Every exception ever raised on one order (any status), oldest first.
  Result<std::vector<ExceptionRecord>> of_order(const std::string& partner_id,
                                                const std::string& po_number);

  // Inserts `record` (its id is ignored) and returns the new id.
  Result<std::int64_t> insert(const ExceptionRecord& record);
  // Writes every field of `record` over the row with its id.
  Status update(const ExceptionRecord& record);

  Status add_audit(const AuditEntry& entry);
  Result<std::vector<AuditEntry>> audit_trail(std::int64_t exception_id);

  Status start_wait(const WaitPeriod& wait);
  // Ends the exception's open wait, if any, at `at`.
  Status end_wait(std::int64_t exception_id, Instant at);
  Result<std::vector<WaitPeriod>> waits(std::int64_t exception_id);

  // The rows of a query whose result columns are kSelectColumns (exception_rows.h).
  struct Statements;

 private:
  ExceptionStore(orders::Store& store, std::unique_ptr<Statements> statements);
  Result<std::vector<ExceptionRecord>> records(orders::Query& query);

  orders::Store* store_;
  std::unique_ptr<Statements> statements_;
};

// The migrations of the "exceptions" track (exceptions/migrations/*.sql, compiled in).
std::span<const orders::Migration> exception_migrations();

}  // namespace ordex::exceptions
