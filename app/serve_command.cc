#include "app/serve_command.h"

#include <Poco/Util/Option.h>

#include <filesystem>
#include <memory>
#include <vector>

#include "app/serve/serve_application.h"
#include "app/serve/serve_config.h"

namespace ordex::app {

using Poco::Util::Option;

std::string ServeCommand::synopsis() const {
  return "serve --config FILE [--db URL] [--daemon] [--pidfile FILE]";
}

std::string ServeCommand::description() const {
  return "Runs the daemon: the import jobs of the config file (watched inbox folders on cron "
         "schedules, imported exactly as `ordex run` imports), the exception rule sweep every "
         "serve.sweep.every, and the HTTP API and web work queue on serve.http.host:port. "
         "Several daemons may share one PostgreSQL database and one inbox. SIGTERM stops after "
         "the current file (exit 0); SIGHUP reloads jobs, schedules and rules. Exit 2 for a "
         "usage or configuration error.";
}

void ServeCommand::define_options(Poco::Util::OptionSet& options) const {
  options.addOption(
      Option("config", "c", "properties file: jobs.N.*, serve.*, and the `ordex run` keys")
          .argument("FILE"));
  options.addOption(
      Option("db", "d", "the database (overrides serve.db): a SQLite path or a postgresql:// URL")
          .argument("URL"));
  options.addOption(Option("daemon", "", "detach from the terminal (stdio to /dev/null, cwd /)"));
  options.addOption(Option("pidfile", "", "write the process id to FILE (overrides serve.pid_file)")
                        .argument("FILE"));
}

int ServeCommand::run(const Arguments& args) {
  if (!args.positional.empty()) throw UsageError{"serve takes no arguments"};
  if (!args.has("config")) throw UsageError{"--config FILE is required"};
  serve::ServeStart start;
  start.base_dir = std::filesystem::current_path().string();
  start.config_path = std::filesystem::absolute(args.get("config")).string();
  if (args.has("db")) start.db = args.get("db");
  auto config = serve::load_serve_config(start.config_path, start.db, start.base_dir);
  if (!config.ok()) throw UsageError{config.error()};
  std::string pid_file = config.value().pid_file;
  if (args.has("pidfile")) pid_file = std::filesystem::absolute(args.get("pidfile")).string();
  start.config = std::make_shared<const serve::ServeConfig>(std::move(config).value());

  // Poco's own options: --daemon forks before anything else happens, --pidfile is written by
  // the process that stays.
  std::vector<std::string> argv = {"ordex-serve"};
  if (args.has("daemon")) argv.push_back("--daemon");
  if (!pid_file.empty()) argv.push_back("--pidfile=" + pid_file);
  std::vector<char*> raw;
  for (std::string& a : argv) raw.push_back(a.data());
  raw.push_back(nullptr);
  serve::ServeApplication app(std::move(start));
  return app.run(static_cast<int>(argv.size()), raw.data());
}

}  // namespace ordex::app
