#pragma once
// The report.* keys of the properties file (README "Configuration"):
//
//   report.day = rolling | local    # default rolling: the 24 h ending at as-of
//   report.timezone = America/Chicago
//
// `local` makes the report's day a calendar day in report.timezone: run at any time on
// 2026-11-23 it reports 2026-11-22 00:00 to 24:00 there, and the 7 calendar days before. The
// zone defaults to `fallback` (the caller passes calendar.default's zone). Any other report.*
// key, an unknown mode or zone is an error naming the key.

#include "edi/result.h"
#include "orders/time_zone.h"
#include "reports/report_window.h"

namespace Poco::Util {
class AbstractConfiguration;
}

namespace ordex::reports {

edi::Result<DayDefinition> load_day_definition(const Poco::Util::AbstractConfiguration& config,
                                               const orders::TimeZone& fallback);

// The same from a properties file; "" gives the defaults.
edi::Result<DayDefinition> load_day_definition_file(const std::string& path,
                                                    const orders::TimeZone& fallback);

}  // namespace ordex::reports
