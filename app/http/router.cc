#include "app/http/router.h"

namespace ordex::app::http {

namespace {

// "/a/b/" -> {"a", "b"}: empty segments (a doubled or trailing slash) are dropped.
template <typename Out>
std::vector<Out> split(std::string_view path) {
  std::vector<Out> out;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    if (end > start) out.emplace_back(path.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

}  // namespace

void Router::add(Route route) {
  Compiled c{std::move(route), {}};
  c.segments = split<std::string>(c.route.pattern);
  routes_.push_back(std::move(c));
}

bool Router::matches(const Compiled& c, const std::vector<std::string_view>& path,
                     PathParams& params) {
  params.clear();
  const auto& pattern = c.segments;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const std::string& want = pattern[i];
    if (want == "*") {
      if (i >= path.size()) return false;  // "/assets/" alone names no asset
      std::string rest;
      for (std::size_t j = i; j < path.size(); ++j) {
        if (j > i) rest += '/';
        rest += path[j];
      }
      params.emplace_back("*", std::move(rest));
      return true;
    }
    if (i >= path.size()) return false;
    if (want.size() > 2 && want.front() == '{' && want.back() == '}') {
      params.emplace_back(want.substr(1, want.size() - 2), std::string(path[i]));
    } else if (want != path[i]) {
      return false;
    }
  }
  return pattern.size() == path.size();
}

// The path names the resource of the matching pattern with the most literal segments
// ("/exceptions/next" over "/exceptions/{id}"), whatever the method: a GET of
// /api/v1/exceptions/next is a 405 for the POST-only `next`, not a bad exception id.
RouteMatch Router::match(std::string_view method, std::string_view path) const {
  const std::vector<std::string_view> segments = split<std::string_view>(path);
  const auto literals = [](const Compiled& c) {
    std::size_t n = 0;
    for (const std::string& s : c.segments) n += s != "*" && s.front() != '{';
    return n;
  };
  PathParams params;
  const Compiled* resource = nullptr;
  for (const Compiled& c : routes_) {
    if (matches(c, segments, params) &&
        (resource == nullptr || literals(c) > literals(*resource))) {
      resource = &c;
    }
  }
  RouteMatch out;
  if (resource == nullptr) return out;
  for (const Compiled& c : routes_) {
    if (c.segments != resource->segments) continue;
    if (c.route.method == method || (method == "HEAD" && c.route.method == "GET")) {
      out.route = &c.route;
      (void)matches(c, segments, out.params);
      return out;
    }
    if (out.allow.find(c.route.method) == std::string::npos) {
      out.allow += (out.allow.empty() ? "" : ", ") + c.route.method;
    }
  }
  return out;
}

}  // namespace ordex::app::http
