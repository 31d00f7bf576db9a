// The filter and id arguments of `ordex exceptions`.
#include <string>

#include "app/exceptions_command_verbs.h"

namespace ordex::app::exceptions_cli {

namespace {

std::int64_t number(const std::string& option, const std::string& value) {
  if (value.empty() || value.size() > 15 ||
      value.find_first_not_of("0123456789") != std::string::npos) {
    throw UsageError{option + " '" + value + "' is not a number"};
  }
  return std::stoll(value);
}

}  // namespace

exceptions::ExceptionFilter filter_from(const Arguments& args) {
  exceptions::ExceptionFilter f;
  f.queue = args.get("queue");
  f.partner = args.get("partner");
  f.assignee = args.get("assignee");
  if (args.has("status")) {
    auto s = exceptions::status_filter_from(args.get("status"));
    if (!s) {
      throw UsageError{"--status '" + args.get("status") +
                       "': expected active, all, open, waiting, resolved or merged"};
    }
    f.status = *s;
  }
  if (args.has("type")) {
    f.type = exceptions::exception_type_from(args.get("type"));
    if (!f.type) throw UsageError{"--type '" + args.get("type") + "' is not an exception type"};
  }
  if (args.has("severity")) {
    f.severity = exceptions::severity_from(args.get("severity"));
    if (!f.severity) {
      throw UsageError{"--severity '" + args.get("severity") +
                       "': expected critical, high, medium or low"};
    }
  }
  f.breached = args.has("breached");
  f.at_risk = args.has("at-risk");
  if (args.has("limit")) f.limit = number("--limit", args.get("limit"));
  if (args.has("offset")) f.offset = number("--offset", args.get("offset"));
  return f;
}

std::int64_t id_argument(const Arguments& args) {
  if (args.positional.size() < 2) {
    throw UsageError{"exceptions " + args.positional[0] + " needs an exception ID"};
  }
  return number("ID", args.positional[1]);
}

}  // namespace ordex::app::exceptions_cli
