#include "app/http/exception_query.h"

#include <charconv>
#include <limits>

#include "app/http/api_error.h"

namespace ordex::app::http {

namespace {

using exceptions::ExceptionFilter;
using exceptions::StatusFilter;

ApiError bad_value(const std::string& name, const std::string& value, const std::string& want) {
  return bad_request("query parameter " + name + " must be " + want + ", not '" + value + "'");
}

std::int64_t number(const std::string& name, const std::string& value, std::int64_t lo,
                    std::int64_t hi) {
  std::int64_t n = 0;
  const char* end = value.data() + value.size();
  const auto [ptr, ec] = std::from_chars(value.data(), end, n);
  if (value.empty() || ec != std::errc() || ptr != end || n < lo || n > hi) {
    throw bad_value(name, value,
                    "a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
  }
  return n;
}

void apply_view(ExceptionFilter& f, const std::string& view, const std::string& user) {
  if (view == "mine") {
    f.mine = user;
  } else if (view == "unassigned") {
    f.assignee = exceptions::kUnassigned;
  } else if (view == "at_risk") {
    f.at_risk = true;
  } else if (view == "breached") {
    f.breached = true;
  } else if (view == "waiting") {
    f.status = StatusFilter::kWaiting;
  } else if (view != "all") {
    throw bad_value("view", view, "mine, unassigned, at_risk, breached, waiting or all");
  }
}

}  // namespace

ExceptionFilter parse_exception_query(const Parameters& parameters, const std::string& user,
                                      bool paging) {
  ExceptionFilter f;
  f.limit = paging ? kDefaultPage : 0;
  for (const auto& [name, value] : parameters) {
    if (name == "view") apply_view(f, value, user);
  }
  for (const auto& [name, value] : parameters) {
    if (name == "view") continue;
    if (name == "status") {
      const auto status = exceptions::status_filter_from(value);
      if (!status) {
        throw bad_value(name, value, "active, open, waiting, resolved, merged or all");
      }
      f.status = *status;
    } else if (name == "queue") {
      f.queue = value;
    } else if (name == "type") {
      f.type = exceptions::exception_type_from(value);
      if (!f.type) throw bad_value(name, value, "an exception type of the catalog");
    } else if (name == "partner") {
      f.partner = value;
    } else if (name == "severity") {
      f.severity = exceptions::severity_from(value);
      if (!f.severity) throw bad_value(name, value, "critical, high, medium or low");
    } else if (name == "assignee") {
      f.assignee = value;
    } else if (paging && name == "sort") {
      const auto key = exceptions::sort_key_from(value);
      if (!key) throw bad_value(name, value, "due, opened, severity or id");
      f.sort = *key;
    } else if (paging && name == "order") {
      if (value != "asc" && value != "desc") throw bad_value(name, value, "asc or desc");
      f.descending = value == "desc";
    } else if (paging && name == "limit") {
      f.limit = number(name, value, 1, kMaxPage);
    } else if (paging && name == "offset") {
      f.offset = number(name, value, 0, std::numeric_limits<std::int32_t>::max());
    } else {
      throw ApiError(400, "unknown_field", "unknown query parameter '" + name + "'");
    }
  }
  return f;
}

}  // namespace ordex::app::http
