#pragma once
// What the functional-acknowledgment rules (FA_MISSING, FA_REJECTED) judge, one partner at a
// time: the partner's outbound groups with the status of their latest acknowledgment (as
// Store::outbound_groups() gives them, in the same order) and its active FA exceptions
// (FA_MISSING first, each type by id). Reading every partner's at
// once held every outbound group and every active FA exception of the store in memory, which
// grows with the store (a 1 GB import has ~10 times the 130,000 groups of a 100 MB one).
//
//   Result<std::unique_ptr<OutboundReader>> r = OutboundReader::prepare(store.database());
//   std::set<std::string> partners;               // every partner with outbound groups
//   Status s = r.value()->partners(partners);
//   std::vector<orders::OutboundGroupStatus> groups;
//   std::vector<ExceptionRecord> active;
//   Status t = r.value()->read(partner, groups, active);
//
// Errors are values. Not thread-safe: one reader per Store session, which must outlive it.

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "exceptions/exception_record.h"
#include "orders/database.h"
#include "orders/store_records.h"

namespace ordex::exceptions {

using orders::Failure;
using orders::Result;
using orders::Status;

class OutboundReader {
 public:
  static Result<std::unique_ptr<OutboundReader>> prepare(orders::Database db);
  ~OutboundReader();
  OutboundReader(const OutboundReader&) = delete;
  OutboundReader& operator=(const OutboundReader&) = delete;

  // Adds every partner that has outbound groups to `out`.
  Status partners(std::set<std::string>& out);
  // Replaces `groups` and `active` with the partner's.
  Status read(const std::string& partner, std::vector<orders::OutboundGroupStatus>& groups,
              std::vector<ExceptionRecord>& active);

 private:
  struct Queries;
  OutboundReader(orders::Database db, std::unique_ptr<Queries> queries);

  orders::Database db_;
  std::unique_ptr<Queries> q_;
};

}  // namespace ordex::exceptions
