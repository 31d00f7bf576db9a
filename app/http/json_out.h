#pragma once
// A compact JSON object or array written straight into a string, members in the order they are
// added (the API's bodies, like the CLI's JSON lines, are written without a DOM). Values that
// are already JSON (an exception's line, a stored evidence object) go in with raw().
//
//   JsonOut o('{');
//   o.key("items").raw(items);
//   o.key("next_offset").null();
//   std::string body = o.close();

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "orders/json_text.h"

namespace ordex::app::http {

class JsonOut {
 public:
  explicit JsonOut(char open) : close_(open == '{' ? '}' : ']') { out_ += open; }

  JsonOut& key(std::string_view name) {
    comma();
    orders::append_json_string(out_, name);
    out_ += ':';
    pending_value_ = true;
    return *this;
  }
  JsonOut& string(std::string_view value) {
    comma();
    orders::append_json_string(out_, value);
    return *this;
  }
  JsonOut& integer(std::int64_t value) {
    comma();
    out_ += std::to_string(value);
    return *this;
  }
  JsonOut& boolean(bool value) {
    comma();
    out_ += value ? "true" : "false";
    return *this;
  }
  JsonOut& null() {
    comma();
    out_ += "null";
    return *this;
  }
  JsonOut& raw(std::string_view json) {
    comma();
    out_ += json;
    return *this;
  }
  JsonOut& optional(const std::optional<std::int64_t>& value) {
    return value ? integer(*value) : null();
  }
  // Closes the object or array and hands its text over.
  std::string close() {
    out_ += close_;
    return std::move(out_);
  }

 private:
  // A value right after its key takes no comma; any other item after the first does.
  void comma() {
    if (pending_value_) {
      pending_value_ = false;
      return;
    }
    if (!first_) out_ += ',';
    first_ = false;
  }

  std::string out_;
  char close_;
  bool first_ = true;
  bool pending_value_ = false;
};

}  // namespace ordex::app::http
