#pragma once
// Which handler answers a request: a table of (method, path pattern) -> handler. Patterns are
// literal segments, `{name}` segments that capture one segment, and a final `*` that captures
// the rest of the path ("/assets/*"). Of the patterns a path matches, the one with the most
// literal segments names the resource ("/api/v1/exceptions/next" over
// "/api/v1/exceptions/{id}"); among equals, the first added.
//
// A path that some route matches with another method is a 405 (with Allow); one no route
// matches is a 404. Each route names who may call it: nobody (public) or a least role.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/auth/directory.h"

namespace ordex::app::http {

class Exchange;
using Handler = std::function<void(Exchange&)>;

struct Route {
  std::string method;  // "GET", "POST", ...
  std::string pattern;
  std::optional<auth::Role> role;  // nullopt: public (no session needed)
  Handler handler;
};

using PathParams = std::vector<std::pair<std::string, std::string>>;

struct RouteMatch {
  const Route* route = nullptr;  // null: none for this method
  PathParams params;
  std::string allow;  // when route is null: the methods the path takes ("" = unknown path)
};

class Router {
 public:
  void add(Route route);
  RouteMatch match(std::string_view method, std::string_view path) const;

 private:
  struct Compiled {
    Route route;
    std::vector<std::string> segments;
  };
  static bool matches(const Compiled& c, const std::vector<std::string_view>& path,
                      PathParams& params);
  std::vector<Compiled> routes_;
};

}  // namespace ordex::app::http
