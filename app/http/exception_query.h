#pragma once
// The work queue's query parameters (GET /api/v1/exceptions, and the bulk action's "filter")
// as an ExceptionFilter:
//   view    = mine | unassigned | at_risk | breached | waiting | all   (absent: all active)
//   status  = active | open | waiting | resolved | merged | all        (default active)
//   queue, type, partner, severity, assignee ("unassigned" = nobody)
//   sort    = due | opened | severity | id ; order = asc | desc
//   limit   = 1..500 (default 50) ; offset >= 0
// The view sets the filter first; explicit parameters then narrow or override it. An unknown
// parameter is 400 unknown_field and a bad value 400 bad_request, each naming the parameter.

#include <string>
#include <utility>
#include <vector>

#include "exceptions/exception_filter.h"

namespace ordex::app::http {

using Parameters = std::vector<std::pair<std::string, std::string>>;

inline constexpr std::int64_t kDefaultPage = 50;
inline constexpr std::int64_t kMaxPage = 500;

// `user` is who "mine" means. `paging`: limit/offset/sort are accepted (a listing) or refused
// (the bulk filter, which acts on every match).
exceptions::ExceptionFilter parse_exception_query(const Parameters& parameters,
                                                  const std::string& user, bool paging);

}  // namespace ordex::app::http
