#pragma once
// Calendar days and wall-clock times where a partner is, and the instants they name.
//
// ordex keeps instants as UTC seconds and calendar days as "YYYY-MM-DD" strings in the
// partner's own zone (DESIGN.md: "the day is the partner's"). This header turns one into the
// other with the IANA database (Howard Hinnant's date/tz reading the system zoneinfo), and reads
// the date, time and time-code elements EDI uses.
//
// Local times that do not name exactly one instant are resolved the way java.time and RFC 5545
// do it:
// - ambiguous (the repeated hour when clocks go back): the EARLIER instant, i.e. the first time
//   the wall clock shows it (still on daylight time). 01:30 on 2026-11-01 in America/Chicago is
//   06:30Z, not 07:30Z.
// - nonexistent (the skipped hour when clocks go forward): moved FORWARD by the length of the gap,
//   i.e. read with the offset in force before the change. 02:30 on 2026-03-08 in
//   America/Chicago is 08:30Z, which the clock there shows as 03:30 CDT.
//
// Errors are values: an unknown zone or a malformed date is a Failure, never an exception.
// Thread-safe: a TimeZone is an immutable handle into the process-wide time zone database.

#include <optional>
#include <string>
#include <string_view>

#include "edi/result.h"
#include "orders/model.h"

namespace date {
class time_zone;
}

namespace ordex::orders {

// A wall-clock date and time with no zone attached.
struct CivilTime {
  int year = 1970;
  int month = 1;
  int day = 1;
  int hour = 0;
  int minute = 0;
  int second = 0;
  friend bool operator==(const CivilTime&, const CivilTime&) = default;
};

// "YYYY-MM-DD" of `t`.
std::string iso_day(const CivilTime& t);

// CCYYMMDD, or YYMMDD with YY < 50 read as 20YY and YY >= 50 as 19YY, naming a real day.
std::optional<CivilTime> parse_edi_date(std::string_view value);

// Sets the time of `t` from HHMM, HHMMSS or HHMMSS followed by decimal fractions (dropped).
// Returns false, leaving `t` as it was, when `value` is not such a time.
bool parse_edi_time(std::string_view value, CivilTime& t);

// "YYYY-MM-DD" naming a real day.
std::optional<CivilTime> parse_iso_day(std::string_view value);

// An ISO 8601 date-time with an explicit offset: "2026-11-18T10:00:00-06:00",
// "2026-11-18T16:00:00Z", with or without seconds and fractions (dropped). A value without an
// offset is refused: it does not name an instant.
edi::Result<Instant> parse_iso8601_instant(std::string_view value);

// "2026-11-18T16:00:00Z".
std::string format_utc(Instant instant);

// An IANA time zone or a fixed offset from UTC. Cheap to copy; the default is UTC.
class TimeZone {
 public:
  TimeZone() = default;

  // "America/Chicago"; also "UTC" and "Etc/..." names. Failure for a name the database lacks.
  static edi::Result<TimeZone> named(std::string_view name);
  // Minutes east of UTC: Central Standard Time is -360.
  static TimeZone fixed(int offset_minutes);
  static TimeZone utc() { return TimeZone(); }

  // The instant `local` names here (see the header comment for DST gaps and overlaps).
  Instant to_instant(const CivilTime& local) const;
  // The wall-clock time here at `instant`.
  CivilTime to_local(Instant instant) const;
  // "America/Chicago", or "UTC", "UTC-05:00" for fixed offsets.
  std::string name() const;

  friend bool operator==(const TimeZone& a, const TimeZone& b) {
    return a.zone_ == b.zone_ && a.offset_minutes_ == b.offset_minutes_;
  }

 private:
  const date::time_zone* zone_ = nullptr;  // null: fixed offset
  int offset_minutes_ = 0;
};

// The calendar day "YYYY-MM-DD" that `instant` falls on in `zone`.
std::string local_day(Instant instant, const TimeZone& zone);

// The first instant after the local day `day` ("YYYY-MM-DD") has ended in `zone`, i.e. the
// instant of the next day's midnight. A due day has ended exactly when now >= this value.
edi::Result<Instant> end_of_local_day(std::string_view day, const TimeZone& zone);

// An EDI date (CCYYMMDD or YYMMDD) and time (HHMM[SS], may be empty for midnight) read as a
// wall-clock time in `zone`.
edi::Result<Instant> local_to_instant(std::string_view date, std::string_view time,
                                      const TimeZone& zone);
// The same with the zone given by its IANA name.
edi::Result<Instant> local_to_instant(std::string_view date, std::string_view time,
                                      std::string_view zone_name);

// The zone an X12 time code (element 623: AT707, DTM04, G6205, ...) names. `LT` (local time)
// and an empty code mean `local`, the partner's zone. Generic codes follow the zone with its
// daylight rules (CT -> America/Chicago); standard and daylight codes are fixed offsets
// (CS -> UTC-6, CD -> UTC-5); UT/GM -> UTC; 01..12 -> UTC+1..+12, 13..24 -> UTC-12..-1.
// Three-letter spellings some partners send (EST, CDT, PST, UTC, GMT) are accepted too.
// In X12, AT/AS/AD are Alaska and TT/TS/TD Atlantic, NT/NS/ND Newfoundland, HT/HS/HD
// Hawaii-Aleutian. Failure for any other code.
edi::Result<TimeZone> x12_time_code_zone(std::string_view code, const TimeZone& local);

}  // namespace ordex::orders
