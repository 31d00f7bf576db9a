#pragma once
// The Ledger's buffered writes and bulk key lookups (ledger.h PERF NOTES). Internal to
// ledger*.cc.

#include <memory>
#include <string>
#include <vector>

#include "exceptions/ledger.h"

namespace ordex::exceptions {

// Keys per bulk lookup: one statement with this many `?`, the last key repeated in a short one.
inline constexpr std::size_t kKeysPerLookup = 256;

struct Ledger::Writes {
  static constexpr std::size_t kMaxBuffered = 4096;  // rows per batch before an early write

  static Result<std::unique_ptr<Writes>> prepare(orders::Database db);

  // Buffers a new exception (its id is ignored) and an audit entry for the exception with
  // `dedupe_key` (the entry's exception_id is ignored: the row is found by key when written,
  // so an entry can follow its exception's insert in the same write).
  Status insert(const ExceptionRecord& record);
  Status audit(const std::string& dedupe_key, const AuditEntry& entry);
  // Writes the buffered exceptions, then the audit entries.
  Status flush();
  void drop();
  // Adds the stored exceptions with any of `keys` to `out`.
  Status lookup(const std::vector<std::string>& keys, Known& out);

  orders::Database db;
  std::unique_ptr<orders::Batch> inserts, audits;
  std::unique_ptr<orders::Query> by_keys;
};

}  // namespace ordex::exceptions
