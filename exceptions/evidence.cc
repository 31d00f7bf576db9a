#include "exceptions/evidence.h"

#include "orders/decimal.h"
#include "orders/json_text.h"
#include "orders/time_zone.h"

namespace ordex::exceptions {

void Evidence::key(std::string_view name) {
  if (!body_.empty()) body_ += ',';
  orders::append_json_string(body_, name);
  body_ += ':';
}

Evidence& Evidence::add(std::string_view name, std::string_view value) {
  key(name);
  orders::append_json_string(body_, value);
  return *this;
}

Evidence& Evidence::add(std::string_view name, std::int64_t value) {
  key(name);
  body_ += std::to_string(value);
  return *this;
}

// Decimals are strings: JSON numbers would invite binary floating point on the reading side.
Evidence& Evidence::add(std::string_view name, orders::Decimal value) {
  return add(name, std::string_view(orders::to_string(value)));
}

Evidence& Evidence::add_instant(std::string_view name, orders::Instant value) {
  return add(name, std::string_view(orders::format_utc(value)));
}

std::string Evidence::json() const { return "{" + body_ + "}"; }

}  // namespace ordex::exceptions
