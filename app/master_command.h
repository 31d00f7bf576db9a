#pragma once
// `ordex master load --db PATH DIR`: loads partners.csv, items.csv and locations.csv from DIR
// into the store (orders/master_data.h). Bad rows go to stderr as "file:line: reason"; a
// summary per file goes to stdout. Exit 0: all rows loaded; 1: some rows were rejected;
// 2: usage, I/O or database error (nothing written).

#include "app/command.h"

namespace ordex::app {

class MasterCommand final : public Command {
 public:
  std::string name() const override { return "master"; }
  std::string synopsis() const override;
  std::string description() const override;
  void define_options(Poco::Util::OptionSet& options) const override;
  int run(const Arguments& args) override;
};

}  // namespace ordex::app
