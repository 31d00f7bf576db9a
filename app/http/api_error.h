#pragma once
// The API's errors. A handler throws ApiError (app/ code may throw, as the CLI verbs throw
// UsageError); the dispatcher catches it and answers with the contract's body
//   {"error":{"code":"<slug>","message":"..."}}
// and its status. Library errors arrive as values (QueueResult, Result) and are turned into an
// ApiError here, in one place, so every route maps them the same way.

#include <exception>
#include <string>
#include <string_view>

#include "exceptions/work_queue_result.h"

namespace ordex::app::http {

class ApiError : public std::exception {
 public:
  ApiError(int status, std::string code, std::string message)
      : status_(status), code_(std::move(code)), message_(std::move(message)) {}

  int status() const { return status_; }
  const std::string& code() const { return code_; }
  const std::string& message() const { return message_; }
  const char* what() const noexcept override { return message_.c_str(); }

 private:
  int status_;
  std::string code_;
  std::string message_;
};

ApiError bad_request(std::string message);                       // 400 bad_request
ApiError bad_id(std::string_view what, std::string_view value);  // 400 bad_id
ApiError not_found(std::string message);                         // 404 not_found
ApiError forbidden(std::string message);                         // 403 forbidden
// 503 unavailable: the database failed; the client may retry (the response says when).
ApiError unavailable(std::string_view detail);

// kNotFound -> 404 not_found, kConflict -> 409 conflict, kInvalid -> 409 invalid_state,
// kDatabase -> 503 unavailable.
ApiError queue_error(const exceptions::QueueFailure& failure);

// The error body.
std::string error_json(std::string_view code, std::string_view message);

// A positive decimal id from a path or a body ("12"); bad_id otherwise.
std::int64_t parse_id(std::string_view what, std::string_view text);

}  // namespace ordex::app::http
