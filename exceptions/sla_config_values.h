#pragma once
// Readers for the values of the SLA and calendar keys (sla_config.h). Internal to the module.
// Each returns nullopt, or a Failure with the reason, for text it does not read; the callers add
// the key.

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "edi/result.h"
#include "exceptions/business_calendar.h"
#include "exceptions/sla_policy.h"

namespace Poco::Util {
class AbstractConfiguration;
}

namespace ordex::exceptions::config {

// Comma-separated items, trimmed, empty items dropped.
std::vector<std::string> split_list(std::string_view text);

// "Mon", "monday", ... -> boost weekday number (Sunday = 0).
std::optional<int> weekday_from(std::string_view name);
// "Mon,Wed-Fri" -> the set of days; ranges wrap past Sunday ("Fri-Mon").
edi::Result<std::vector<int>> parse_weekdays(std::string_view text);
// "08:00-17:00"; "24:00" only as the close.
edi::Result<WorkingHours> parse_hours(std::string_view text);
edi::Result<boost::gregorian::date> parse_date(std::string_view text);
// A decimal fraction in (0, max].
edi::Result<double> parse_fraction(std::string_view text, double max);
edi::Result<bool> parse_bool(std::string_view text);
// "0.8:lead, 1.0:manager" or "none"; sorted by fraction, fractions distinct.
edi::Result<std::vector<EscalationLevel>> parse_escalation(std::string_view text);

// A numbered section of the configuration: `prefix.<number>.*`, e.g. sla.policy.2.
struct Numbered {
  long number;
  std::string key;  // as written: "01" and "1" are both section 1, and then an error
};
// The sections under `prefix`, in numeric order (1, 2, 10); a key that is not a number, or
// two spellings of one number, is an error naming it.
edi::Result<std::vector<Numbered>> numbered(const Poco::Util::AbstractConfiguration& config,
                                            const std::string& prefix);

// The comma list at `key`, each item read by `parse` (returning an optional), appended to `out`;
// an item it refuses is an error naming the key.
template <typename T, typename Parse>
std::optional<edi::Failure> read_list(const Poco::Util::AbstractConfiguration& config,
                                      const std::string& key, std::vector<T>& out, Parse parse,
                                      std::string_view what);

// "<key>: <message>".
edi::Failure key_error(const std::string& key, const std::string& message);

// Keys under `prefix` that are not in `known`: the first as a Failure, to catch typos.
std::optional<edi::Failure> unknown_key(const Poco::Util::AbstractConfiguration& config,
                                        const std::string& prefix,
                                        const std::vector<std::string_view>& known);

// Every calendar under calendar.*, plus the built-in "default" unless configured.
edi::Result<std::vector<BusinessCalendar>> load_calendars(
    const Poco::Util::AbstractConfiguration& config);

// --- template definitions

std::string raw_value(const Poco::Util::AbstractConfiguration& config, const std::string& key);

template <typename T, typename Parse>
std::optional<edi::Failure> read_list(const Poco::Util::AbstractConfiguration& config,
                                      const std::string& key, std::vector<T>& out, Parse parse,
                                      std::string_view what) {
  for (const std::string& item : split_list(raw_value(config, key))) {
    const std::optional<T> value = parse(item);
    if (!value) return key_error(key, "unknown " + std::string(what) + " '" + item + "'");
    out.push_back(*value);
  }
  return std::nullopt;
}

}  // namespace ordex::exceptions::config
