#pragma once
// "Now" for a verb: the --as-of option (ISO 8601) or the system clock. Rules, SLA clocks and
// acknowledgment stamps all take it from here so that a run with --as-of is reproducible.

#include <chrono>
#include <string>

namespace ordex::app {

// Parses "2026-11-23T08:00:00-06:00", "2026-11-23T14:00:00Z", "2026-11-23T08:00" (UTC) or
// "2026-11-23" (midnight UTC). Throws UsageError naming the option and the value.
std::chrono::sys_seconds parse_as_of(const std::string& value);

// --as-of when given, else the current time.
std::chrono::sys_seconds now_or_as_of(const std::string& as_of);

}  // namespace ordex::app
