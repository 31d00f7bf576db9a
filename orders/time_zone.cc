#include "orders/time_zone.h"

#include <date/date.h>
#include <date/tz.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <exception>

namespace ordex::orders {
namespace {

using std::chrono::seconds;

bool digits(std::string_view v, std::size_t from, std::size_t n, int& out) {
  if (from + n > v.size()) return false;
  int value = 0;
  for (std::size_t i = from; i < from + n; ++i) {
    if (v[i] < '0' || v[i] > '9') return false;
    value = value * 10 + (v[i] - '0');
  }
  out = value;
  return true;
}

bool real_day(int y, int m, int d) {
  return date::year_month_day(date::year(y), date::month(static_cast<unsigned>(m)),
                              date::day(static_cast<unsigned>(d)))
      .ok();
}

date::local_seconds local_seconds_of(const CivilTime& t) {
  const date::local_days day{date::year(t.year) / t.month / t.day};
  return day + std::chrono::hours(t.hour) + std::chrono::minutes(t.minute) + seconds(t.second);
}

CivilTime civil_of(std::int64_t local_epoch_seconds) {
  const auto s = date::local_seconds(seconds(local_epoch_seconds));
  const auto day = date::floor<date::days>(s);
  const date::year_month_day ymd(day);
  const date::hh_mm_ss<seconds> hms(s - day);
  return {static_cast<int>(ymd.year()),
          static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day())),
          static_cast<int>(hms.hours().count()),
          static_cast<int>(hms.minutes().count()),
          static_cast<int>(hms.seconds().count())};
}

// "+HH:MM", "+HHMM", "+HH" after the time; minutes east of UTC.
bool parse_offset(std::string_view v, int& minutes) {
  if (v == "Z") {
    minutes = 0;
    return true;
  }
  if (v.size() < 3 || (v[0] != '+' && v[0] != '-')) return false;
  int h = 0, m = 0;
  if (!digits(v, 1, 2, h)) return false;
  std::string_view rest = v.substr(3);
  if (!rest.empty() && rest[0] == ':') rest.remove_prefix(1);
  if (!rest.empty() && (rest.size() != 2 || !digits(rest, 0, 2, m))) return false;
  if (h > 14 || m > 59) return false;
  minutes = (v[0] == '-' ? -1 : 1) * (h * 60 + m);
  return true;
}

// Writes `value` as `width` digits at out[at...] (by hand rather than snprintf: dates and times
// are formatted for every document and every API line).
void put_digits(std::string& out, std::size_t at, int value, int width) {
  for (int i = width - 1; i >= 0; --i, value /= 10) {
    out[at + static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
  }
}

}  // namespace

std::string iso_day(const CivilTime& t) {
  std::string out = "0000-00-00";
  put_digits(out, 0, t.year, 4);
  put_digits(out, 5, t.month, 2);
  put_digits(out, 8, t.day, 2);
  return out;
}

std::optional<CivilTime> parse_edi_date(std::string_view value) {
  CivilTime t;
  std::size_t at = 0;
  if (value.size() == 8) {
    if (!digits(value, 0, 4, t.year)) return std::nullopt;
    at = 4;
  } else if (value.size() == 6) {
    int yy = 0;
    if (!digits(value, 0, 2, yy)) return std::nullopt;
    t.year = yy < 50 ? 2000 + yy : 1900 + yy;
    at = 2;
  } else {
    return std::nullopt;
  }
  if (!digits(value, at, 2, t.month) || !digits(value, at + 2, 2, t.day)) return std::nullopt;
  if (!real_day(t.year, t.month, t.day)) return std::nullopt;
  return t;
}

bool parse_edi_time(std::string_view value, CivilTime& t) {
  int h = 0, m = 0, s = 0;
  if (value.size() < 4 || value.size() == 5 || !digits(value, 0, 2, h) || !digits(value, 2, 2, m)) {
    return false;
  }
  if (value.size() >= 6 && !digits(value, 4, 2, s)) return false;
  for (std::size_t i = 6; i < value.size(); ++i) {
    if (value[i] < '0' || value[i] > '9') return false;
  }
  if (h > 23 || m > 59 || s > 59) return false;
  t.hour = h;
  t.minute = m;
  t.second = s;
  return true;
}

std::optional<CivilTime> parse_iso_day(std::string_view value) {
  CivilTime t;
  if (value.size() != 10 || value[4] != '-' || value[7] != '-' || !digits(value, 0, 4, t.year) ||
      !digits(value, 5, 2, t.month) || !digits(value, 8, 2, t.day) ||
      !real_day(t.year, t.month, t.day)) {
    return std::nullopt;
  }
  return t;
}

edi::Result<Instant> parse_iso8601_instant(std::string_view value) {
  const auto bad = [&] {
    return edi::Failure{"'" + std::string(value) + "' is not an ISO 8601 date-time with offset"};
  };
  if (value.size() < 17 || value[10] != 'T' || value[13] != ':') return bad();
  std::optional<CivilTime> day = parse_iso_day(value.substr(0, 10));
  if (!day || !digits(value, 11, 2, day->hour) || !digits(value, 14, 2, day->minute)) {
    return bad();
  }
  std::size_t at = 16;
  if (value[at] == ':') {
    if (!digits(value, at + 1, 2, day->second)) return bad();
    at += 3;
    if (at < value.size() && value[at] == '.') {
      ++at;
      while (at < value.size() && value[at] >= '0' && value[at] <= '9') ++at;
    }
  }
  int offset = 0;
  if (day->hour > 23 || day->minute > 59 || day->second > 59 ||
      !parse_offset(value.substr(at), offset)) {
    return bad();
  }
  return TimeZone::fixed(offset).to_instant(*day);
}

// snprintf (only past year 9999) showed in perf of the API's queue page: three times a line.
std::string format_utc(Instant instant) {
  const CivilTime t = civil_of(instant);
  if (t.year >= 0 && t.year <= 9999) {
    std::string out = "0000-00-00T00:00:00Z";
    put_digits(out, 0, t.year, 4);
    put_digits(out, 5, t.month, 2);
    put_digits(out, 8, t.day, 2);
    put_digits(out, 11, t.hour, 2);
    put_digits(out, 14, t.minute, 2);
    put_digits(out, 17, t.second, 2);
    return out;
  }
  char out[32];
  std::snprintf(out, sizeof out, "%04d-%02d-%02dT%02d:%02d:%02dZ", t.year, t.month, t.day, t.hour,
                t.minute, t.second);
  return out;
}

edi::Result<TimeZone> TimeZone::named(std::string_view name) {
  if (name == "UTC" || name == "Etc/UTC") return TimeZone();
  try {
    TimeZone zone;
    zone.zone_ = date::locate_zone(std::string(name));
    return zone;
  } catch (const std::exception& e) {
    // date/tz throws for an unknown name or an unreadable database; both are the caller's
    // configuration problem, reported as a value.
    return edi::Failure{"unknown time zone '" + std::string(name) + "': " + e.what()};
  }
}

TimeZone TimeZone::fixed(int offset_minutes) {
  TimeZone zone;
  zone.offset_minutes_ = offset_minutes;
  return zone;
}

Instant TimeZone::to_instant(const CivilTime& local) const {
  const date::local_seconds ls = local_seconds_of(local);
  seconds offset = std::chrono::minutes(offset_minutes_);
  if (zone_ != nullptr) {
    // For an ambiguous time `first` is the earlier instant; for a nonexistent one it is the
    // period before the gap, whose offset moves the time forward by the gap's length.
    offset = zone_->get_info(ls).first.offset;
  }
  return (ls.time_since_epoch() - offset).count();
}

CivilTime TimeZone::to_local(Instant instant) const {
  seconds offset = std::chrono::minutes(offset_minutes_);
  if (zone_ != nullptr) offset = zone_->get_info(date::sys_seconds(seconds(instant))).offset;
  return civil_of(instant + offset.count());
}

std::string TimeZone::name() const {
  if (zone_ != nullptr) return std::string(zone_->name());
  if (offset_minutes_ == 0) return "UTC";
  const int m = offset_minutes_ < 0 ? -offset_minutes_ : offset_minutes_;
  char out[16];
  std::snprintf(out, sizeof out, "UTC%c%02d:%02d", offset_minutes_ < 0 ? '-' : '+', m / 60, m % 60);
  return out;
}

std::string local_day(Instant instant, const TimeZone& zone) {
  return iso_day(zone.to_local(instant));
}

edi::Result<Instant> end_of_local_day(std::string_view day, const TimeZone& zone) {
  const std::optional<CivilTime> d = parse_iso_day(day);
  if (!d) return edi::Failure{"'" + std::string(day) + "' is not a YYYY-MM-DD day"};
  const date::year_month_day next{date::sys_days(date::year(d->year) / d->month / d->day) +
                                  date::days(1)};
  CivilTime midnight;
  midnight.year = static_cast<int>(next.year());
  midnight.month = static_cast<int>(static_cast<unsigned>(next.month()));
  midnight.day = static_cast<int>(static_cast<unsigned>(next.day()));
  return zone.to_instant(midnight);
}

edi::Result<Instant> local_to_instant(std::string_view date, std::string_view time,
                                      const TimeZone& zone) {
  std::optional<CivilTime> t = parse_edi_date(date);
  if (!t) return edi::Failure{"'" + std::string(date) + "' is not a CCYYMMDD or YYMMDD date"};
  if (!time.empty() && !parse_edi_time(time, *t)) {
    return edi::Failure{"'" + std::string(time) + "' is not an HHMM or HHMMSS time"};
  }
  return zone.to_instant(*t);
}

edi::Result<Instant> local_to_instant(std::string_view date, std::string_view time,
                                      std::string_view zone_name) {
  edi::Result<TimeZone> zone = TimeZone::named(zone_name);
  if (!zone.ok()) return edi::Failure{zone.error()};
  return local_to_instant(date, time, zone.value());
}

namespace {

struct TimeCode {
  std::string_view code;
  std::string_view zone;  // IANA name; empty: fixed offset
  int offset_minutes;
};

// X12 element 623 and the three-letter spellings partners use for the same zones.
constexpr std::array<TimeCode, 42> kTimeCodes = {{
    {"UT", "", 0},
    {"GM", "", 0},
    {"UTC", "", 0},
    {"GMT", "", 0},
    {"ET", "America/New_York", 0},
    {"ES", "", -300},
    {"ED", "", -240},
    {"EST", "", -300},
    {"EDT", "", -240},
    {"CT", "America/Chicago", 0},
    {"CS", "", -360},
    {"CD", "", -300},
    {"CST", "", -360},
    {"CDT", "", -300},
    {"MT", "America/Denver", 0},
    {"MS", "", -420},
    {"MD", "", -360},
    {"MST", "", -420},
    {"MDT", "", -360},
    {"PT", "America/Los_Angeles", 0},
    {"PS", "", -480},
    {"PD", "", -420},
    {"PST", "", -480},
    {"PDT", "", -420},
    {"AT", "America/Anchorage", 0},
    {"AS", "", -540},
    {"AD", "", -480},
    {"AKST", "", -540},
    {"AKDT", "", -480},
    {"HT", "Pacific/Honolulu", 0},
    {"HS", "", -600},
    {"HD", "", -540},
    {"HST", "", -600},
    {"TT", "America/Halifax", 0},
    {"TS", "", -240},
    {"TD", "", -180},
    {"AST", "", -240},
    {"ADT", "", -180},
    {"NT", "America/St_Johns", 0},
    {"NS", "", -210},
    {"ND", "", -150},
    {"NST", "", -210},
}};

}  // namespace

edi::Result<TimeZone> x12_time_code_zone(std::string_view code, const TimeZone& local) {
  if (code.empty() || code == "LT") return local;
  int n = 0;
  if (code.size() == 2 && digits(code, 0, 2, n) && n >= 1 && n <= 24) {
    return TimeZone::fixed(n <= 12 ? n * 60 : (n - 25) * 60);
  }
  // The named zones are looked up once: a 214 names one per status.
  static const std::array<std::optional<TimeZone>, kTimeCodes.size()> named = [] {
    std::array<std::optional<TimeZone>, kTimeCodes.size()> zones;
    for (std::size_t i = 0; i < kTimeCodes.size(); ++i) {
      if (kTimeCodes[i].zone.empty()) continue;
      edi::Result<TimeZone> z = TimeZone::named(kTimeCodes[i].zone);
      if (z.ok()) zones[i] = z.value();
    }
    return zones;
  }();
  for (std::size_t i = 0; i < kTimeCodes.size(); ++i) {
    const TimeCode& c = kTimeCodes[i];
    if (c.code != code) continue;
    if (c.zone.empty()) return TimeZone::fixed(c.offset_minutes);
    if (named[i]) return *named[i];
    return edi::Failure{"time code '" + std::string(code) + "': zone " + std::string(c.zone) +
                        " is not in the time zone database"};
  }
  return edi::Failure{"unknown time code '" + std::string(code) + "'"};
}

}  // namespace ordex::orders
