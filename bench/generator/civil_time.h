#pragma once
// The generator's simulated clock: minutes since 1970-01-01, shown as calendar fields.
// Hand-rolled (Howard Hinnant's days/civil algorithms) because <chrono> calendar support is
// incomplete in g++ 12 and a time zone database must not influence the output.

#include <cstdint>

namespace ordex::bench {

struct CivilTime {
  int year = 1970;
  int month = 1;
  int day = 1;
  int hour = 0;
  int minute = 0;
};

inline constexpr std::int64_t kMinutesPerDay = 24 * 60;

std::int64_t days_from_civil(int year, int month, int day);
CivilTime civil_from_minutes(std::int64_t minutes);
inline CivilTime civil_from_days(std::int64_t days) {
  return civil_from_minutes(days * kMinutesPerDay);
}

}  // namespace ordex::bench
