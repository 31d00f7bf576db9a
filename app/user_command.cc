#include "app/user_command.h"

#include <Poco/Util/Option.h>

#include <chrono>
#include <iomanip>
#include <iostream>
#include <memory>

#include "app/auth/directory.h"
#include "orders/json_text.h"
#include "orders/store.h"
#include "orders/time_zone.h"

namespace ordex::app {

using auth::Directory;
using auth::Role;
using Poco::Util::Option;

std::string UserCommand::synopsis() const {
  return "user add|list|passwd|role|disable|enable|token|revoke --db PATH [options] [NAME] [ROLE]";
}

std::string UserCommand::description() const {
  return "Manages who may use `ordex serve`. `user add --role rep|lead|manager|admin NAME` "
         "creates a user; `user list [--format table|json]` lists them; `user passwd NAME` sets "
         "a new password (and ends the user's sessions); `user role NAME ROLE` changes the "
         "role; `user disable NAME` stops the user logging in, ends their sessions and stops "
         "their API tokens until `user enable NAME`; `user token NAME --label L` prints a new "
         "API token once (only its digest is kept); `user revoke NAME --label L` revokes it. "
         "A running daemon trusts a token it verified for up to 5 s, so a revoked or disabled "
         "token can still be taken that long after. "
         "Passwords are read from --password-file FILE, else from standard input when it is "
         "not a terminal, else prompted for twice; never from the command line. Exit code 0: "
         "done; 1: refused (no such user, user exists, password too short...); 2: a usage, "
         "configuration or database error.";
}

void UserCommand::define_options(Poco::Util::OptionSet& options) const {
  // Required, but checked in run(): Poco checks required options before --help is seen.
  options.addOption(
      Option("db", "d", "the database: a SQLite path or a postgresql:// URL").argument("PATH"));
  options.addOption(
      Option("role", "r", "add: the role, rep, lead, manager or admin").argument("ROLE"));
  options.addOption(
      Option("password-file", "p", "add, passwd: read the password from the first line of FILE")
          .argument("FILE"));
  options.addOption(Option("label", "l", "token, revoke: the token's label").argument("LABEL"));
  options.addOption(
      Option("format", "f", "list output: table (default) or json (one object per line)")
          .argument("FORMAT"));
}

namespace {

std::int64_t now_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

Role parse_role(const std::string& text) {
  const std::optional<Role> role = auth::role_from(text);
  if (!role) throw UsageError{"a role is rep, lead, manager or admin, not '" + text + "'"};
  return *role;
}

std::string require_label(const Arguments& args) {
  if (!args.has("label") || args.get("label").empty()) throw UsageError{"--label is required"};
  return args.get("label");
}

void print_users(const std::vector<auth::UserInfo>& users, bool json) {
  if (!json) {
    std::cout << std::left << std::setw(24) << "USER" << std::setw(9) << "ROLE" << std::setw(10)
              << "STATUS"
              << "CREATED\n";
  }
  for (const auth::UserInfo& u : users) {
    const std::string created = orders::format_utc(u.created_at);
    if (json) {
      std::string line = "{\"user\":";
      orders::append_json_string(line, u.user);
      line += ",\"role\":";
      orders::append_json_string(line, auth::role_name(u.role));
      line += std::string(",\"disabled\":") + (u.disabled ? "true" : "false") + ",\"created_at\":";
      orders::append_json_string(line, created);
      std::cout << line << "}\n";
    } else {
      std::cout << std::setw(24) << u.user << std::setw(9) << auth::role_name(u.role)
                << std::setw(10) << (u.disabled ? "disabled" : "active") << created << '\n';
    }
  }
}

// Which positional words each sub-verb takes after itself.
std::size_t operands(const std::string& verb) {
  if (verb == "list") return 0;
  if (verb == "role") return 2;
  if (verb == "add" || verb == "passwd" || verb == "disable" || verb == "enable" ||
      verb == "token" || verb == "revoke") {
    return 1;
  }
  throw UsageError{"unknown user command '" + verb +
                   "': expected add, list, passwd, role, disable, enable, token or revoke"};
}

// The sub-verb's work on an open directory; a refusal prints to stderr and returns 1.
int run_verb(Directory& directory, const std::string& verb, const Arguments& args) {
  const std::string user = args.positional.size() > 1 ? args.positional[1] : "";
  orders::Status status;
  if (verb == "list") {
    auto users = directory.users();
    if (!users.ok()) {
      std::cerr << "ordex user: " << users.error() << '\n';
      return kExitUsage;
    }
    print_users(users.value(), args.get("format", "table") == "json");
    return kExitOk;
  } else if (verb == "add") {
    if (!args.has("role")) throw UsageError{"--role is required"};
    const Role role = parse_role(args.get("role"));
    status = directory.add_user(user, read_new_password(args), role, now_seconds());
  } else if (verb == "passwd") {
    status = directory.set_password(user, read_new_password(args));
  } else if (verb == "role") {
    status = directory.set_role(user, parse_role(args.positional[2]));
  } else if (verb == "disable" || verb == "enable") {
    status = directory.set_disabled(user, verb == "disable");
  } else if (verb == "token") {
    auto token = directory.issue_token(user, require_label(args), now_seconds());
    if (!token.ok()) {
      std::cerr << "ordex user: " << token.error() << '\n';
      return kExitRejected;
    }
    std::cout << token.value() << '\n';
    std::cerr << "ordex user: the token is shown only now; store it safely\n";
    return kExitOk;
  } else if (verb == "revoke") {
    status = directory.revoke_tokens(user, require_label(args));
    // The daemon's token cache (app/http/token_cache.h): said here, where it matters.
    if (status.ok()) std::cerr << "ordex user: revoked; running daemons refuse it within 5 s\n";
  }
  if (!status.ok()) {
    std::cerr << "ordex user: " << status.error() << '\n';
    return kExitRejected;
  }
  return kExitOk;
}

}  // namespace

int UserCommand::run(const Arguments& args) {
  if (args.positional.empty()) throw UsageError{"expected: " + synopsis()};
  const std::string verb = args.positional[0];
  if (args.positional.size() != operands(verb) + 1) {
    throw UsageError{"wrong number of arguments for 'user " + verb + "'"};
  }
  const std::string format = args.get("format", "table");
  if (format != "table" && format != "json") {
    throw UsageError{"--format must be table or json, not '" + format + "'"};
  }
  if (args.get("db").empty()) throw UsageError{"--db is required"};
  // Before the database is opened: a bad role should not wait for a connection.
  if (verb == "role") parse_role(args.positional[2]);

  auto store = orders::Store::open(args.get("db"));
  if (!store.ok()) {
    std::cerr << "ordex user: " << store.error() << '\n';
    return kExitUsage;
  }
  auto directory = Directory::open(store.value()->database());
  if (!directory.ok()) {
    std::cerr << "ordex user: " << directory.error() << '\n';
    return kExitUsage;
  }
  return run_verb(directory.value(), verb, args);
}

}  // namespace ordex::app
