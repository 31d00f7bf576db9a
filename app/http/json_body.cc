#include "app/http/json_body.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>

#include "app/http/api_error.h"
#include "app/http/exchange.h"

namespace ordex::app::http {

namespace {

ApiError wrong_type(const std::string& where, const std::string& name, const char* want) {
  return bad_request("'" + name + "' in " + where + " must be " + want);
}

std::int64_t as_id(const Poco::Dynamic::Var& value, const std::string& name) {
  if (value.isString()) return parse_id(name, value.extract<std::string>());
  if (value.isInteger()) {
    const auto id = value.convert<Poco::Int64>();
    if (id > 0) return id;
  }
  throw bad_id(name, value.isEmpty() ? "null" : value.convert<std::string>());
}

}  // namespace

JsonBody::JsonBody(Exchange& exchange, std::span<const std::string_view> allowed)
    : where_("the body") {
  const std::string& text = exchange.body();
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    object_ = new Poco::JSON::Object;
    return;
  }
  Poco::Dynamic::Var parsed;
  try {
    Poco::JSON::Parser parser;
    parsed = parser.parse(text);
  } catch (const Poco::Exception& e) {
    throw ApiError(400, "bad_json", "the body is not valid JSON: " + e.message());
  } catch (const std::exception& e) {
    throw ApiError(400, "bad_json", std::string("the body is not valid JSON: ") + e.what());
  }
  if (parsed.type() != typeid(Poco::JSON::Object::Ptr)) {
    throw ApiError(400, "bad_json", "the body must be a JSON object");
  }
  object_ = parsed.extract<Poco::JSON::Object::Ptr>();
  check_members(allowed);
}

JsonBody::JsonBody(Poco::JSON::Object::Ptr object, std::string_view where,
                   std::span<const std::string_view> allowed)
    : object_(std::move(object)), where_(where) {
  check_members(allowed);
}

void JsonBody::check_members(std::span<const std::string_view> allowed) const {
  for (const std::string& name : object_->getNames()) {
    const auto known = [&](std::string_view a) { return !a.empty() && a == name; };
    if (std::none_of(allowed.begin(), allowed.end(), known)) {
      throw ApiError(400, "unknown_field", "unknown field '" + name + "' in " + where_);
    }
  }
}

bool JsonBody::has(const std::string& name) const {
  return object_->has(name) && !object_->isNull(name);
}

std::optional<std::string> JsonBody::text(const std::string& name) const {
  if (!has(name)) return std::nullopt;
  const Poco::Dynamic::Var value = object_->get(name);
  if (!value.isString()) throw wrong_type(where_, name, "a string");
  return value.extract<std::string>();
}

std::string JsonBody::required_text(const std::string& name) const {
  std::optional<std::string> value = text(name);
  if (!value) throw bad_request("'" + name + "' is required in " + where_);
  return *value;
}

std::optional<std::int64_t> JsonBody::id(const std::string& name) const {
  if (!has(name)) return std::nullopt;
  return as_id(object_->get(name), name);
}

std::int64_t JsonBody::required_id(const std::string& name) const {
  std::optional<std::int64_t> value = id(name);
  if (!value) throw bad_request("'" + name + "' is required in " + where_);
  return *value;
}

std::vector<std::int64_t> JsonBody::ids(const std::string& name) const {
  std::vector<std::int64_t> out;
  if (!has(name)) return out;
  Poco::JSON::Array::Ptr array = object_->getArray(name);
  if (!array) throw wrong_type(where_, name, "an array of ids");
  for (std::size_t i = 0; i < array->size(); ++i)
    out.push_back(as_id(array->get(static_cast<unsigned>(i)), name));
  return out;
}

Poco::JSON::Object::Ptr JsonBody::object(const std::string& name) const {
  if (!has(name)) return nullptr;
  Poco::JSON::Object::Ptr found = object_->getObject(name);
  if (!found) throw wrong_type(where_, name, "an object");
  return found;
}

std::vector<std::pair<std::string, std::string>> JsonBody::as_parameters() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (const std::string& name : object_->getNames()) {
    const Poco::Dynamic::Var value = object_->get(name);
    if (value.isEmpty()) continue;
    if (!value.isString() && !value.isNumeric()) {
      throw wrong_type(where_, name, "a string or a number");
    }
    out.emplace_back(name, value.convert<std::string>());
  }
  return out;
}

}  // namespace ordex::app::http
