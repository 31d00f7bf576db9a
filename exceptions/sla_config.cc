#include "exceptions/sla_config.h"

#include <Poco/Exception.h>
#include <Poco/Util/AbstractConfiguration.h>

#include <algorithm>
#include <utility>

#include "exceptions/sla_config_values.h"

namespace ordex::exceptions {
namespace {

using config::key_error;
using Poco::Util::AbstractConfiguration;

std::optional<edi::Failure> read_criteria(const AbstractConfiguration& config,
                                          const std::string& prefix, SlaPolicy& policy) {
  const auto text = [](const std::string& s) { return std::optional<std::string>(s); };
  const auto type = [](const std::string& s) { return exception_type_from(s); };
  const auto severity = [](const std::string& s) { return severity_from(s); };
  if (auto e = config::read_list(config, prefix + ".queue", policy.queues, text, "queue")) return e;
  if (auto e = config::read_list(config, prefix + ".type", policy.types, type, "exception type"))
    return e;
  if (auto e = config::read_list(config, prefix + ".severity", policy.severities, severity,
                                 "severity")) {
    return e;
  }
  return config::read_list(config, prefix + ".partner", policy.partners, text, "partner");
}

edi::Result<BusinessDuration> read_target(const AbstractConfiguration& config,
                                          const std::string& key) {
  if (!config.hasProperty(key)) return key_error(key, "missing (a business duration, e.g. 4h)");
  edi::Result<BusinessDuration> duration = parse_business_duration(config.getRawString(key));
  if (!duration.ok()) return key_error(key, duration.error());
  return duration;
}

edi::Result<SlaPolicy> read_policy(const AbstractConfiguration& config, const config::Numbered& n,
                                   const SlaConfig& loaded) {
  const std::string prefix = "sla.policy." + n.key;
  if (auto unknown =
          config::unknown_key(config, prefix,
                              {"name", "queue", "type", "severity", "partner", "response",
                               "resolve", "calendar", "at_risk", "escalate"})) {
    return *unknown;
  }
  SlaPolicy policy;
  policy.name = config.getRawString(prefix + ".name", "policy-" + std::to_string(n.number));
  if (auto e = read_criteria(config, prefix, policy)) return *e;
  edi::Result<BusinessDuration> response = read_target(config, prefix + ".response");
  if (!response.ok()) return edi::Failure{response.error()};
  edi::Result<BusinessDuration> resolve = read_target(config, prefix + ".resolve");
  if (!resolve.ok()) return edi::Failure{resolve.error()};
  policy.response = response.value();
  policy.resolve = resolve.value();
  policy.calendar = config.getRawString(prefix + ".calendar", "default");
  if (loaded.calendar(policy.calendar) == nullptr) {
    return key_error(prefix + ".calendar", "no calendar." + policy.calendar + ".* is configured");
  }
  if (config.hasProperty(prefix + ".at_risk")) {
    edi::Result<double> at_risk =
        config::parse_fraction(config.getRawString(prefix + ".at_risk"), 1.0);
    if (!at_risk.ok()) return key_error(prefix + ".at_risk", at_risk.error());
    policy.at_risk = at_risk.value();
  }
  if (config.hasProperty(prefix + ".escalate")) {
    auto levels = config::parse_escalation(config.getRawString(prefix + ".escalate"));
    if (!levels.ok()) return key_error(prefix + ".escalate", levels.error());
    policy.escalation = std::move(levels).value();
  }
  return policy;
}

edi::Result<SlaConfig> load(const AbstractConfiguration& config) {
  SlaConfig loaded;
  edi::Result<std::vector<BusinessCalendar>> calendars = config::load_calendars(config);
  if (!calendars.ok()) return edi::Failure{calendars.error()};
  loaded.calendars = std::move(calendars).value();

  if (auto unknown = config::unknown_key(config, "sla", {"policy", "fallback"})) return *unknown;
  edi::Result<std::vector<config::Numbered>> numbers = config::numbered(config, "sla.policy");
  if (!numbers.ok()) return edi::Failure{numbers.error()};
  for (const config::Numbered& n : numbers.value()) {
    edi::Result<SlaPolicy> policy = read_policy(config, n, loaded);
    if (!policy.ok()) return edi::Failure{policy.error()};
    loaded.policies.add(std::move(policy).value());
  }
  edi::Result<bool> fallback = config::parse_bool(config.getRawString("sla.fallback", "true"));
  if (!fallback.ok()) return key_error("sla.fallback", fallback.error());
  if (fallback.value()) {
    for (SlaPolicy& policy : builtin_sla_policies()) loaded.policies.add(std::move(policy));
  }
  return loaded;
}

}  // namespace

const BusinessCalendar* SlaConfig::calendar(std::string_view name) const {
  for (const BusinessCalendar& c : calendars) {
    if (c.name() == name) return &c;
  }
  return nullptr;
}

edi::Result<SlaConfig> load_sla_config(const AbstractConfiguration& config) {
  try {
    return load(config);
  } catch (const Poco::Exception& e) {
    return edi::Failure{"SLA configuration: " + e.displayText()};
  }
}

}  // namespace ordex::exceptions
