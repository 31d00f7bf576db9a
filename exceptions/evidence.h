#pragma once
// The evidence of an exception: a flat JSON object a rep (and the report) reads without
// opening EDI, e.g. {"po":"4500012345","line":"2","ordered":"10","shipped":"8"}.
// Keys keep the order they were added in, so the same condition always has the same text
// (re-detection compares it to decide whether anything changed).

#include <cstdint>
#include <string>
#include <string_view>

#include "orders/model.h"

namespace ordex::exceptions {

class Evidence {
 public:
  Evidence& add(std::string_view key, std::string_view value);
  Evidence& add(std::string_view key, const char* value) {
    return add(key, std::string_view(value));
  }
  Evidence& add(std::string_view key, std::int64_t value);
  Evidence& add(std::string_view key, orders::Decimal value);          // exact, as text ("12.5")
  Evidence& add_instant(std::string_view key, orders::Instant value);  // "2026-11-18T16:00:00Z"

  // The object's JSON text; "{}" when empty.
  std::string json() const;
  bool empty() const { return body_.empty(); }

 private:
  void key(std::string_view name);
  std::string body_;
};

}  // namespace ordex::exceptions
