#pragma once
// Result<T>: a value or an error message, the error convention of the core (C++20 has no
// std::expected). Errors are values: nothing under edi/ throws across its API; code at the
// edges (Poco, the filesystem) catches and returns a Result instead.
//
//   Result<Registry> r = load(...);
//   if (!r.ok()) return Failure{"cannot load: " + r.error()};
//   use(r.value());

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace ordex::edi {

// The error side of a Result; converts to any Result<T>.
struct Failure {
  std::string message;
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit
  Result(Failure failure)                                                // NOLINT: implicit
      : state_(std::in_place_index<1>, std::move(failure.message)) {}

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  // Precondition: ok().
  const T& value() const& {
    assert(ok());
    return std::get<0>(state_);
  }
  T& value() & {
    assert(ok());
    return std::get<0>(state_);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(state_));
  }

  // Precondition: !ok().
  const std::string& error() const {
    assert(!ok());
    return std::get<1>(state_);
  }

 private:
  std::variant<T, std::string> state_;
};

}  // namespace ordex::edi
