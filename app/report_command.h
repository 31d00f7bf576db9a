#pragma once
// `ordex report daily --db PATH [--as-of ISO8601] [--out DIR] [--format html|csv|json]
// [--config FILE]`: writes the daily exception report (DESIGN.md contract, reports/) for the
// 24 h ending at as-of (default now), or the last whole local day by then (report.day = local
// in the config), into DIR (default "."), and prints the paths written.
// Read-only: the database is opened without writing. Exit 0; 2 for a usage or configuration
// error, a database that cannot be read or a file that cannot be written.

#include "app/command.h"

namespace ordex::app {

class ReportCommand final : public Command {
 public:
  std::string name() const override { return "report"; }
  std::string synopsis() const override;
  std::string description() const override;
  void define_options(Poco::Util::OptionSet& options) const override;
  int run(const Arguments& args) override;
};

}  // namespace ordex::app
