#pragma once
// Which work queue an exception lands in, and optionally who owns it: routing rules from the
// configuration, tried in numeric order, the first match wins; without a match, the catalog's
// queue for the type (catalog.h) and no owner.
//
//   routing.1.type = DELIVERY_OVERDUE, DELIVERY_AT_RISK
//   routing.1.partner = NORTHWIND
//   routing.1.severity = critical, high
//   routing.1.queue = key-accounts
//   routing.1.owner = maria
//
// Criteria are comma lists; an absent one matches anything. A rule needs a queue.

#include <string>
#include <string_view>
#include <vector>

#include "edi/result.h"
#include "exceptions/catalog.h"

namespace Poco::Util {
class AbstractConfiguration;
}

namespace ordex::exceptions {

struct RoutingRule {
  std::vector<ExceptionType> types;
  std::vector<Severity> severities;
  std::vector<std::string> partners;
  std::string queue;
  std::string owner;  // empty: unassigned
};

struct Route {
  std::string queue;
  std::string owner;
};

class Routing {
 public:
  static edi::Result<Routing> load(const Poco::Util::AbstractConfiguration& config);
  void add(RoutingRule rule) { rules_.push_back(std::move(rule)); }
  Route route(ExceptionType type, Severity severity, std::string_view partner_id) const;

 private:
  std::vector<RoutingRule> rules_;
};

}  // namespace ordex::exceptions
