// calendar.<name>.* keys (sla_config.h) into BusinessCalendars.
#include <Poco/Util/AbstractConfiguration.h>

#include <algorithm>
#include <iterator>

#include "exceptions/sla_config_values.h"
#include "orders/time_zone.h"

namespace ordex::exceptions::config {
namespace {

using Poco::Util::AbstractConfiguration;

constexpr std::string_view kDefaultZone = "America/Chicago";
constexpr std::string_view kDayKeys[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};

edi::Result<WorkingWeek> load_week(const AbstractConfiguration& config, const std::string& prefix) {
  edi::Result<std::vector<int>> days =
      parse_weekdays(config.getRawString(prefix + ".days", "Mon-Fri"));
  if (!days.ok()) return key_error(prefix + ".days", days.error());
  if (days.value().empty()) return key_error(prefix + ".days", "no working day");
  edi::Result<WorkingHours> hours =
      parse_hours(config.getRawString(prefix + ".hours", "08:00-17:00"));
  if (!hours.ok()) return key_error(prefix + ".hours", hours.error());
  WorkingWeek week;
  for (int day : days.value()) week[day] = hours.value();

  std::vector<std::string_view> day_keys(std::begin(kDayKeys), std::end(kDayKeys));
  if (std::optional<edi::Failure> unknown = unknown_key(config, prefix + ".hours", day_keys)) {
    return key_error(unknown->message, "per-day hours take the day's three-letter name");
  }
  for (std::size_t day = 0; day < week.size(); ++day) {
    const std::string key = prefix + ".hours." + std::string(kDayKeys[day]);
    if (!config.hasProperty(key)) continue;
    if (!week[day]) return key_error(key, "the day is not in " + prefix + ".days");
    edi::Result<WorkingHours> own = parse_hours(config.getRawString(key));
    if (!own.ok()) return key_error(key, own.error());
    week[day] = own.value();
  }
  return week;
}

edi::Result<BusinessCalendar> load_calendar(const AbstractConfiguration& config,
                                            const std::string& name) {
  const std::string prefix = "calendar." + name;
  if (std::optional<edi::Failure> unknown =
          unknown_key(config, prefix, {"timezone", "days", "hours", "holidays"})) {
    return *unknown;
  }
  edi::Result<orders::TimeZone> zone =
      orders::TimeZone::named(config.getRawString(prefix + ".timezone", std::string(kDefaultZone)));
  if (!zone.ok()) return key_error(prefix + ".timezone", zone.error());
  edi::Result<WorkingWeek> week = load_week(config, prefix);
  if (!week.ok()) return edi::Failure{week.error()};
  std::vector<boost::gregorian::date> holidays;
  for (const std::string& item : split_list(config.getRawString(prefix + ".holidays", ""))) {
    edi::Result<boost::gregorian::date> day = parse_date(item);
    if (!day.ok()) return key_error(prefix + ".holidays", day.error());
    holidays.push_back(day.value());
  }
  edi::Result<BusinessCalendar> calendar =
      BusinessCalendar::make(name, zone.value(), week.value(), std::move(holidays));
  return calendar;
}

}  // namespace

edi::Result<std::vector<BusinessCalendar>> load_calendars(const AbstractConfiguration& config) {
  AbstractConfiguration::Keys names;
  config.keys("calendar", names);
  if (std::find(names.begin(), names.end(), "default") == names.end()) {
    names.insert(names.begin(), "default");  // built from the defaults of every key
  }
  std::vector<BusinessCalendar> calendars;
  for (const std::string& name : names) {
    edi::Result<BusinessCalendar> calendar = load_calendar(config, name);
    if (!calendar.ok()) return edi::Failure{calendar.error()};
    calendars.push_back(std::move(calendar).value());
  }
  return calendars;
}

}  // namespace ordex::exceptions::config
