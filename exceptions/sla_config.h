#pragma once
// Business calendars and SLA policies from the properties file ordex reads (Poco
// PropertyFileConfiguration, `key = value`; a `#` starts a comment only at the start of a line,
// so a note after a value becomes part of it). Every key is optional but a policy's targets:
//
//   calendar.<name>.timezone = America/Chicago          IANA name; default America/Chicago
//   calendar.<name>.days = Mon-Fri                      names (Mon, monday) or ranges; Mon-Fri
//   calendar.<name>.hours = 08:00-17:00                 every working day; default 08:00-17:00
//   calendar.<name>.hours.sat = 09:00-13:00             one day's own hours (a day in `days`)
//   calendar.<name>.holidays = 2026-11-26, 2026-12-25   local dates with no working time
//
//   sla.policy.<n>.name = critical-logistics            default "policy-<n>"
//   sla.policy.<n>.queue = logistics                    criteria: comma lists, any value
//   sla.policy.<n>.type = DELIVERY_OVERDUE, ASN_MISSING   matches; an absent one matches all
//   sla.policy.<n>.severity = critical, high
//   sla.policy.<n>.partner = NORTHWIND
//   sla.policy.<n>.response = 1h                        required: business d, h, m (1d4h30m)
//   sla.policy.<n>.resolve = 8h                         required
//   sla.policy.<n>.calendar = default                   a calendar above, or "default"
//   sla.policy.<n>.at_risk = 0.8                        fraction of a target, (0, 1]; 0.8
//   sla.policy.<n>.escalate = 0.8:lead, 1.0:manager     fraction:level..., or none; this default
//   sla.fallback = true                                 append the built-in policies (default)
//
// Policies are tried in the numeric order of <n> (1, 2, 10), then, unless sla.fallback is
// false, the built-in per-severity policies (builtin_sla_policies()), so every exception has an
// SLA. The "default" calendar is Mon-Fri 08:00-17:00 America/Chicago unless configured.
//
// Errors are values: an unknown key under calendar.* or sla.*, a bad weekday, time, date, zone,
// duration or fraction, a missing target or an unknown calendar is a Failure whose message
// starts with the key at fault ("sla.policy.2.resolve: '3x' is not a business duration ...").
// Poco errors are caught here and returned the same way.

#include <string_view>
#include <vector>

#include "edi/result.h"
#include "exceptions/business_calendar.h"
#include "exceptions/sla_policy.h"

namespace Poco::Util {
class AbstractConfiguration;
}

namespace ordex::exceptions {

struct SlaConfig {
  std::vector<BusinessCalendar> calendars;  // always holds one named "default"
  SlaPolicySet policies;

  // nullptr for a name no calendar has.
  const BusinessCalendar* calendar(std::string_view name) const;
};

edi::Result<SlaConfig> load_sla_config(const Poco::Util::AbstractConfiguration& config);

}  // namespace ordex::exceptions
