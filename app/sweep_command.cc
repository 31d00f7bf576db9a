#include "app/sweep_command.h"

#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>

#include <iostream>

#include "app/clock_option.h"
#include "exceptions/exception_store.h"
#include "exceptions/exceptions_config.h"
#include "exceptions/rule_runner.h"
#include "orders/store.h"

namespace ordex::app {

using Poco::Util::Option;

std::string SweepCommand::synopsis() const {
  return "sweep --db PATH [--as-of ISO8601] [--config FILE] [--format text|json]";
}

std::string SweepCommand::description() const {
  return "Runs the time-based exception rules (missing ship notices, overdue and at-risk "
         "deliveries, missing functional acknowledgments) over every order at --as-of (default: "
         "now), opening and resolving exceptions. Exit 0, or 2 for a usage, configuration or "
         "database error.";
}

void SweepCommand::define_options(Poco::Util::OptionSet& options) const {
  options.addOption(
      Option("db", "d", "the database: a SQLite path or a postgresql:// URL").argument("PATH"));
  options.addOption(Option("as-of", "t", "the time the rules judge at (ISO 8601 with offset)")
                        .argument("ISO8601"));
  options.addOption(
      Option("config", "c", "rule, routing and SLA settings (properties file)").argument("FILE"));
  options.addOption(Option("format", "f", "summary: text (default) or json").argument("FORMAT"));
}

int SweepCommand::run(const Arguments& args) {
  if (!args.positional.empty()) throw UsageError{"sweep takes no arguments"};
  if (!args.has("db")) throw UsageError{"--db PATH is required"};
  const std::string format = args.get("format", "text");
  if (format != "text" && format != "json") throw UsageError{"--format must be text or json"};
  auto config = exceptions::ExceptionsConfig::load_file(args.get("config", ""));
  if (!config.ok()) throw UsageError{config.error()};
  const orders::Instant now = now_or_as_of(args.get("as-of")).time_since_epoch().count();
  orders::StoreOptions options;
  options.must_exist = true;
  auto store = orders::Store::open(args.get("db"), options);
  if (!store.ok()) {
    std::cerr << "ordex sweep: cannot open the database " << args.get("db") << ": " << store.error()
              << '\n';
    return kExitUsage;
  }
  auto exceptions = exceptions::ExceptionStore::open(*store.value());
  if (!exceptions.ok()) {
    std::cerr << "ordex sweep: " << exceptions.error() << '\n';
    return kExitUsage;
  }
  exceptions::RuleRunner runner(exceptions.value(), config.value(), now);
  if (orders::Status s = runner.sweep(); !s.ok()) {
    std::cerr << "ordex sweep: " << s.error() << '\n';
    return kExitUsage;
  }
  const exceptions::LedgerTally& t = runner.tally();
  const exceptions::SweepCounts& c = runner.sweep_counts();
  if (format == "json") {
    std::cout << "{\"orders\":" << c.orders << ",\"partners\":" << c.partners
              << ",\"waits_resumed\":" << c.waits_resumed << ",\"escalated\":" << c.escalated
              << ",\"exceptions\":{\"opened\":" << t.opened << ",\"updated\":" << t.updated
              << ",\"resolved\":" << t.resolved << ",\"reopened\":" << t.reopened << "}}\n";
  } else {
    std::cout << "swept " << c.orders << " orders and the outbound groups of " << c.partners
              << " partners; exceptions: " << t.opened << " opened, " << t.updated << " updated, "
              << t.resolved << " resolved, " << t.reopened << " reopened; " << c.waits_resumed
              << " waits resumed, " << c.escalated << " escalated\n";
  }
  return kExitOk;
}

}  // namespace ordex::app
