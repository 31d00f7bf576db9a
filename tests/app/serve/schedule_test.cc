// Schedule: cron fields, Vixie cron's day rule, names and macros, time zones across the clock
// changes, intervals, and the errors a config file gets.
#include "app/serve/schedule.h"

#include <gtest/gtest.h>

namespace ordex::app::serve {
namespace {

orders::Instant at(const char* iso) {
  auto t = orders::parse_iso8601_instant(iso);
  EXPECT_TRUE(t.ok()) << iso;
  return t.ok() ? t.value() : 0;
}

std::string next(const char* cron, const char* after, const char* zone = "UTC") {
  auto s = Schedule::parse(cron);
  EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error());
  auto z = orders::TimeZone::named(zone);
  EXPECT_TRUE(z.ok());
  if (!s.ok() || !z.ok()) return "";
  const auto n = s.value().next_after(at(after), z.value());
  return n ? orders::format_utc(*n) : "never";
}

TEST(Schedule, EveryFiveMinutesIsTheNextMultipleStrictlyAfter) {
  EXPECT_EQ(next("*/5 * * * *", "2026-11-25T04:50:00Z"), "2026-11-25T04:55:00Z");
  EXPECT_EQ(next("*/5 * * * *", "2026-11-25T04:51:59Z"), "2026-11-25T04:55:00Z");
  EXPECT_EQ(next("*/5 * * * *", "2026-11-25T23:58:00Z"), "2026-11-26T00:00:00Z");
}

TEST(Schedule, ListsRangesAndStepsInEachField) {
  EXPECT_EQ(next("0,30 9-17/4 * * *", "2026-11-25T09:10:00Z"), "2026-11-25T09:30:00Z");
  EXPECT_EQ(next("0,30 9-17/4 * * *", "2026-11-25T09:30:00Z"), "2026-11-25T13:00:00Z");
  EXPECT_EQ(next("0,30 9-17/4 * * *", "2026-11-25T17:30:00Z"), "2026-11-26T09:00:00Z");
  EXPECT_EQ(next("15 2 1 jan,jul *", "2026-11-25T00:00:00Z"), "2027-01-01T02:15:00Z");
  EXPECT_EQ(next("5/20 * * * *", "2026-11-25T10:26:00Z"), "2026-11-25T10:45:00Z");
}

TEST(Schedule, WeekdaysByNumberAndNameAndSevenIsSunday) {
  // 2026-11-25 is a Wednesday.
  EXPECT_EQ(next("0 6 * * mon-fri", "2026-11-27T07:00:00Z"), "2026-11-30T06:00:00Z");
  EXPECT_EQ(next("0 6 * * 7", "2026-11-25T00:00:00Z"), "2026-11-29T06:00:00Z");
  EXPECT_EQ(next("0 6 * * 0", "2026-11-25T00:00:00Z"), "2026-11-29T06:00:00Z");
}

TEST(Schedule, BothDayFieldsRestrictedMeansEither) {
  // The 1st of the month or a Friday, whichever comes first (Vixie cron).
  EXPECT_EQ(next("0 0 1 * 5", "2026-11-25T00:00:00Z"), "2026-11-27T00:00:00Z");
  EXPECT_EQ(next("0 0 1 * 5", "2026-11-28T00:00:00Z"), "2026-12-01T00:00:00Z");
  // A star day field keeps the other one a plain filter.
  EXPECT_EQ(next("0 0 */10 * 5", "2026-11-25T00:00:00Z"), "2026-12-11T00:00:00Z");
}

TEST(Schedule, MacrosAndImpossibleDates) {
  EXPECT_EQ(next("@hourly", "2026-11-25T04:50:00Z"), "2026-11-25T05:00:00Z");
  EXPECT_EQ(next("@daily", "2026-11-25T04:50:00Z"), "2026-11-26T00:00:00Z");
  EXPECT_EQ(next("0 0 29 2 *", "2026-11-25T00:00:00Z"), "2028-02-29T00:00:00Z");
  EXPECT_EQ(next("0 0 30 2 *", "2026-11-25T00:00:00Z"), "never");
}

TEST(Schedule, WallClockTimesInTheZoneAcrossClockChanges) {
  // 06:00 in Chicago is 12:00Z in winter (CST) and 11:00Z in summer (CDT).
  EXPECT_EQ(next("0 6 * * *", "2026-11-25T13:00:00Z", "America/Chicago"), "2026-11-26T12:00:00Z");
  EXPECT_EQ(next("0 6 * * *", "2026-07-01T13:00:00Z", "America/Chicago"), "2026-07-02T11:00:00Z");
  // 02:30 does not exist on 2026-03-08: it runs at the offset before the change (08:30Z).
  EXPECT_EQ(next("30 2 * * *", "2026-03-08T05:00:00Z", "America/Chicago"), "2026-03-08T08:30:00Z");
  // 01:30 happens twice on 2026-11-01: it runs once, the first time.
  EXPECT_EQ(next("30 1 * * *", "2026-11-01T05:00:00Z", "America/Chicago"), "2026-11-01T06:30:00Z");
  EXPECT_EQ(next("30 1 * * *", "2026-11-01T06:30:00Z", "America/Chicago"), "2026-11-02T07:30:00Z");
}

TEST(Schedule, EveryIsAnIntervalFromThePreviousRun) {
  auto s = Schedule::parse("every 30s");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s.value().interval(), 30);
  EXPECT_EQ(s.value().next_after(1000, orders::TimeZone::utc()), 1030);
  EXPECT_EQ(Schedule::parse("every 1h30m").value().interval(), 5400);
  EXPECT_EQ(parse_interval("5m").value(), 300);
  EXPECT_EQ(parse_interval("90").value(), 90);
}

TEST(Schedule, MalformedExpressionsNameTheField) {
  const char* bad[] = {"* * * *",     "60 * * * *",
                       "* 24 * * *",  "* * 0 * *",
                       "* * * 13 *",  "* * * * 8",
                       "*/0 * * * *", "a * * * *",
                       "5-1 * * * *", "every",
                       "every 0s",    "every 5x",
                       "every 30s5m", ""};
  for (const char* text : bad) {
    auto s = Schedule::parse(text);
    EXPECT_FALSE(s.ok()) << text;
  }
  EXPECT_NE(Schedule::parse("61 * * * *").error().find("minute field"), std::string::npos);
  EXPECT_NE(Schedule::parse("* * * * fri-mon").error().find("day-of-week"), std::string::npos);
  EXPECT_FALSE(parse_interval("1h30").ok());
  EXPECT_FALSE(parse_interval("-5s").ok());
}

}  // namespace
}  // namespace ordex::app::serve
