#include "reports/report_config.h"

#include <Poco/AutoPtr.h>
#include <Poco/Exception.h>
#include <Poco/Util/AbstractConfiguration.h>
#include <Poco/Util/PropertyFileConfiguration.h>

namespace ordex::reports {

namespace {

edi::Failure key_error(const std::string& key, const std::string& what) {
  return edi::Failure{key + ": " + what};
}

}  // namespace

edi::Result<DayDefinition> load_day_definition(const Poco::Util::AbstractConfiguration& config,
                                               const orders::TimeZone& fallback) {
  Poco::Util::AbstractConfiguration::Keys keys;
  config.keys("report", keys);
  for (const std::string& k : keys) {
    // A misspelt key would silently give the rolling day a manager did not ask for.
    if (k != "day" && k != "timezone") return key_error("report." + k, "unknown key");
  }
  DayDefinition day;
  day.zone = fallback;
  const std::string mode = config.getRawString("report.day", "rolling");
  if (mode == "local") {
    day.mode = DayMode::kLocal;
  } else if (mode != "rolling") {
    return key_error("report.day", "'" + mode + "' is not rolling or local");
  }
  if (config.hasProperty("report.timezone")) {
    edi::Result<orders::TimeZone> zone =
        orders::TimeZone::named(config.getRawString("report.timezone"));
    if (!zone.ok()) return key_error("report.timezone", zone.error());
    day.zone = zone.value();
  }
  return day;
}

edi::Result<DayDefinition> load_day_definition_file(const std::string& path,
                                                    const orders::TimeZone& fallback) {
  if (path.empty()) return DayDefinition{DayMode::kRolling, fallback};
  try {
    Poco::AutoPtr<Poco::Util::PropertyFileConfiguration> file(
        new Poco::Util::PropertyFileConfiguration(path));
    edi::Result<DayDefinition> day = load_day_definition(*file, fallback);
    if (!day.ok()) return edi::Failure{path + ": " + day.error()};
    return day;
  } catch (const Poco::Exception& e) {
    return edi::Failure{path + ": " + e.displayText()};
  }
}

}  // namespace ordex::reports
