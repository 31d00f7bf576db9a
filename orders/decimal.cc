#include "orders/decimal.h"

#include <cstdint>
#include <limits>

namespace ordex::orders {

namespace {

constexpr std::int64_t kScale = 10000;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Accumulates digits into `value` (non-negative); false on overflow.
bool add_digit(std::int64_t& value, char digit) {
  const std::int64_t d = digit - '0';
  if (value > (std::numeric_limits<std::int64_t>::max() - d) / 10) return false;
  value = value * 10 + d;
  return true;
}

}  // namespace

std::optional<Decimal> parse_decimal(std::string_view text) {
  bool negative = false;
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
    negative = text[0] == '-';
    text.remove_prefix(1);
  }
  const std::size_t point = text.find('.');
  const std::string_view whole = text.substr(0, point);
  const std::string_view fraction =
      point == std::string_view::npos ? std::string_view() : text.substr(point + 1);
  if (whole.empty() && fraction.empty()) return std::nullopt;
  if (fraction.size() > 4) return std::nullopt;
  std::int64_t value = 0;
  for (char c : whole) {
    if (!is_digit(c) || !add_digit(value, c)) return std::nullopt;
  }
  for (std::size_t i = 0; i < 4; ++i) {
    const char c = i < fraction.size() ? fraction[i] : '0';
    if (!is_digit(c) || !add_digit(value, c)) return std::nullopt;
  }
  return Decimal{negative ? -value : value};
}

std::string to_string(Decimal value) {
  const bool negative = value.e4 < 0;
  // Work in unsigned so that the most negative value does not overflow.
  const std::uint64_t magnitude =
      negative ? 0 - static_cast<std::uint64_t>(value.e4) : static_cast<std::uint64_t>(value.e4);
  std::string out = (negative ? "-" : "") + std::to_string(magnitude / kScale);
  std::string fraction = std::to_string(magnitude % kScale + kScale).substr(1);
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  if (!fraction.empty()) out += "." + fraction;
  return out;
}

}  // namespace ordex::orders
