#include "app/serve/serve_application.h"

#include <signal.h>

#include "app/command.h"
#include "app/serve/daemon.h"
#include "app/serve/serve_log.h"
#include "edi/schema.h"

namespace ordex::app::serve {

using Priority = Poco::Message::Priority;

namespace {

sigset_t daemon_signals() {
  sigset_t set;
  sigemptyset(&set);
  for (int s : {SIGTERM, SIGINT, SIGQUIT, SIGHUP}) sigaddset(&set, s);
  return set;
}

// "postgresql://ordex:secret@db/ordex" -> "postgresql://ordex:***@db/ordex" for the log.
std::string without_password(std::string db) {
  const std::size_t scheme = db.find("://");
  const std::size_t at = db.find('@');
  if (scheme == std::string::npos || at == std::string::npos || at < scheme) return db;
  const std::size_t colon = db.find(':', scheme + 3);
  if (colon != std::string::npos && colon < at) db.replace(colon + 1, at - colon - 1, "***");
  return db;
}

}  // namespace

void block_daemon_signals() {
  const sigset_t set = daemon_signals();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

int ServeApplication::main(const std::vector<std::string>& /*args*/) {
  std::shared_ptr<const ServeConfig> config = start_.config;
  if (orders::Status s = configure_logging(config->log_format, config->log_file); !s.ok()) {
    logger().error(s.error());
    return kExitUsage;
  }
  block_daemon_signals();
  auto schemas = edi::SchemaRegistry::embedded();
  if (!schemas.ok()) {
    serve_logger().critical("cannot load the transaction-set schemas: " + schemas.error());
    return kExitUsage;
  }
  Daemon daemon(config, schemas.value());
  if (orders::Status s = daemon.start(); !s.ok()) {
    daemon.stop();
    return kExitUsage;
  }
  log_event(serve_logger(), Priority::PRIO_NOTICE, kStarted,
            {{"daemon", daemon.state().daemon()},
             {"config", config->path},
             {"db", without_password(config->db)},
             {"jobs", static_cast<std::int64_t>(config->jobs.size())},
             {"http_port", static_cast<std::int64_t>(daemon.http_port())}});
  const sigset_t set = daemon_signals();
  while (true) {
    int signal = 0;
    if (sigwait(&set, &signal) != 0) continue;
    if (signal != SIGHUP) {
      log_event(serve_logger(), Priority::PRIO_NOTICE, kStopping, {{"signal", signal}});
      break;
    }
    auto reloaded = load_serve_config(start_.config_path, start_.db, start_.base_dir);
    if (!reloaded.ok()) {
      log_event(serve_logger(), Priority::PRIO_ERROR, kReloadFailed, {{"error", reloaded.error()}});
      continue;
    }
    daemon.reload(std::make_shared<const ServeConfig>(std::move(reloaded).value()));
  }
  daemon.stop();
  log_event(serve_logger(), Priority::PRIO_NOTICE, kStopped, {});
  return kExitOk;
}

}  // namespace ordex::app::serve
