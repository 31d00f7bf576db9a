// The sweep: clock rules for every order, over delivery facts read a page at a time
// (sweep_facts.h) instead of loading each order's case, so a million orders take a few seconds
// (bench/sweep_bench). The ledger only hears of an order where something was found or an
// exception is open (the common order, on time with nothing open, writes nothing), and hears
// of a page's orders at once (Ledger::apply_all: one lookup and one write for the page).
#include <deque>
#include <unordered_map>

#include "exceptions/outbound_reader.h"
#include "exceptions/rule_runner.h"
#include "exceptions/rules.h"
#include "exceptions/sweep_facts.h"

namespace ordex::exceptions {

namespace {

std::string order_key(const std::string& partner, const std::string& po) {
  return partner + '\x1f' + po;
}

}  // namespace

Status RuleRunner::sweep_orders() {
  Result<SweepFactsReader> reader = SweepFactsReader::open(store_.database());
  if (!reader.ok()) return Failure{reader.error()};

  // The active clock-rule exceptions, by order, so each order's evaluation can resolve them.
  std::unordered_map<std::string, std::vector<ExceptionRecord>> active;
  for (ExceptionType t : {ExceptionType::kAsnMissing, ExceptionType::kDeliveryLate,
                          ExceptionType::kDeliveryOverdue, ExceptionType::kDeliveryAtRisk}) {
    Result<std::vector<ExceptionRecord>> of_type = store_.active_of_type(t);
    if (!of_type.ok()) return Failure{of_type.error()};
    for (ExceptionRecord& e : of_type.value()) {
      active[order_key(e.partner_id, e.po_number)].push_back(std::move(e));
    }
  }

  std::vector<DeliveryFacts> page;
  // One evaluation per order the ledger hears of, reused from page to page (reset() keeps
  // their buffers); a deque, as the scopes point into it while it grows.
  std::deque<Evaluation> evaluations;
  std::vector<Ledger::Scope> scopes;
  const std::vector<ExceptionRecord> none;
  for (;;) {
    Result<bool> more = reader.value().next(page);
    if (!more.ok()) return Failure{more.error()};
    if (!more.value()) break;
    scopes.clear();
    for (const DeliveryFacts& f : page) {
      if (scopes.size() == evaluations.size()) evaluations.emplace_back();
      Evaluation& ev = evaluations[scopes.size()];
      ev.reset();
      evaluate_delivery(f, config_.rules.params(f.partner_id), now_, ev);
      auto it = active.empty() ? active.end() : active.find(order_key(f.partner_id, f.po_number));
      if (ev.found.empty() && it == active.end()) continue;  // nothing open, nothing found
      scopes.push_back(Ledger::Scope{&ev, it == active.end() ? &none : &it->second});
    }
    if (!scopes.empty()) {
      Status s = in_transaction([&]() -> Status { return ledger_.apply_all(scopes); });
      if (!s.ok()) return s;
    }
    sweep_.orders += static_cast<std::int64_t>(page.size());
  }
  return Status();
}

Status RuleRunner::sweep() {
  // Waits first: an exception whose wait is over is open again before the rules and the SLA
  // escalation look at it.
  if (Status s = resume_due_waits(); !s.ok()) return s;
  if (Status s = sweep_orders(); !s.ok()) return s;
  std::set<std::string> partners;
  if (Status s = prepare_outbound_reader(); !s.ok()) return s;
  if (Status s = outbound_->partners(partners); !s.ok()) return s;
  if (Status s = check_outbound_groups(partners); !s.ok()) return s;
  return escalate();
}

}  // namespace ordex::exceptions
