// The sweep: clock rules for every order, over delivery facts read a page at a time
// (sweep_facts.h) instead of loading each order's case, so a million orders take a few seconds
// (bench/sweep_bench). The ledger only hears of an order where something was found or an
// exception is open (the common order, on time with nothing open, writes nothing), and hears
// of a page's orders at once (Ledger::apply_all: one lookup and one write for the page).
#include <deque>

#include "exceptions/outbound_reader.h"
#include "exceptions/rule_runner.h"
#include "exceptions/rules.h"
#include "exceptions/sweep_facts.h"

namespace ordex::exceptions {

Status RuleRunner::sweep_orders() {
  // The reader brings each page's active clock-rule exceptions with its facts (the ones each
  // order's evaluation may resolve): what the sweep holds is one page, whatever the store holds.
  Result<SweepFactsReader> reader = SweepFactsReader::open(store_.database());
  if (!reader.ok()) return Failure{reader.error()};

  std::vector<DeliveryFacts> page;
  // One evaluation per order the ledger hears of, reused from page to page (reset() keeps
  // their buffers); a deque, as the scopes point into it while it grows.
  std::deque<Evaluation> evaluations;
  std::vector<Ledger::Scope> scopes;
  for (;;) {
    Result<bool> more = reader.value().next(page);
    if (!more.ok()) return Failure{more.error()};
    if (!more.value()) break;
    scopes.clear();
    for (std::size_t i = 0; i < page.size(); ++i) {
      const DeliveryFacts& f = page[i];
      if (scopes.size() == evaluations.size()) evaluations.emplace_back();
      Evaluation& ev = evaluations[scopes.size()];
      ev.reset();
      evaluate_delivery(f, config_.rules.params(f.partner_id), now_, ev);
      const std::vector<ExceptionRecord>& active = reader.value().active(i);
      if (ev.found.empty() && active.empty()) continue;  // nothing open, nothing found
      scopes.push_back(Ledger::Scope{&ev, &active});
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
