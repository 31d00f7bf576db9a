#include "exceptions/sla_config_values.h"

#include <Poco/Util/AbstractConfiguration.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

#include "orders/time_zone.h"

namespace ordex::exceptions::config {
namespace {

std::string_view trim(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return out;
}

// "HH:MM" as minutes after midnight, 00:00 to 24:00.
std::optional<int> clock_minutes(std::string_view t) {
  t = trim(t);
  if (t.size() != 5 || t[2] != ':') return std::nullopt;
  for (std::size_t i : {0, 1, 3, 4}) {
    if (t[i] < '0' || t[i] > '9') return std::nullopt;
  }
  const int h = (t[0] - '0') * 10 + (t[1] - '0');
  const int m = (t[3] - '0') * 10 + (t[4] - '0');
  if (m > 59 || h > 24 || (h == 24 && m != 0)) return std::nullopt;
  return h * 60 + m;
}

}  // namespace

std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> items;
  while (true) {
    const std::size_t comma = text.find(',');
    const std::string_view item = trim(text.substr(0, comma));
    if (!item.empty()) items.emplace_back(item);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return items;
}

std::optional<int> weekday_from(std::string_view name) {
  static constexpr std::array<std::string_view, 7> kNames = {
      "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};
  const std::string n = lower(trim(name));
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    if (n == kNames[i] || n == kNames[i].substr(0, 3)) return static_cast<int>(i);
  }
  return std::nullopt;
}

edi::Result<std::vector<int>> parse_weekdays(std::string_view text) {
  std::vector<int> days;
  for (const std::string& item : split_list(text)) {
    const std::size_t dash = item.find('-');
    const std::optional<int> first = weekday_from(item.substr(0, dash));
    const std::optional<int> last =
        dash == std::string::npos ? first : weekday_from(item.substr(dash + 1));
    if (!first || !last) {
      return edi::Failure{"unknown weekday '" + item + "' (Mon, Tue, Wed, Thu, Fri, Sat, Sun)"};
    }
    for (int d = *first;; d = (d + 1) % 7) {
      if (std::find(days.begin(), days.end(), d) == days.end()) days.push_back(d);
      if (d == *last) break;
    }
  }
  return days;
}

edi::Result<WorkingHours> parse_hours(std::string_view text) {
  const std::size_t dash = text.find('-');
  const std::optional<int> open = clock_minutes(text.substr(0, dash));
  const std::optional<int> close =
      dash == std::string_view::npos ? std::nullopt : clock_minutes(text.substr(dash + 1));
  if (!open || !close || *open >= *close) {
    return edi::Failure{"'" + std::string(text) + "' is not HH:MM-HH:MM with open before close"};
  }
  return WorkingHours{*open, *close};
}

edi::Result<boost::gregorian::date> parse_date(std::string_view text) {
  const std::optional<orders::CivilTime> day = orders::parse_iso_day(trim(text));
  if (!day) return edi::Failure{"'" + std::string(text) + "' is not a YYYY-MM-DD date"};
  return boost::gregorian::date(static_cast<unsigned short>(day->year),
                                static_cast<unsigned short>(day->month),
                                static_cast<unsigned short>(day->day));
}

edi::Result<double> parse_fraction(std::string_view text, double max) {
  const std::string_view t = trim(text);
  double value = 0;
  const auto [end, ec] =
      std::from_chars(t.data(), t.data() + t.size(), value, std::chars_format::fixed);
  if (t.empty() || ec != std::errc() || end != t.data() + t.size() || !(value > 0) || value > max) {
    return edi::Failure{"'" + std::string(text) + "' is not a fraction above 0 and at most " +
                        std::to_string(static_cast<int>(max))};
  }
  return value;
}

edi::Result<bool> parse_bool(std::string_view text) {
  const std::string t = lower(trim(text));
  if (t == "true" || t == "yes" || t == "on") return true;
  if (t == "false" || t == "no" || t == "off") return false;
  return edi::Failure{"'" + std::string(text) + "' is not true or false"};
}

edi::Result<std::vector<EscalationLevel>> parse_escalation(std::string_view text) {
  std::vector<EscalationLevel> levels;
  if (lower(trim(text)) == "none") return levels;
  for (const std::string& item : split_list(text)) {
    const std::size_t colon = item.find(':');
    const std::string name =
        colon == std::string::npos ? "" : std::string(trim(item.substr(colon + 1)));
    if (name.empty()) return edi::Failure{"'" + item + "' is not fraction:level"};
    edi::Result<double> fraction = parse_fraction(item.substr(0, colon), 10.0);
    if (!fraction.ok()) return edi::Failure{fraction.error()};
    levels.push_back({fraction.value(), name});
  }
  if (levels.empty()) return edi::Failure{"no level (write 'none' for no escalation)"};
  std::sort(levels.begin(), levels.end(),
            [](const auto& a, const auto& b) { return a.fraction < b.fraction; });
  for (std::size_t i = 1; i < levels.size(); ++i) {
    if (levels[i].fraction == levels[i - 1].fraction) {
      return edi::Failure{"two levels at the same fraction"};
    }
  }
  return levels;
}

edi::Failure key_error(const std::string& key, const std::string& message) {
  return edi::Failure{key + ": " + message};
}

std::optional<edi::Failure> unknown_key(const Poco::Util::AbstractConfiguration& config,
                                        const std::string& prefix,
                                        const std::vector<std::string_view>& known) {
  Poco::Util::AbstractConfiguration::Keys keys;
  config.keys(prefix, keys);
  for (const std::string& key : keys) {
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      return key_error(prefix + "." + key, "unknown key");
    }
  }
  return std::nullopt;
}

std::string raw_value(const Poco::Util::AbstractConfiguration& config, const std::string& key) {
  return config.getRawString(key, "");
}

edi::Result<std::vector<Numbered>> numbered(const Poco::Util::AbstractConfiguration& config,
                                            const std::string& prefix) {
  Poco::Util::AbstractConfiguration::Keys keys;
  config.keys(prefix, keys);
  std::vector<Numbered> numbers;
  for (const std::string& key : keys) {
    const bool digits =
        !key.empty() && key.size() <= 9 &&
        std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits) {
      return key_error(prefix + "." + key, "sections are numbered (" + prefix + ".1.*)");
    }
    numbers.push_back({std::stol(key), key});
  }
  std::stable_sort(numbers.begin(), numbers.end(),
                   [](const Numbered& a, const Numbered& b) { return a.number < b.number; });
  for (std::size_t i = 1; i < numbers.size(); ++i) {
    if (numbers[i].number == numbers[i - 1].number) {
      return key_error(prefix + "." + numbers[i].key,
                       "same number as " + prefix + "." + numbers[i - 1].key);
    }
  }
  return numbers;
}

}  // namespace ordex::exceptions::config
