#pragma once
// Loads the order cases (order_case.h) of everything one imported file touched with a handful
// of set-based queries per page of orders, instead of ~15 queries per order
// (load_order_case()). What after_file runs the rules on.
//
//   Result<std::unique_ptr<CaseLoader>> loader = CaseLoader::prepare(store.database());
//   Result<std::int64_t> n = loader.value()->stage(file_id);     // its own transaction
//   for (std::int64_t from = 0; from < n.value(); from += kPage) {
//     std::vector<LoadedCase> page;
//     Status s = loader.value()->load(file_id, from, from + kPage, page);  // in a transaction
//     ...
//   }
//   Status u = loader.value()->unstage(file_id);
//
// stage() writes the file's (partner, PO) keys, the same keys Store::order_keys_in_file
// returns, numbered 1..n in that order, into the rule_keys table (exceptions migration 2);
// load() reads the cases with ordinals in (from, to], in ordinal order, each equal to what
// load_order_case() returns for its key, with the exceptions ever raised on it (as
// ExceptionStore::of_order). Memory is one page of cases, whatever the file's size.
//
// Statements are prepared once, on the store's session (both engines). Errors are values. Not
// thread-safe: one loader per Store session.

#include <cstdint>
#include <memory>
#include <vector>

#include "exceptions/exception_record.h"
#include "exceptions/order_case.h"
#include "orders/database.h"
#include "orders/time_zone.h"

namespace ordex::exceptions {

using orders::Failure;
using orders::Result;
using orders::Status;

// A partner's zone by its IANA name: UTC when it has none, or when tzdata no longer knows it.
orders::TimeZone partner_zone(const std::string& name);

struct LoadedCase {
  OrderCase c;
  std::vector<ExceptionRecord> existing;  // every exception of the key, any status, by id
};

class CaseLoader {
 public:
  static Result<std::unique_ptr<CaseLoader>> prepare(orders::Database db);
  ~CaseLoader();
  CaseLoader(const CaseLoader&) = delete;
  CaseLoader& operator=(const CaseLoader&) = delete;

  // Replaces the file's staged keys with the keys it touches now; returns how many.
  Result<std::int64_t> stage(std::int64_t file_id);
  // Appends the cases with ordinals in (from, to] to `out`, in ordinal order.
  Status load(std::int64_t file_id, std::int64_t from, std::int64_t to,
              std::vector<LoadedCase>& out);
  Status unstage(std::int64_t file_id);

  struct Statements;

 private:
  CaseLoader(orders::Database db, std::unique_ptr<Statements> statements);

  orders::Database db_;
  std::unique_ptr<Statements> statements_;
};

}  // namespace ordex::exceptions
