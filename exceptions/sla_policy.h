#pragma once
// SLA policies: how fast an exception must get a first human response and a resolution, counted
// in business time on a named calendar, and who hears about it as the clock runs down.
//
// A policy applies to the exceptions its criteria match; an empty criterion matches anything.
// A policy set is tried in order and the first policy that matches wins (the config file numbers
// them; built-in per-severity policies come last as the fallback, see sla_config.h).
//
// Thread-safe to read; a set is built once and then only read.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "exceptions/catalog.h"
#include "exceptions/duration.h"

namespace ordex::exceptions {

// Reached when the elapsed fraction of a target is at least `fraction` (0.8: 80 %, 1.0: due).
struct EscalationLevel {
  double fraction = 1.0;
  std::string name;  // "lead", "manager"
  friend bool operator==(const EscalationLevel&, const EscalationLevel&) = default;
};

struct SlaPolicy {
  std::string name;
  // Match criteria: any of the listed values; an empty list matches everything.
  std::vector<std::string> queues;
  std::vector<ExceptionType> types;
  std::vector<Severity> severities;
  std::vector<std::string> partners;

  BusinessDuration response;  // to the first human action
  BusinessDuration resolve;   // to resolution
  std::string calendar = "default";
  // At risk: not breached and at least this fraction of a target elapsed.
  double at_risk = 0.8;
  // In ascending order of fraction (sla_config sorts and checks them).
  std::vector<EscalationLevel> escalation = {{0.8, "lead"}, {1.0, "manager"}};

  bool matches(std::string_view queue, ExceptionType type, Severity severity,
               std::string_view partner) const;
};

class SlaPolicySet {
 public:
  void add(SlaPolicy policy) { policies_.push_back(std::move(policy)); }
  const std::vector<SlaPolicy>& policies() const { return policies_; }

  // The first policy that matches, or nullptr when none does. The pointer stays valid while
  // the set lives and nothing is added.
  const SlaPolicy* match(std::string_view queue, ExceptionType type, Severity severity,
                         std::string_view partner) const;

 private:
  std::vector<SlaPolicy> policies_;
};

// The built-in fallback, one policy per severity, named "default-<severity>", on the "default"
// calendar, at risk at 0.8, escalating to "lead" at 0.8 and "manager" at 1.0:
//   critical 1h / 8h, high 4h / 2d, medium 1d / 3d, low 2d / 5d  (response / resolve).
std::vector<SlaPolicy> builtin_sla_policies();

}  // namespace ordex::exceptions
