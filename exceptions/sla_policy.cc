#include "exceptions/sla_policy.h"

#include <algorithm>

namespace ordex::exceptions {
namespace {

template <typename T, typename U>
bool any_or_listed(const std::vector<T>& allowed, const U& value) {
  return allowed.empty() || std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

}  // namespace

bool SlaPolicy::matches(std::string_view queue, ExceptionType type, Severity severity,
                        std::string_view partner) const {
  return any_or_listed(queues, queue) && any_or_listed(types, type) &&
         any_or_listed(severities, severity) && any_or_listed(partners, partner);
}

const SlaPolicy* SlaPolicySet::match(std::string_view queue, ExceptionType type, Severity severity,
                                     std::string_view partner) const {
  for (const SlaPolicy& policy : policies_) {
    if (policy.matches(queue, type, severity, partner)) return &policy;
  }
  return nullptr;
}

std::vector<SlaPolicy> builtin_sla_policies() {
  struct Row {
    Severity severity;
    BusinessDuration response;
    BusinessDuration resolve;
  };
  using D = BusinessDuration;
  const Row rows[] = {
      {Severity::kCritical, D::hours(1), D::hours(8)},
      {Severity::kHigh, D::hours(4), D::business_days(2)},
      {Severity::kMedium, D::business_days(1), D::business_days(3)},
      {Severity::kLow, D::business_days(2), D::business_days(5)},
  };
  std::vector<SlaPolicy> policies;
  for (const Row& row : rows) {
    SlaPolicy policy;
    policy.name = "default-" + std::string(to_string(row.severity));
    policy.severities = {row.severity};
    policy.response = row.response;
    policy.resolve = row.resolve;
    policies.push_back(std::move(policy));
  }
  return policies;
}

}  // namespace ordex::exceptions
