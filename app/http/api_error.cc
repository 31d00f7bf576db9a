#include "app/http/api_error.h"

#include <charconv>

#include "orders/json_text.h"

namespace ordex::app::http {

ApiError bad_request(std::string message) { return {400, "bad_request", std::move(message)}; }

ApiError bad_id(std::string_view what, std::string_view value) {
  return {400, "bad_id",
          std::string(what) + " must be a positive whole number, not '" + std::string(value) + "'"};
}

ApiError not_found(std::string message) { return {404, "not_found", std::move(message)}; }

ApiError forbidden(std::string message) { return {403, "forbidden", std::move(message)}; }

ApiError unavailable(std::string_view detail) {
  return {503, "unavailable",
          "the database is unavailable; retry in a few seconds (" + std::string(detail) + ")"};
}

ApiError queue_error(const exceptions::QueueFailure& failure) {
  switch (failure.code) {
    case exceptions::QueueErrc::kNotFound:
      return not_found(failure.message);
    case exceptions::QueueErrc::kConflict:
      return {409, "conflict", failure.message};
    case exceptions::QueueErrc::kInvalid:
      return {409, "invalid_state", failure.message};
    case exceptions::QueueErrc::kDatabase:
      break;
  }
  return unavailable(failure.message);
}

std::string error_json(std::string_view code, std::string_view message) {
  std::string out = "{\"error\":{\"code\":";
  orders::append_json_string(out, code);
  out += ",\"message\":";
  orders::append_json_string(out, message);
  return out + "}}";
}

std::int64_t parse_id(std::string_view what, std::string_view text) {
  std::int64_t id = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, id);
  if (text.empty() || ec != std::errc() || ptr != end || id <= 0) throw bad_id(what, text);
  return id;
}

}  // namespace ordex::app::http
