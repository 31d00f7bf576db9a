#pragma once
// Private to the schema loader: typed access to a parsed JSON document that remembers the
// first problem with the file name and JSON path ("x12/004010/850.json: $.structure[3].max:
// expected a number or \">1\""), so load code reads straight through and checks failed()
// where it matters. Never throws.

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <cstdint>
#include <string>
#include <vector>

namespace ordex::edi::detail {

using JsonObject = Poco::JSON::Object::Ptr;
using JsonArray = Poco::JSON::Array::Ptr;
using JsonValue = Poco::Dynamic::Var;

class JsonReader {
 public:
  explicit JsonReader(std::string file) : file_(std::move(file)) {}

  const std::string& file() const { return file_; }
  bool failed() const { return !error_.empty(); }
  const std::string& error() const { return error_; }

  // Records a problem at `path`; only the first one is kept.
  void fail(const std::string& path, const std::string& message);

  // Each accessor returns an empty value and records a problem when `value` has the wrong
  // type; `path` names `value` for the message.
  JsonObject object(const JsonValue& value, const std::string& path);
  JsonArray array(const JsonValue& value, const std::string& path);
  std::string string(const JsonValue& value, const std::string& path);
  bool boolean(const JsonValue& value, const std::string& path);
  // A non-negative integer up to `limit`.
  std::uint32_t integer(const JsonValue& value, const std::string& path, std::uint32_t limit);
  // A repeat count: a positive integer, or ">1" for unbounded (kUnbounded).
  std::uint32_t count(const JsonValue& value, const std::string& path);
  std::vector<std::string> strings(const JsonValue& value, const std::string& path);

  // Member `key` of `object`; records "missing" when required and absent.
  JsonValue member(const JsonObject& object, const std::string& key, const std::string& path,
                   bool required = true);

 private:
  std::string file_;
  std::string error_;
};

// "$.a" + "b" -> "$.a.b"; "$.a" + 3 -> "$.a[3]".
std::string json_path(const std::string& parent, const std::string& key);
std::string json_path(const std::string& parent, std::size_t index);

// Parses `text`; on failure returns null and sets `error` to Poco's message.
JsonObject parse_json_object(const std::string& text, std::string& error);

}  // namespace ordex::edi::detail
