#pragma once
// `ordex serve --config FILE [--db URL] [--daemon] [--pidfile FILE]`: the daemon. Scheduled and
// watched imports (jobs.N.*), the periodic rule sweep, and the HTTP API and web work queue, until
// SIGTERM; SIGHUP reloads the config (app/serve/serve_application.h; README "ordex serve").
//
// The config is read and checked before anything starts, so a bad file is exit 2 with the
// message on stderr, as for every verb; later problems go to the log. Exit 0 after a clean stop.

#include "app/command.h"

namespace ordex::app {

class ServeCommand final : public Command {
 public:
  std::string name() const override { return "serve"; }
  std::string synopsis() const override;
  std::string description() const override;
  void define_options(Poco::Util::OptionSet& options) const override;
  int run(const Arguments& args) override;
};

}  // namespace ordex::app
