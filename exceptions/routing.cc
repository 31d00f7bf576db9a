#include "exceptions/routing.h"

#include <Poco/Util/AbstractConfiguration.h>

#include <algorithm>

#include "exceptions/sla_config_values.h"

namespace ordex::exceptions {

namespace {

template <typename T, typename V>
bool any_or_in(const std::vector<T>& list, const V& value) {
  return list.empty() || std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

edi::Result<Routing> Routing::load(const Poco::Util::AbstractConfiguration& c) {
  Routing routing;
  edi::Result<std::vector<config::Numbered>> sections = config::numbered(c, "routing");
  if (!sections.ok()) return edi::Failure{sections.error()};
  const auto text = [](const std::string& s) { return std::optional<std::string>(s); };
  const auto type = [](const std::string& s) { return exception_type_from(s); };
  const auto severity = [](const std::string& s) { return severity_from(s); };
  for (const config::Numbered& n : sections.value()) {
    const std::string prefix = "routing." + n.key;
    RoutingRule rule;
    if (auto e = config::read_list(c, prefix + ".type", rule.types, type, "exception type")) {
      return *e;
    }
    if (auto e =
            config::read_list(c, prefix + ".severity", rule.severities, severity, "severity")) {
      return *e;
    }
    if (auto e = config::read_list(c, prefix + ".partner", rule.partners, text, "partner")) {
      return *e;
    }
    rule.queue = config::raw_value(c, prefix + ".queue");
    rule.owner = config::raw_value(c, prefix + ".owner");
    if (rule.queue.empty()) return config::key_error(prefix + ".queue", "missing (a queue name)");
    if (auto e =
            config::unknown_key(c, prefix, {"type", "severity", "partner", "queue", "owner"})) {
      return *e;
    }
    routing.add(std::move(rule));
  }
  return routing;
}

Route Routing::route(ExceptionType type, Severity severity, std::string_view partner_id) const {
  for (const RoutingRule& r : rules_) {
    if (any_or_in(r.types, type) && any_or_in(r.severities, severity) &&
        any_or_in(r.partners, std::string(partner_id))) {
      return Route{r.queue, r.owner};
    }
  }
  return Route{std::string(entry(type).queue), ""};
}

}  // namespace ordex::exceptions
