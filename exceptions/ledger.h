#pragma once
// Turns what the rules found into exceptions (DESIGN.md: one open exception per condition):
//   - a condition with no exception opens one: severity from the catalog, configuration and
//     partner tier; queue and owner from routing; SLA clocks started;
//   - a condition seen again updates its exception when the summary, evidence or severity
//     changed (never a second one);
//   - an open exception of an evaluated type whose condition is no longer found is resolved
//     by "system" with the rule's reason;
//   - a condition that returns reopens its exception: always after an automatic resolution,
//     and after a person's resolution only when the evidence differs from what they resolved
//     (a rep who settled it with the customer is not handed the same thing back).
// Every change is audited. The caller owns the transaction (Store::begin/commit), so the
// import or sweep and its exception changes commit together.
//
// PERF NOTES. New exceptions and every audit entry are buffered in orders::Batch statements
// (prepared once per Ledger on the session's own handle: Poco's SQLite connector would compile
// the 36-column insert again on every execution) and written when apply()/apply_all() returns,
// in the order they were made, so ids come out as one insert at a time would give them. A found
// condition whose key is not among `existing` is looked up with the other misses of the call,
// up to 256 keys a query, not one query each. Updates of existing exceptions run at once.

#include <memory>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "exceptions/condition.h"
#include "exceptions/exception_store.h"
#include "exceptions/exceptions_config.h"

namespace ordex::exceptions {

struct LedgerTally {
  std::int64_t opened = 0;
  std::int64_t updated = 0;
  std::int64_t resolved = 0;
  std::int64_t reopened = 0;
  void add(const LedgerTally& o) {
    opened += o.opened;
    updated += o.updated;
    resolved += o.resolved;
    reopened += o.reopened;
  }
};

class Ledger {
 public:
  Ledger(ExceptionStore& store, const ExceptionsConfig& config, Instant now);
  ~Ledger();
  Ledger(const Ledger&) = delete;
  Ledger& operator=(const Ledger&) = delete;

  // One evaluated scope (an order, a file, a partner) and its exceptions (see apply()).
  struct Scope {
    const Evaluation* evaluation;
    const std::vector<ExceptionRecord>* existing;
  };

  // `existing`: the exceptions of the evaluated scope (any status). A found condition whose
  // key is not among them is looked up by key (it may belong to no scope loaded, e.g. a file's).
  Status apply(const Evaluation& evaluation, const std::vector<ExceptionRecord>& existing);
  // apply() for each scope in turn, with one lookup for all their unknown keys and one write
  // of their new exceptions and audit entries. Stops at the first error (roll back).
  Status apply_all(std::span<const Scope> scopes);

  const LedgerTally& tally() const { return tally_; }

 private:
  struct Writes;  // ledger_writes.cc
  using Known = std::unordered_map<std::string, ExceptionRecord>;

  Status apply_scope(const Scope& scope, Known& stored);
  Status find_stored(std::span<const Scope> scopes, Known& stored);
  Status open(const Condition& c);
  Status refresh(ExceptionRecord& e, const Condition& c);
  Status reopen(ExceptionRecord& e, const Condition& c);
  Status resolve(ExceptionRecord& e, const std::string& reason);
  Status write(const ExceptionRecord& before, ExceptionRecord& after, const char* action,
               const std::string& note);
  Severity severity_of(const Condition& c) const;

  ExceptionStore& store_;
  const ExceptionsConfig& config_;
  Instant now_;
  LedgerTally tally_;
  std::unique_ptr<Writes> writes_;  // prepared on first use
};

}  // namespace ordex::exceptions
