#include "app/exceptions_command.h"

#include <Poco/Util/Option.h>

#include <cstdlib>
#include <iostream>
#include <set>

#include "app/clock_option.h"
#include "app/exceptions_command_verbs.h"
#include "exceptions/exception_store.h"
#include "exceptions/exceptions_config.h"
#include "orders/store.h"

namespace ordex::app {

using Poco::Util::Option;

std::string ExceptionsCommand::synopsis() const {
  return "exceptions list|show|next|claim|release|assign|note|wait|resume|resolve|reopen|merge "
         "--db PATH [--as-of ISO8601] [--user NAME] [--config FILE] [filters] [ID]";
}

std::string ExceptionsCommand::description() const {
  return "The exception work queue. list [filters]; show ID; next [filters] (claims the most "
         "urgent unclaimed open exception); claim ID; release ID; assign ID USER|unassigned "
         "(or --to USER); note ID TEXT (or --text); wait ID --until ISO8601 [--on WHO]; resume "
         "ID (or resume --due: every wait whose --until passed); resolve ID --reason TEXT; "
         "reopen ID --reason TEXT; merge ID --into ID. With --all instead of ID, claim, release, "
         "assign, note, wait, resume, resolve and reopen apply to every exception the filters "
         "match. Exit 0: done; 1: nothing to claim, claimed by someone else, not allowed in "
         "the exception's status, or some of a bulk change failed; 2: usage, configuration or "
         "database error, or an unknown id.";
}

void ExceptionsCommand::define_options(Poco::Util::OptionSet& o) const {
  auto value = [&](const char* name, const char* help, const char* arg) {
    o.addOption(Option(name, "", help).argument(arg));
  };
  auto flag = [&](const char* name, const char* help) { o.addOption(Option(name, "", help)); };
  o.addOption(
      Option("db", "d", "the database: a SQLite path or a postgresql:// URL").argument("PATH"));
  value("as-of", "'now' for SLA clocks, claims and audit times (ISO 8601)", "ISO8601");
  value("user", "who acts (default $USER)", "NAME");
  o.addOption(
      Option("config", "c", "the configuration file (SLA policies, calendars)").argument("FILE"));
  o.addOption(Option("format", "f", "table (default), json (one object per line) or csv")
                  .argument("FORMAT"));
  value("queue", "only this queue", "QUEUE");
  value("status", "active (default: open and waiting), all, open, waiting, resolved, merged",
        "STATUS");
  value("assignee", "only this user's, or 'unassigned'", "USER");
  value("type", "only this exception type (ASN_LATE, ...)", "TYPE");
  value("partner", "only this partner id", "PARTNER");
  value("severity", "only this severity (critical, high, medium, low)", "SEVERITY");
  flag("breached", "only those past an SLA due");
  flag("at-risk", "only those past their at-risk point and not yet breached");
  value("limit", "at most N", "N");
  value("offset", "skip the first N", "N");
  flag("all", "apply the change to every exception the filters match");
  value("reason", "why (resolve, reopen)", "TEXT");
  value("text", "the note", "TEXT");
  value("to", "the user to assign to ('unassigned' clears)", "USER");
  value("until", "when the wait ends (ISO 8601)", "ISO8601");
  value("on", "whom the exception waits on (default customer)", "WHO");
  value("into", "the exception to merge into", "ID");
  flag("due", "resume: every wait whose end has passed");
  value("claim-minutes", "how long a claim holds (default 30)", "N");
}

namespace {

const std::set<std::string> kVerbs = {"list", "show", "next",   "claim",   "release", "assign",
                                      "note", "wait", "resume", "resolve", "reopen",  "merge"};

// Reading the queue changes nothing, so it needs nobody to act; every other verb is audited
// with the user who did it.
std::string acting_user(const Arguments& args, const std::string& verb) {
  if (args.has("user")) return args.get("user");
  const char* env = std::getenv("USER");
  if (env != nullptr && *env != '\0') return env;
  if (verb == "list" || verb == "show") return "";
  throw UsageError{"--user NAME is required ($USER is not set)"};
}

std::int64_t claim_seconds(const Arguments& args) {
  if (!args.has("claim-minutes")) return 1800;
  const std::string v = args.get("claim-minutes");
  if (v.empty() || v.find_first_not_of("0123456789") != std::string::npos || v.size() > 6 ||
      std::stoll(v) == 0) {
    throw UsageError{"--claim-minutes '" + v + "' is not a positive number of minutes"};
  }
  return std::stoll(v) * 60;
}

int fail(const std::string& message) {
  std::cerr << "ordex exceptions: " << message << '\n';
  return kExitUsage;
}

}  // namespace

int ExceptionsCommand::run(const Arguments& args) {
  const std::string verb = args.positional.empty() ? "" : args.positional[0];
  if (kVerbs.count(verb) == 0) {
    throw UsageError{"expected a verb: " + synopsis()};
  }
  if (!args.has("db")) throw UsageError{"--db PATH is required"};
  const ListFormat format = parse_list_format(args.get("format", "table"));
  const exceptions::Instant now = now_or_as_of(args.get("as-of")).time_since_epoch().count();
  const std::string user = acting_user(args, verb);
  const std::int64_t claim = claim_seconds(args);
  auto config = exceptions::ExceptionsConfig::load_file(args.get("config"));
  if (!config.ok()) return fail("configuration: " + config.error());

  orders::StoreOptions options;
  options.must_exist = true;
  auto store = orders::Store::open(args.get("db"), options);
  if (!store.ok()) return fail("cannot open the database " + args.get("db") + ": " + store.error());
  auto ex = exceptions::ExceptionStore::open(*store.value());
  if (!ex.ok()) return fail(ex.error());
  exceptions::WorkQueue queue(ex.value(), config.value(),
                              exceptions::WorkQueueOptions{user, [now] { return now; }, claim});
  exceptions_cli::Context context{queue, ex.value(), args, format};
  if (verb == "list") return exceptions_cli::list(context);
  if (verb == "show") return exceptions_cli::show(context);
  if (verb == "next") return exceptions_cli::next(context);
  return exceptions_cli::change(context, verb);
}

}  // namespace ordex::app
