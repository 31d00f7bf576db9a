#include "app/serve/schedule.h"

#include <date/date.h>
#include <date/tz.h>

#include <array>
#include <charconv>
#include <exception>
#include <vector>

namespace ordex::app::serve {

namespace {

using orders::Failure;

constexpr std::array<std::string_view, 12> kMonthNames = {"jan", "feb", "mar", "apr", "may", "jun",
                                                          "jul", "aug", "sep", "oct", "nov", "dec"};
constexpr std::array<std::string_view, 7> kDayNames = {"sun", "mon", "tue", "wed",
                                                       "thu", "fri", "sat"};

struct FieldSpec {
  const char* name;
  int min, max;
  const std::string_view* names;  // names[i] is min + i (months) or i (days); may be null
  std::size_t name_count;
  int name_base;
};

std::optional<int> number_or_name(std::string_view text, const FieldSpec& spec) {
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec == std::errc() && end == text.data() + text.size() && !text.empty()) return value;
  for (std::size_t i = 0; spec.names != nullptr && i < spec.name_count; ++i) {
    if (text.size() == 3 && std::equal(text.begin(), text.end(), spec.names[i].begin(),
                                       [](char a, char b) { return (a | 0x20) == b; })) {
      return static_cast<int>(i) + spec.name_base;
    }
  }
  return std::nullopt;
}

std::vector<std::string_view> split(std::string_view text, char by) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find(by, start);
    parts.push_back(text.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

// Bit i set when value i matches.
orders::Result<std::uint64_t> parse_field(std::string_view field, const FieldSpec& spec) {
  const auto bad = [&](const std::string& why) {
    return Failure{"cron " + std::string(spec.name) + " field '" + std::string(field) +
                   "': " + why};
  };
  std::uint64_t mask = 0;
  for (std::string_view item : split(field, ',')) {
    int step = 1;
    if (const std::size_t slash = item.find('/'); slash != std::string_view::npos) {
      const std::string_view step_text = item.substr(slash + 1);
      const auto [end, ec] =
          std::from_chars(step_text.data(), step_text.data() + step_text.size(), step);
      if (ec != std::errc() || end != step_text.data() + step_text.size() || step < 1) {
        return bad("the step must be a positive number");
      }
      item = item.substr(0, slash);
    }
    int low = spec.min, high = spec.max;
    if (item != "*") {
      const std::size_t dash = item.find('-');
      const auto first = number_or_name(item.substr(0, dash), spec);
      if (!first) return bad("'" + std::string(item) + "' is not a number");
      low = high = *first;
      if (dash != std::string_view::npos) {
        const auto last = number_or_name(item.substr(dash + 1), spec);
        if (!last) return bad("'" + std::string(item) + "' is not a range");
        high = *last;
      } else if (step > 1) {
        high = spec.max;  // "5/15" is "5-max/15", as Vixie cron reads it
      }
    }
    if (low < spec.min || high > spec.max || low > high) {
      return bad("values must lie in " + std::to_string(spec.min) + "-" + std::to_string(spec.max));
    }
    for (int v = low; v <= high; v += step) mask |= std::uint64_t{1} << v;
  }
  return mask;
}

template <std::size_t N>
std::bitset<N> bits(std::uint64_t mask) {
  return std::bitset<N>(mask);
}

std::string_view macro(std::string_view text) {
  if (text == "@hourly") return "0 * * * *";
  if (text == "@daily" || text == "@midnight") return "0 0 * * *";
  if (text == "@weekly") return "0 0 * * 0";
  if (text == "@monthly") return "0 0 1 * *";
  if (text == "@yearly" || text == "@annually") return "0 0 1 1 *";
  return text;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

date::sys_days civil_day(const orders::CivilTime& t) {
  return date::sys_days(date::year(t.year) / date::month(static_cast<unsigned>(t.month)) /
                        date::day(static_cast<unsigned>(t.day)));
}

void set_day(orders::CivilTime& t, date::sys_days day) {
  const date::year_month_day ymd(day);
  t.year = static_cast<int>(ymd.year());
  t.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
  t.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
  t.hour = 0;
  t.minute = 0;
}

void next_minute(orders::CivilTime& t) {
  if (++t.minute < 60) return;
  t.minute = 0;
  if (++t.hour < 24) return;
  set_day(t, civil_day(t) + date::days(1));
}

}  // namespace

orders::Result<std::int64_t> parse_interval(std::string_view text) {
  const std::string_view all = trim(text);
  const auto bad = [&] {
    return Failure{"'" + std::string(text) + "' is not an interval (e.g. 30s, 5m, 1h30m)"};
  };
  if (all.empty()) return bad();
  std::int64_t total = 0;
  std::string_view rest = all;
  std::string_view units = "hms";
  while (!rest.empty()) {
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), value);
    if (ec != std::errc() || end == rest.data() || value > 1000000) return bad();
    rest.remove_prefix(static_cast<std::size_t>(end - rest.data()));
    char unit = 's';
    if (!rest.empty()) {
      unit = rest.front();
      rest.remove_prefix(1);
    } else if (total != 0) {
      return bad();  // "1h30" is ambiguous
    }
    const std::size_t at = units.find(unit);
    if (at == std::string_view::npos) return bad();
    units.remove_prefix(at + 1);  // each unit once, in order
    total += value * (unit == 'h' ? 3600 : unit == 'm' ? 60 : 1);
  }
  if (total <= 0) return bad();
  return total;
}

Schedule Schedule::every(std::int64_t seconds) {
  Schedule s;
  s.every_ = seconds;
  s.text_ = "every " + std::to_string(seconds) + "s";
  return s;
}

orders::Result<Schedule> Schedule::parse(std::string_view text) {
  const std::string_view given = trim(text);
  if (given.rfind("every", 0) == 0) {
    auto seconds = parse_interval(given.substr(5));
    if (!seconds.ok()) return Failure{"schedule '" + std::string(given) + "': " + seconds.error()};
    Schedule s = every(seconds.value());
    s.text_ = std::string(given);
    return s;
  }
  std::vector<std::string_view> fields;
  for (std::string_view part : split(macro(given), ' ')) {
    if (!trim(part).empty()) fields.push_back(trim(part));
  }
  if (fields.size() != 5) {
    return Failure{"schedule '" + std::string(given) +
                   "': a cron expression has 5 fields (minute hour day month weekday), or write "
                   "'every 30s'"};
  }
  static const FieldSpec kSpecs[] = {
      {"minute", 0, 59, nullptr, 0, 0},
      {"hour", 0, 23, nullptr, 0, 0},
      {"day-of-month", 1, 31, nullptr, 0, 0},
      {"month", 1, 12, kMonthNames.data(), kMonthNames.size(), 1},
      {"day-of-week", 0, 7, kDayNames.data(), kDayNames.size(), 0},
  };
  std::uint64_t masks[5] = {};
  for (int i = 0; i < 5; ++i) {
    auto mask = parse_field(fields[i], kSpecs[i]);
    if (!mask.ok()) return Failure{"schedule '" + std::string(given) + "': " + mask.error()};
    masks[i] = mask.value();
  }
  Schedule s;
  s.text_ = std::string(given);
  s.minutes_ = bits<60>(masks[0]);
  s.hours_ = bits<24>(masks[1]);
  s.days_ = bits<32>(masks[2]);
  s.months_ = bits<13>(masks[3]);
  s.weekdays_ = bits<7>(masks[4] | ((masks[4] >> 7) & 1));  // 7 is Sunday too
  s.days_star_ = fields[2].front() == '*';
  s.weekdays_star_ = fields[4].front() == '*';
  return s;
}

bool Schedule::day_matches(int year, int month, int day) const {
  const date::year_month_day ymd(date::year(year), date::month(static_cast<unsigned>(month)),
                                 date::day(static_cast<unsigned>(day)));
  const unsigned weekday = date::weekday(date::sys_days(ymd)).c_encoding();
  const bool dom = days_[static_cast<std::size_t>(day)];
  const bool dow = weekdays_[weekday];
  if (days_star_ || weekdays_star_) return dom && dow;
  return dom || dow;
}

std::optional<orders::Instant> Schedule::next_after(orders::Instant after,
                                                    const orders::TimeZone& zone) const {
  if (every_ > 0) return after + every_;
  orders::CivilTime t = zone.to_local(after);
  t.second = 0;
  next_minute(t);
  const int last_year = t.year + 5;
  while (t.year <= last_year) {
    if (!months_[static_cast<std::size_t>(t.month)]) {
      const date::year_month next_month =
          date::year(t.year) / date::month(static_cast<unsigned>(t.month)) + date::months(1);
      set_day(t, date::sys_days(next_month / 1));
      continue;
    }
    if (!day_matches(t.year, t.month, t.day)) {
      set_day(t, civil_day(t) + date::days(1));
      continue;
    }
    if (!hours_[static_cast<std::size_t>(t.hour)]) {
      t.minute = 59;  // next_minute() rolls over into the next hour
      next_minute(t);
      continue;
    }
    if (!minutes_[static_cast<std::size_t>(t.minute)]) {
      next_minute(t);
      continue;
    }
    const orders::Instant when = zone.to_instant(t);
    if (when > after) return when;
    next_minute(t);  // the repeated hour after clocks go back: already past
  }
  return std::nullopt;
}

orders::Result<orders::TimeZone> schedule_zone(const std::string& name) {
  if (!name.empty()) {
    auto zone = orders::TimeZone::named(name);
    if (!zone.ok()) return Failure{"serve.timezone: " + zone.error()};
    return zone;
  }
  try {
    auto zone = orders::TimeZone::named(date::current_zone()->name());
    if (zone.ok()) return zone;
  } catch (const std::exception&) {
    // No /etc/localtime (a container): UTC, as the system clock is.
  }
  return orders::TimeZone::utc();
}

}  // namespace ordex::app::serve
