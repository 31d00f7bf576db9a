#pragma once
// The result of a work-queue operation: a value, or an error with a kind the caller acts on
// (the CLI maps kinds to exit codes: an unknown id is a usage error, a claim held by someone
// else is a refusal, a database error is an I/O error). Errors are values, as in orders/status.h.

#include <cassert>
#include <cstdint>
#include <string>
#include <utility>
#include <variant>

namespace ordex::exceptions {

enum class QueueErrc : std::uint8_t {
  kNotFound,  // no exception with that id
  kConflict,  // someone else holds an unexpired claim
  kInvalid,   // not allowed in the exception's status, or a bad argument (wait in the past, ...)
  kDatabase,  // the store failed; the transaction was rolled back
};

struct QueueFailure {
  QueueErrc code = QueueErrc::kDatabase;
  std::string message;
};

template <typename T>
class [[nodiscard]] QueueResult {
 public:
  QueueResult(T value) : state_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit
  QueueResult(QueueFailure failure)                                           // NOLINT: implicit
      : state_(std::in_place_index<1>, std::move(failure)) {}

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  // Precondition: ok().
  const T& value() const& {
    assert(ok());
    return std::get<0>(state_);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(state_));
  }

  // Precondition: !ok().
  const std::string& error() const { return failure().message; }
  QueueErrc code() const { return failure().code; }
  const QueueFailure& failure() const {
    assert(!ok());
    return std::get<1>(state_);
  }

 private:
  std::variant<T, QueueFailure> state_;
};

}  // namespace ordex::exceptions
