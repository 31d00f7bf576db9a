#pragma once
// A request's JSON body, checked: it parses (else 400 bad_json), it is an object, every member
// is one the route knows (else 400 unknown_field, naming it), and each member read has the
// type the route wants (else 400 bad_request). An empty body is an empty object, so actions
// without arguments take "", "{}" or nothing.

#include <Poco/JSON/Object.h>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ordex::app::http {

class Exchange;

class JsonBody {
 public:
  // `allowed` may hold "" entries (ignored), so fixed-size tables can be passed.
  JsonBody(Exchange& exchange, std::span<const std::string_view> allowed);
  JsonBody(Exchange& exchange, std::initializer_list<std::string_view> allowed)
      : JsonBody(exchange, std::span<const std::string_view>(allowed.begin(), allowed.size())) {}
  // An object nested in a body (the bulk filter), checked the same way.
  JsonBody(Poco::JSON::Object::Ptr object, std::string_view where,
           std::span<const std::string_view> allowed);

  bool has(const std::string& name) const;
  std::optional<std::string> text(const std::string& name) const;
  std::string required_text(const std::string& name) const;
  // A positive id, given as a number or a numeric string; bad_id otherwise.
  std::optional<std::int64_t> id(const std::string& name) const;
  std::int64_t required_id(const std::string& name) const;
  std::vector<std::int64_t> ids(const std::string& name) const;
  Poco::JSON::Object::Ptr object(const std::string& name) const;  // null when absent
  // The members, for passing an object on as query parameters (strings and numbers only).
  std::vector<std::pair<std::string, std::string>> as_parameters() const;

 private:
  void check_members(std::span<const std::string_view> allowed) const;
  Poco::JSON::Object::Ptr object_;
  std::string where_;  // "the body", "the filter": for messages
};

}  // namespace ordex::app::http
