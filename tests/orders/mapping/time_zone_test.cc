#include "orders/time_zone.h"

#include <gtest/gtest.h>

namespace ordex::orders {
namespace {

TimeZone zone(std::string_view name) {
  edi::Result<TimeZone> z = TimeZone::named(name);
  EXPECT_TRUE(z.ok()) << name;
  return z.ok() ? z.value() : TimeZone();
}

std::string utc(edi::Result<Instant> r) { return r.ok() ? format_utc(r.value()) : r.error(); }

TEST(TimeZone, EdiDatesInBothWidths) {
  EXPECT_EQ(iso_day(*parse_edi_date("20261116")), "2026-11-16");
  EXPECT_EQ(iso_day(*parse_edi_date("261116")), "2026-11-16");
  EXPECT_EQ(iso_day(*parse_edi_date("991231")), "1999-12-31");
  EXPECT_EQ(iso_day(*parse_edi_date("20240229")), "2024-02-29");
  EXPECT_FALSE(parse_edi_date("20260229"));  // not a leap year
  EXPECT_FALSE(parse_edi_date("20261131"));
  EXPECT_FALSE(parse_edi_date("2026111"));
  EXPECT_FALSE(parse_edi_date("2026111A"));
  EXPECT_FALSE(parse_edi_date(""));
}

TEST(TimeZone, EdiTimes) {
  CivilTime t;
  EXPECT_TRUE(parse_edi_time("2330", t));
  EXPECT_EQ(t.hour, 23);
  EXPECT_EQ(t.minute, 30);
  EXPECT_TRUE(parse_edi_time("083015", t));
  EXPECT_EQ(t.second, 15);
  EXPECT_TRUE(parse_edi_time("08301599", t));  // hundredths dropped
  EXPECT_FALSE(parse_edi_time("2400", t));
  EXPECT_FALSE(parse_edi_time("0860", t));
  EXPECT_FALSE(parse_edi_time("08301", t));
  EXPECT_FALSE(parse_edi_time("8:30", t));
}

TEST(TimeZone, UnknownZoneIsAnErrorValue) {
  const edi::Result<TimeZone> z = TimeZone::named("America/Atlantis");
  ASSERT_FALSE(z.ok());
  EXPECT_NE(z.error().find("America/Atlantis"), std::string::npos);
  EXPECT_FALSE(local_to_instant("20261116", "0815", "Mars/Olympus_Mons").ok());
  EXPECT_FALSE(x12_time_code_zone("ZZ", TimeZone()).ok());
}

TEST(TimeZone, LocalTimesInStandardAndDaylightTime) {
  EXPECT_EQ(utc(local_to_instant("20261116", "0815", "America/Chicago")), "2026-11-16T14:15:00Z");
  EXPECT_EQ(utc(local_to_instant("20260716", "0815", "America/Chicago")), "2026-07-16T13:15:00Z");
  EXPECT_EQ(utc(local_to_instant("261116", "", "Europe/Berlin")), "2026-11-15T23:00:00Z");
  EXPECT_FALSE(local_to_instant("20261116", "25", zone("UTC")).ok());
}

TEST(TimeZone, NonexistentSpringForwardTimeMovesForwardByTheGap) {
  // 2026-03-08 02:00 CST -> 03:00 CDT in Chicago: 02:30 does not exist.
  const Instant t = zone("America/Chicago").to_instant({2026, 3, 8, 2, 30, 0});
  EXPECT_EQ(format_utc(t), "2026-03-08T08:30:00Z");
  const CivilTime shown = zone("America/Chicago").to_local(t);
  EXPECT_EQ(shown.hour, 3);
  EXPECT_EQ(shown.minute, 30);
}

TEST(TimeZone, AmbiguousFallBackTimeIsTheEarlierInstant) {
  // 2026-11-01 02:00 CDT -> 01:00 CST: 01:30 happens twice; the first (CDT) is taken.
  const Instant t = zone("America/Chicago").to_instant({2026, 11, 1, 1, 30, 0});
  EXPECT_EQ(format_utc(t), "2026-11-01T06:30:00Z");
  EXPECT_EQ(format_utc(zone("America/New_York").to_instant({2026, 11, 1, 1, 59, 59})),
            "2026-11-01T05:59:59Z");
}

TEST(TimeZone, TheDayIsThePartners) {
  // A delivery at 23:30 Central on the due day is on time in Chicago, late in New York.
  const Instant delivered = zone("America/Chicago").to_instant({2026, 11, 20, 23, 30, 0});
  EXPECT_EQ(local_day(delivered, zone("America/Chicago")), "2026-11-20");
  EXPECT_EQ(local_day(delivered, zone("America/New_York")), "2026-11-21");
  EXPECT_LT(delivered, end_of_local_day("2026-11-20", zone("America/Chicago")).value());
  EXPECT_GE(delivered, end_of_local_day("2026-11-20", zone("America/New_York")).value());
}

TEST(TimeZone, EndOfLocalDayFollowsDst) {
  const TimeZone chicago = zone("America/Chicago");
  EXPECT_EQ(utc(end_of_local_day("2026-11-20", chicago)), "2026-11-21T06:00:00Z");
  EXPECT_EQ(utc(end_of_local_day("2026-12-31", chicago)), "2027-01-01T06:00:00Z");
  // The spring-forward day has 23 hours, the fall-back day 25.
  const Instant mar7 = end_of_local_day("2026-03-07", chicago).value();
  const Instant mar8 = end_of_local_day("2026-03-08", chicago).value();
  EXPECT_EQ(mar8 - mar7, 23 * 3600);
  const Instant oct31 = end_of_local_day("2026-10-31", chicago).value();
  const Instant nov1 = end_of_local_day("2026-11-01", chicago).value();
  EXPECT_EQ(nov1 - oct31, 25 * 3600);
  EXPECT_FALSE(end_of_local_day("2026-02-30", chicago).ok());
}

TEST(TimeZone, X12TimeCodes) {
  const TimeZone local = zone("Europe/Berlin");
  EXPECT_EQ(x12_time_code_zone("LT", local).value(), local);
  EXPECT_EQ(x12_time_code_zone("", local).value(), local);
  EXPECT_EQ(x12_time_code_zone("CT", local).value().name(), "America/Chicago");
  EXPECT_EQ(x12_time_code_zone("ET", local).value().name(), "America/New_York");
  EXPECT_EQ(x12_time_code_zone("PT", local).value().name(), "America/Los_Angeles");
  EXPECT_EQ(x12_time_code_zone("AT", local).value().name(), "America/Anchorage");
  EXPECT_EQ(x12_time_code_zone("CS", local).value().name(), "UTC-06:00");
  EXPECT_EQ(x12_time_code_zone("CDT", local).value().name(), "UTC-05:00");
  EXPECT_EQ(x12_time_code_zone("ED", local).value().name(), "UTC-04:00");
  EXPECT_EQ(x12_time_code_zone("NS", local).value().name(), "UTC-03:30");
  EXPECT_EQ(x12_time_code_zone("UT", local).value().name(), "UTC");
  EXPECT_EQ(x12_time_code_zone("GM", local).value().name(), "UTC");
  EXPECT_EQ(x12_time_code_zone("01", local).value().name(), "UTC+01:00");
  EXPECT_EQ(x12_time_code_zone("13", local).value().name(), "UTC-12:00");
  EXPECT_EQ(x12_time_code_zone("24", local).value().name(), "UTC-01:00");
  EXPECT_FALSE(x12_time_code_zone("25", local).ok());
}

TEST(TimeZone, Iso8601WithOffset) {
  EXPECT_EQ(utc(parse_iso8601_instant("2026-11-18T10:00:00-06:00")), "2026-11-18T16:00:00Z");
  EXPECT_EQ(utc(parse_iso8601_instant("2026-11-18T16:00:00Z")), "2026-11-18T16:00:00Z");
  EXPECT_EQ(utc(parse_iso8601_instant("2026-11-18T10:00+0530")), "2026-11-18T04:30:00Z");
  EXPECT_EQ(utc(parse_iso8601_instant("2026-11-18T10:00:00.250+01:00")), "2026-11-18T09:00:00Z");
  EXPECT_FALSE(parse_iso8601_instant("2026-11-18T10:00:00").ok());  // no offset
  EXPECT_FALSE(parse_iso8601_instant("2026-11-31T10:00:00Z").ok());
  EXPECT_FALSE(parse_iso8601_instant("2026-11-18 10:00:00Z").ok());
}

TEST(TimeZone, FormatUtcPadsEveryFieldAndSpansTheYears) {
  EXPECT_EQ(format_utc(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(format_utc(1795017600), "2026-11-18T16:00:00Z");
  EXPECT_EQ(format_utc(1795017600 - 16 * 3600 - 1), "2026-11-17T23:59:59Z");
  EXPECT_EQ(format_utc(951782400), "2000-02-29T00:00:00Z");  // a leap day
  EXPECT_EQ(format_utc(-1), "1969-12-31T23:59:59Z");
  EXPECT_EQ(format_utc(253402300799), "9999-12-31T23:59:59Z");
  EXPECT_EQ(format_utc(253402300800), "10000-01-01T00:00:00Z");  // past the fast path
}

}  // namespace
}  // namespace ordex::orders
