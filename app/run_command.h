#pragma once
// `ordex run --db PATH [--as-of ISO8601] [--config FILE] [--archive DIR] [--quarantine DIR]
//            [--format text|json] [--quiet] INPUT...`
//
// Imports every file or folder given (EDI, XML and CSV tracking feeds, detected by content)
// into the store (orders/ingest/ingest.h), then prints a summary: text, one line, or with
// --format json one JSON object. Exit 0: everything imported and nothing rejected; 1: the run
// went through and something was rejected (a transaction set, an interchange, a duplicate, a
// quarantined file); 2: usage, configuration or I/O error (an input path that does not exist,
// a database that cannot be opened or written, a file that could not be read or moved). Input
// paths and the database are checked before anything is written.

#include "app/command.h"

namespace ordex::app {

class RunCommand final : public Command {
 public:
  std::string name() const override { return "run"; }
  std::string synopsis() const override;
  std::string description() const override;
  void define_options(Poco::Util::OptionSet& options) const override;
  int run(const Arguments& args) override;
};

}  // namespace ordex::app
