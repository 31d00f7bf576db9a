#include "orders/mapping/values.h"

#include <cstdint>
#include <limits>

namespace ordex::orders {
namespace {

constexpr std::int64_t kScale = 10000;
// Integer part bound that keeps value * 10^4 (+ rounding) inside int64.
constexpr std::int64_t kMaxWhole = std::numeric_limits<std::int64_t>::max() / kScale - 1;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads the leading sign; returns -1 or +1 and advances `at`.
int read_sign(std::string_view text, std::size_t& at) {
  if (at < text.size() && (text[at] == '-' || text[at] == '+')) return text[at++] == '-' ? -1 : 1;
  return 1;
}

}  // namespace

std::optional<Decimal> parse_edi_decimal(std::string_view text, bool comma_decimal) {
  std::size_t at = 0;
  const int sign = read_sign(text, at);
  std::int64_t whole = 0;
  std::int64_t fraction = 0;  // the first four decimals
  int decimals = 0;
  bool round_up = false, any_digit = false, in_fraction = false;
  for (; at < text.size(); ++at) {
    const char c = text[at];
    if (c == '.' || (comma_decimal && c == ',')) {
      if (in_fraction) return std::nullopt;
      in_fraction = true;
      continue;
    }
    if (!is_digit(c)) return std::nullopt;
    any_digit = true;
    if (!in_fraction) {
      whole = whole * 10 + (c - '0');
      if (whole > kMaxWhole) return std::nullopt;
    } else if (decimals < 4) {
      fraction = fraction * 10 + (c - '0');
      ++decimals;
    } else if (decimals++ == 4) {
      round_up = c >= '5';
    }
  }
  if (!any_digit) return std::nullopt;
  for (int d = decimals; d < 4; ++d) fraction *= 10;
  const std::int64_t magnitude = whole * kScale + fraction + (round_up ? 1 : 0);
  return Decimal{sign * magnitude};
}

std::optional<Decimal> parse_implied_decimal(std::string_view text, int places) {
  std::size_t at = 0;
  const int sign = read_sign(text, at);
  if (at == text.size() || places < 0 || places > 4) return std::nullopt;
  std::int64_t value = 0;
  for (; at < text.size(); ++at) {
    if (!is_digit(text[at])) return std::nullopt;
    value = value * 10 + (text[at] - '0');
    if (value > kMaxWhole) return std::nullopt;
  }
  for (int p = places; p < 4; ++p) value *= 10;
  return Decimal{sign * value};
}

namespace {

// A date with an optional time: `date_len` digits (6 or 8) then `time_len` (0, 4 or 6).
bool read_stamp(std::string_view v, std::size_t date_len, std::size_t time_len, CivilTime& out) {
  if (v.size() != date_len + time_len) return false;
  std::optional<CivilTime> t = parse_edi_date(v.substr(0, date_len));
  if (!t) return false;
  if (time_len > 0 && !parse_edi_time(v.substr(date_len), *t)) return false;
  out = *t;
  return true;
}

struct Format {
  std::string_view code;
  std::size_t date_len;
  std::size_t time_len;
  bool range;
};

constexpr Format kFormats[] = {
    {"101", 6, 0, false}, {"102", 8, 0, false}, {"201", 6, 4, false}, {"202", 6, 6, false},
    {"203", 8, 4, false}, {"204", 8, 6, false}, {"718", 8, 0, true},  {"719", 8, 4, true},
};

}  // namespace

edi::Result<EdifactDateTime> parse_edifact_datetime(std::string_view value,
                                                    std::string_view format) {
  if (format.empty()) format = "102";
  for (const Format& f : kFormats) {
    if (f.code != format) continue;
    EdifactDateTime out;
    out.has_time = f.time_len > 0;
    const std::size_t len = f.date_len + f.time_len;
    bool ok = false;
    if (f.range) {
      ok = value.size() == 2 * len + 1 && value[len] == '-' &&
           read_stamp(value.substr(0, len), f.date_len, f.time_len, out.first) &&
           read_stamp(value.substr(len + 1), f.date_len, f.time_len, out.last);
    } else {
      ok = read_stamp(value, f.date_len, f.time_len, out.first);
      out.last = out.first;
    }
    if (!ok) {
      return edi::Failure{"'" + std::string(value) + "' is not a date in format " +
                          std::string(format)};
    }
    return out;
  }
  return edi::Failure{"date format " + std::string(format) + " is not one ordex reads"};
}

Instant instant_of(const CivilTime& t, bool has_time, const TimeZone& zone) {
  if (has_time) return zone.to_instant(t);
  CivilTime noon = t;
  noon.hour = 12;
  noon.minute = noon.second = 0;
  return zone.to_instant(noon);
}

}  // namespace ordex::orders
