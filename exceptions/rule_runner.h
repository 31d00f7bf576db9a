#pragma once
// Runs the rules against the store and records what they find (ledger.h): after each
// imported file for the orders, partners and file it touched, and as a sweep over everything
// for the rules that depend on the clock (DESIGN.md: rules run after every import and as a
// sweep). Each scope commits in its own transaction, so a failure leaves earlier scopes done
// and the next run finishes the rest.
//
//   RuleRunner runner(exceptions, config, now);
//   Status s = runner.after_file(outcome.file_id);
//   Status t = runner.sweep();
//   print(runner.tally());

#include <cstdint>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <utility>

#include "exceptions/exception_store.h"
#include "exceptions/exceptions_config.h"
#include "exceptions/ledger.h"
#include "exceptions/order_case.h"

namespace ordex::exceptions {

class CaseLoader;      // case_loader.h
class FileCaseLoader;  // file_case_loader.h
class OutboundReader;  // outbound_reader.h

struct SweepCounts {
  std::int64_t orders = 0;         // orders whose clock rules ran
  std::int64_t partners = 0;       // partners whose outbound groups were checked
  std::int64_t waits_resumed = 0;  // waits whose `until` had passed
  std::int64_t escalated = 0;      // exceptions whose SLA escalation level rose
};

class RuleRunner {
 public:
  RuleRunner(ExceptionStore& store, const ExceptionsConfig& config, Instant now)
      : store_(store), config_(config), now_(now), ledger_(store, config, now) {}

  // A batch run imports a week of files in name order, all judged at one as-of: an order read
  // before its ship notice's file would open ASN_MISSING only for the next file to resolve it.
  // With this set, after_file() leaves the clock rules to the sweep that ends the run.
  void defer_clock_rules(bool defer) { defer_clock_rules_ = defer; }

  // The rules for everything one imported file touched: its file-scope problems, every
  // (partner, PO) its documents name, and the outbound groups of its partners.
  Status after_file(std::int64_t file_id);
  // Every rule for one order (also when only documents about it arrived, without the order).
  Status check_order(const std::string& partner_id, const std::string& po_number);
  // Everything that changes with the clock alone: resumes the waits whose `until` has passed
  // (as of their `until`), runs the clock rules for every order and the functional-
  // acknowledgment rules for every partner with outbound groups, then records each SLA
  // escalation level reached (an "escalated" audit entry naming the level). Call it outside a
  // transaction: each page of orders, and each resumed wait, commits on its own.
  Status sweep();

  const LedgerTally& tally() const { return ledger_.tally(); }
  const SweepCounts& sweep_counts() const { return sweep_; }

 private:
  Status check_file(std::int64_t file_id, std::set<std::string>& partners);
  Status check_file_orders(std::int64_t file_id);  // every (partner, PO), a page at a time
  Status check_page(std::int64_t file_id, std::int64_t from, std::int64_t to);
  Status check_outbound_groups(const std::set<std::string>& partners);
  Status prepare_outbound_reader();
  Status sweep_orders();
  Status resume_due_waits();  // rule_sweep_sla.cc
  Status escalate();
  Status escalate_one(ExceptionRecord& e);
  Status in_transaction(const std::function<Status()>& work);

  ExceptionStore& store_;
  const ExceptionsConfig& config_;
  Instant now_;
  Ledger ledger_;
  SweepCounts sweep_;
  bool defer_clock_rules_ = false;
  std::shared_ptr<CaseLoader> loader_;           // prepared at the first after_file
  std::shared_ptr<FileCaseLoader> file_loader_;  // likewise
  std::shared_ptr<OutboundReader> outbound_;     // at the first check of outbound groups
};

// The case of one (partner, PO) as the store knows it, with the master data its lines name.
Result<OrderCase> load_order_case(orders::Store& store, const std::string& partner_id,
                                  const std::string& po_number);

}  // namespace ordex::exceptions
