#pragma once
// Status: success or an error message, for operations that return no value. The value-
// returning twin is edi::Result<T> (edi/result.h); both take an edi::Failure as their error,
// so `return Failure{"..."};` works in a function returning either.
//
//   Status s = store.commit();
//   if (!s.ok()) return Failure{"cannot commit: " + s.error()};

#include <cassert>
#include <optional>
#include <string>
#include <utility>

#include "edi/result.h"

namespace ordex::orders {

using edi::Failure;
using edi::Result;

class [[nodiscard]] Status {
 public:
  Status() = default;      // success
  Status(Failure failure)  // NOLINT: implicit, like Result<T>
      : error_(std::move(failure.message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return !error_.has_value(); }
  explicit operator bool() const { return ok(); }

  // Precondition: !ok().
  const std::string& error() const {
    assert(!ok());
    return *error_;
  }

 private:
  std::optional<std::string> error_;
};

// The error of a failed Result<T> as a Status, to pass it on from a function returning Status.
template <typename T>
Status status_of(const Result<T>& result) {
  return result.ok() ? Status() : Status(Failure{result.error()});
}

}  // namespace ordex::orders
