#pragma once
// Everything the exceptions module reads from the configuration file: rule parameters
// (rule_config.h), routing to queues (routing.h), SLA calendars and policies (sla_config.h).
// One load, one error naming the key when a value is wrong.

#include <string>

#include "edi/result.h"
#include "exceptions/routing.h"
#include "exceptions/rule_config.h"
#include "exceptions/sla_config.h"

namespace Poco::Util {
class AbstractConfiguration;
}

namespace ordex::exceptions {

struct ExceptionsConfig {
  RuleConfig rules;
  Routing routing;
  SlaConfig sla;

  // The defaults: DESIGN.md's rule parameters, catalog queues, built-in SLA policies.
  static ExceptionsConfig defaults();
  static edi::Result<ExceptionsConfig> load(const Poco::Util::AbstractConfiguration& config);
  // A properties file (Poco::Util::PropertyFileConfiguration); "" gives the defaults.
  static edi::Result<ExceptionsConfig> load_file(const std::string& path);
};

}  // namespace ordex::exceptions
