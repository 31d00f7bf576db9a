#pragma once
// `ordex validate`: checks X12 and EDIFACT files against the standards, prints findings and
// verdicts, and optionally writes acknowledgments.

#include "app/command.h"

namespace ordex::app {

class ValidateCommand final : public Command {
 public:
  std::string name() const override { return "validate"; }
  std::string synopsis() const override;
  std::string description() const override;
  void define_options(Poco::Util::OptionSet& options) const override;
  int run(const Arguments& args) override;
};

}  // namespace ordex::app
