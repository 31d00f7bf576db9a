#include "exceptions/exceptions_config.h"

#include <Poco/AutoPtr.h>
#include <Poco/Exception.h>
#include <Poco/Util/MapConfiguration.h>
#include <Poco/Util/PropertyFileConfiguration.h>

namespace ordex::exceptions {

ExceptionsConfig ExceptionsConfig::defaults() {
  Poco::AutoPtr<Poco::Util::MapConfiguration> empty(new Poco::Util::MapConfiguration);
  edi::Result<ExceptionsConfig> loaded = load(*empty);
  // An empty configuration has nothing to get wrong; failing here is a bug in the defaults.
  if (!loaded.ok()) throw std::logic_error("built-in exception defaults: " + loaded.error());
  return std::move(loaded).value();
}

edi::Result<ExceptionsConfig> ExceptionsConfig::load(const Poco::Util::AbstractConfiguration& c) {
  ExceptionsConfig out;
  edi::Result<RuleConfig> rules = RuleConfig::load(c);
  if (!rules.ok()) return edi::Failure{rules.error()};
  edi::Result<Routing> routing = Routing::load(c);
  if (!routing.ok()) return edi::Failure{routing.error()};
  edi::Result<SlaConfig> sla = load_sla_config(c);
  if (!sla.ok()) return edi::Failure{sla.error()};
  out.rules = std::move(rules).value();
  out.routing = std::move(routing).value();
  out.sla = std::move(sla).value();
  return out;
}

edi::Result<ExceptionsConfig> ExceptionsConfig::load_file(const std::string& path) {
  if (path.empty()) return defaults();
  try {
    Poco::AutoPtr<Poco::Util::PropertyFileConfiguration> file(
        new Poco::Util::PropertyFileConfiguration(path));
    edi::Result<ExceptionsConfig> loaded = load(*file);
    if (!loaded.ok()) return edi::Failure{path + ": " + loaded.error()};
    return loaded;
  } catch (const Poco::Exception& e) {
    return edi::Failure{path + ": " + e.displayText()};
  }
}

}  // namespace ordex::exceptions
