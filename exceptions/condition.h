#pragma once
// What a rule finds: one condition that should have an open exception. Rules are pure
// functions from an order's picture (order_case.h) to conditions; the ledger (ledger.h)
// turns conditions into exceptions: opens the new ones, updates the ones seen again,
// resolves the ones no longer found (with the rule's reason) and reopens returning ones.

#include <array>
#include <bitset>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "exceptions/catalog.h"

namespace ordex::exceptions {

struct Condition {
  ExceptionType type = ExceptionType::kEdiRejected;
  // The dedupe key: type + partner + PO + subject. Subject says what inside the order the
  // condition is about ("line 2", "shipment SN-77", "invoice INV-9 line 1", "event D1 ...");
  // empty when the order as a whole is meant.
  std::string partner_id;
  std::string po_number;
  std::string subject;
  std::string shipment_id;           // when the condition is about a ship notice
  std::int64_t file_id = 0;          // the file holding the evidence, when there is one
  std::string summary;               // one sentence a rep understands without opening EDI
  std::string evidence;              // JSON object (evidence.h)
  std::optional<Severity> severity;  // a rule's own judgement (e.g. damage); else the catalog's

  std::string dedupe_key() const;
};

// The result of evaluating rules over one scope (an order, a partner's outbound groups...).
// Every type in `evaluated` was fully evaluated there: an open exception of such a type in
// the scope that is not among `found` has cleared, for the reason in `cleared_reason`.
struct Evaluation {
  std::bitset<kExceptionTypeCount> evaluated;
  std::vector<Condition> found;
  std::array<std::string, kExceptionTypeCount> cleared_reason;

  void evaluate(ExceptionType type, std::string reason_when_clear) {
    evaluated.set(static_cast<std::size_t>(type));
    cleared_reason[static_cast<std::size_t>(type)] = std::move(reason_when_clear);
  }
  void add(Condition condition) { found.push_back(std::move(condition)); }

  // Marks `type` evaluated and returns its clearing reason emptied but with its capacity kept,
  // so a caller reusing one Evaluation across many scopes (the sweep) writes it in place
  // without allocating once the buffers have grown.
  std::string& reason(ExceptionType type) {
    evaluated.set(static_cast<std::size_t>(type));
    std::string& r = cleared_reason[static_cast<std::size_t>(type)];
    r.clear();
    return r;
  }
  bool was_evaluated(ExceptionType type) const {
    return evaluated.test(static_cast<std::size_t>(type));
  }
  // Forgets the previous scope, keeping every buffer's capacity (see reason()).
  void reset() {
    evaluated.reset();
    found.clear();
    for (std::string& r : cleared_reason) r.clear();
  }
};

}  // namespace ordex::exceptions
