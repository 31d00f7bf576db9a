#pragma once
// `ordex exceptions list|show|next|claim|release|assign|note|wait|resume|resolve|reopen|merge`:
// the work queue from the command line, over exceptions::WorkQueue.
//
// Exit codes: 0 done; 1 the command ran but could not do it: `next` found nothing to claim, a
// claim held by someone else, a change the exception's status does not allow, or (bulk) any
// exception that failed; 2 usage, configuration or database error, or an unknown id.

#include "app/command.h"

namespace ordex::app {

class ExceptionsCommand final : public Command {
 public:
  std::string name() const override { return "exceptions"; }
  std::string synopsis() const override;
  std::string description() const override;
  void define_options(Poco::Util::OptionSet& options) const override;
  int run(const Arguments& args) override;
};

}  // namespace ordex::app
