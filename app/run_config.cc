#include "app/run_config.h"

#include <Poco/AutoPtr.h>
#include <Poco/Exception.h>
#include <Poco/StringTokenizer.h>
#include <Poco/Util/PropertyFileConfiguration.h>

#include "app/command.h"

namespace ordex::app {

RunConfig load_run_config(const std::string& path) {
  RunConfig config;
  try {
    Poco::AutoPtr<Poco::Util::PropertyFileConfiguration> file(
        new Poco::Util::PropertyFileConfiguration(path));
    const Poco::StringTokenizer ids(
        file->getString("self.ids", ""), ",",
        Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
    config.self_ids.assign(ids.begin(), ids.end());
    config.archive_dir = file->getString("archive.dir", "");
    config.quarantine_dir = file->getString("quarantine.dir", "");
    config.ack_x12 = file->getString("ack.x12", "none");
    config.ack_edifact = file->getString("ack.edifact", "none");
    config.ack_dir = file->getString("ack.dir", "");
  } catch (const Poco::Exception& e) {
    throw UsageError{"--config " + path + ": " + e.displayText()};
  }
  return config;
}

}  // namespace ordex::app
