#include "edi/json_reader.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Parser.h>

#include "edi/schema.h"

namespace ordex::edi::detail {

void JsonReader::fail(const std::string& path, const std::string& message) {
  if (error_.empty()) error_ = file_ + ": " + path + ": " + message;
}

JsonObject JsonReader::object(const JsonValue& value, const std::string& path) {
  if (value.type() == typeid(JsonObject)) return value.extract<JsonObject>();
  fail(path, "expected an object");
  return {};
}

JsonArray JsonReader::array(const JsonValue& value, const std::string& path) {
  if (value.type() == typeid(JsonArray)) return value.extract<JsonArray>();
  fail(path, "expected an array");
  return {};
}

std::string JsonReader::string(const JsonValue& value, const std::string& path) {
  if (value.isString()) return value.extract<std::string>();
  fail(path, "expected a string");
  return {};
}

bool JsonReader::boolean(const JsonValue& value, const std::string& path) {
  if (value.isBoolean()) return value.convert<bool>();
  fail(path, "expected true or false");
  return false;
}

std::uint32_t JsonReader::integer(const JsonValue& value, const std::string& path,
                                  std::uint32_t limit) {
  if (value.isInteger()) {
    const auto n = value.convert<Poco::Int64>();
    if (n >= 0 && n <= static_cast<Poco::Int64>(limit)) return static_cast<std::uint32_t>(n);
  }
  fail(path, "expected an integer from 0 to " + std::to_string(limit));
  return 0;
}

std::uint32_t JsonReader::count(const JsonValue& value, const std::string& path) {
  if (value.isString() && value.extract<std::string>() == ">1") return kUnbounded;
  if (value.isInteger()) {
    const auto n = value.convert<Poco::Int64>();
    if (n >= 1 && n < static_cast<Poco::Int64>(kUnbounded)) return static_cast<std::uint32_t>(n);
  }
  fail(path, "expected a positive integer or \">1\"");
  return 1;
}

std::vector<std::string> JsonReader::strings(const JsonValue& value, const std::string& path) {
  std::vector<std::string> out;
  const JsonArray list = array(value, path);
  if (!list) return out;
  for (std::size_t i = 0; i < list->size(); ++i) {
    out.push_back(string(list->get(static_cast<unsigned>(i)), json_path(path, i)));
  }
  return out;
}

JsonValue JsonReader::member(const JsonObject& object, const std::string& key,
                             const std::string& path, bool required) {
  if (object && object->has(key)) return object->get(key);
  if (required) fail(json_path(path, key), "missing");
  return {};
}

std::string json_path(const std::string& parent, const std::string& key) {
  return parent + "." + key;
}

std::string json_path(const std::string& parent, std::size_t index) {
  return parent + "[" + std::to_string(index) + "]";
}

JsonObject parse_json_object(const std::string& text, std::string& error) {
  // The loader boundary: Poco reports malformed JSON by throwing.
  try {
    Poco::JSON::Parser parser;
    parser.setAllowComments(true);
    const JsonValue root = parser.parse(text);
    if (root.type() == typeid(JsonObject)) return root.extract<JsonObject>();
    error = "the document is not a JSON object";
  } catch (const Poco::Exception& e) {
    error = "malformed JSON: " + e.displayText();
  } catch (const std::exception& e) {
    error = std::string("malformed JSON: ") + e.what();
  }
  return {};
}

}  // namespace ordex::edi::detail
