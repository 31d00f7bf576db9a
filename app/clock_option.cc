#include "app/clock_option.h"

#include <date/date.h>

#include <sstream>

#include "app/command.h"

namespace ordex::app {

std::chrono::sys_seconds parse_as_of(const std::string& value) {
  // Most specific first; date::parse leaves the stream failed when a format does not match.
  static const char* const kFormats[] = {"%FT%T%Ez", "%FT%TZ", "%FT%T", "%FT%R%Ez", "%FT%R", "%F"};
  for (const char* format : kFormats) {
    std::istringstream in(value);
    date::sys_seconds when;
    in >> date::parse(format, when);
    if (in && in.peek() == std::char_traits<char>::eof()) return when;
  }
  throw UsageError{"--as-of '" + value +
                   "' is not an ISO 8601 date-time (e.g. 2026-11-23T08:00:00-06:00)"};
}

std::chrono::sys_seconds now_or_as_of(const std::string& as_of) {
  if (!as_of.empty()) return parse_as_of(as_of);
  return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

}  // namespace ordex::app
