#include "reports/number_format.h"

#include <cmath>
#include <cstdio>

#include "orders/decimal.h"
#include "orders/time_zone.h"

namespace ordex::reports {

namespace {

std::string integer_text(double value) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(std::llround(value)));
  return buf;
}

}  // namespace

std::string fixed1(double value) {
  // Rounded to tenths first so that -0.04 does not print as "-0.0".
  double tenths = std::round(value * 10.0);
  if (tenths == 0.0) tenths = 0.0;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.1f", tenths / 10.0);
  return buf;
}

std::string figure_text(std::optional<double> value, Unit unit, bool average,
                        const std::string& missing) {
  if (!value) return missing;
  if (unit == Unit::kCount && !average) return integer_text(*value);
  return fixed1(*value);
}

std::string delta_text(std::optional<double> today, std::optional<double> reference, Unit unit) {
  if (!today || !reference) return "";
  const double d = *today - *reference;
  const bool whole = unit == Unit::kCount && d == std::floor(d);
  std::string text = whole ? integer_text(d) : fixed1(d);
  // Concatenation, not insert(0, ...): GCC 12 at -O2 reports a false -Wrestrict on the latter.
  if (text != "0" && text != "0.0" && text[0] != '-') return "+" + text;
  return text;
}

std::string amount_text(const Ratio& ratio, std::int64_t amount) {
  if (ratio.decimal) return orders::to_string(orders::Decimal{amount});
  return std::to_string(amount);
}

std::string utc_text(orders::Instant t) { return orders::format_utc(t); }

std::string utc_stamp(orders::Instant t) {
  std::string s;
  for (char c : orders::format_utc(t)) {
    if (c != '-' && c != ':') s += c;
  }
  return s;
}

}  // namespace ordex::reports
