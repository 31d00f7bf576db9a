#include "exceptions/business_calendar.h"

#include <gtest/gtest.h>

#include <string>

namespace ordex::exceptions {
namespace {

namespace greg = boost::gregorian;

constexpr std::int64_t kHour = 3600;
constexpr std::int64_t kDay = 9 * kHour;  // 08:00-17:00

Instant at(const std::string& iso) { return orders::parse_iso8601_instant(iso).value(); }

BusinessCalendar chicago(WorkingWeek week = office_week()) {
  // Thanksgiving (a Thursday) and Christmas (a Friday) 2026.
  return BusinessCalendar::make("chicago", orders::TimeZone::named("America/Chicago").value(), week,
                                {greg::date(2026, 12, 25), greg::date(2026, 11, 26)})
      .value();
}

WorkingWeek every_day(WorkingHours hours) {
  WorkingWeek week;
  week.fill(hours);
  return week;
}

TEST(BusinessCalendar, CountsOnlyTheWorkingPartOfADay) {
  const BusinessCalendar cal = chicago();
  EXPECT_EQ(cal.business_seconds(at("2026-03-02T09:00-06:00"), at("2026-03-02T11:30-06:00")),
            2 * kHour + 1800);
  EXPECT_EQ(cal.business_seconds(at("2026-03-02T06:00-06:00"), at("2026-03-02T20:00-06:00")), kDay);
  EXPECT_EQ(cal.business_seconds(at("2026-03-02T11:00-06:00"), at("2026-03-02T09:00-06:00")), 0);
}

TEST(BusinessCalendar, SkipsTheWeekendIntoDaylightTime) {
  // Clocks go forward Sunday 2026-03-08: Monday opens at 08:00 CDT = 13:00Z, not 14:00Z.
  const BusinessCalendar cal = chicago();
  EXPECT_EQ(cal.business_seconds(at("2026-03-06T16:00-06:00"), at("2026-03-09T09:00-05:00")),
            2 * kHour);
  EXPECT_EQ(cal.next_opening(at("2026-03-07T12:00-06:00")), at("2026-03-09T13:00Z"));
  EXPECT_EQ(cal.add_business_seconds(at("2026-03-06T16:00-06:00"), 2 * kHour),
            at("2026-03-09T09:00-05:00"));
}

TEST(BusinessCalendar, SkipsTheWeekendBackToStandardTime) {
  // Clocks go back Sunday 2026-11-01: Monday opens at 08:00 CST = 14:00Z.
  const BusinessCalendar cal = chicago();
  EXPECT_EQ(cal.add_business_seconds(at("2026-10-30T16:00-05:00"), 2 * kHour),
            at("2026-11-02T15:00Z"));
  EXPECT_EQ(cal.business_seconds(at("2026-10-30T16:00-05:00"), at("2026-11-02T09:00-06:00")),
            2 * kHour);
}

TEST(BusinessCalendar, ADaylightSavingDayKeepsItsLocalHours) {
  const BusinessCalendar cal = chicago(every_day({8 * 60, 17 * 60}));
  const auto spring = cal.working_span(greg::date(2026, 3, 8));
  ASSERT_TRUE(spring);
  EXPECT_EQ(spring->open, at("2026-03-08T13:00Z"));
  EXPECT_EQ(spring->close, at("2026-03-08T22:00Z"));
  const auto fall = cal.working_span(greg::date(2026, 11, 1));
  ASSERT_TRUE(fall);
  EXPECT_EQ(fall->open, at("2026-11-01T14:00Z"));
  EXPECT_EQ(fall->close, at("2026-11-01T23:00Z"));
  EXPECT_EQ(cal.business_seconds(at("2026-03-08T00:00-06:00"), at("2026-03-09T00:00-05:00")), kDay);
}

TEST(BusinessCalendar, ARoundTheClockDayIsAsLongAsTheClocksSay) {
  const BusinessCalendar cal = chicago(every_day({0, 24 * 60}));
  // Noon to noon around each change: 12 h + the DST day + 12 h.
  EXPECT_EQ(cal.business_seconds(at("2026-03-07T12:00-06:00"), at("2026-03-09T12:00-05:00")),
            (12 + 23 + 12) * kHour);
  EXPECT_EQ(cal.business_seconds(at("2026-10-31T12:00-05:00"), at("2026-11-02T12:00-06:00")),
            (12 + 25 + 12) * kHour);
  EXPECT_TRUE(cal.is_working(at("2026-11-01T01:30-05:00")));
  EXPECT_TRUE(cal.is_working(at("2026-11-01T01:30-06:00")));
}

TEST(BusinessCalendar, SkipsHolidays) {
  const BusinessCalendar cal = chicago();
  EXPECT_EQ(cal.add_business_seconds(at("2026-11-25T16:00-06:00"), 2 * kHour),
            at("2026-11-27T09:00-06:00"));
  EXPECT_EQ(cal.business_seconds(at("2026-11-25T08:00-06:00"), at("2026-11-30T08:00-06:00")),
            2 * kDay);
  EXPECT_FALSE(cal.is_working(at("2026-11-26T10:00-06:00")));
  // Christmas on a Friday: Thursday's last hour, then Monday.
  EXPECT_EQ(cal.add_business_seconds(at("2026-12-24T16:00-06:00"), 2 * kHour),
            at("2026-12-28T09:00-06:00"));
  EXPECT_TRUE(cal.is_holiday(greg::date(2026, 11, 26)));
  EXPECT_FALSE(cal.working_span(greg::date(2026, 12, 25)));
}

TEST(BusinessCalendar, AWholeYearIsItsWeekdaysLessHolidays) {
  // 2026 starts and ends on a Thursday: 52 weeks and one day, 261 weekdays, 2 holidays.
  const BusinessCalendar cal = chicago();
  const Instant start = at("2026-01-01T00:00-06:00");
  EXPECT_EQ(cal.business_seconds(start, at("2027-01-01T00:00-06:00")), 259 * kDay);
  EXPECT_EQ(cal.add_business_seconds(start, 259 * kDay), at("2026-12-31T17:00-06:00"));
}

TEST(BusinessCalendar, OpeningAndClosingEdges) {
  const BusinessCalendar cal = chicago();
  EXPECT_TRUE(cal.is_working(at("2026-03-02T08:00-06:00")));
  EXPECT_TRUE(cal.is_working(at("2026-03-02T16:59:59-06:00")));
  EXPECT_FALSE(cal.is_working(at("2026-03-02T17:00-06:00")));
  EXPECT_FALSE(cal.is_working(at("2026-03-07T10:00-06:00")));
  EXPECT_EQ(cal.next_opening(at("2026-03-02T10:15-06:00")), at("2026-03-02T10:15-06:00"));
  EXPECT_EQ(cal.next_opening(at("2026-03-06T17:00-06:00")), at("2026-03-09T08:00-05:00"));
  // Ending exactly at closing time is that instant, not the next morning.
  EXPECT_EQ(cal.add_business_seconds(at("2026-03-02T08:00-06:00"), kDay),
            at("2026-03-02T17:00-06:00"));
  EXPECT_EQ(cal.add_business_seconds(at("2026-03-02T06:00-06:00"), kHour),
            at("2026-03-02T09:00-06:00"));
  EXPECT_EQ(cal.add_business_seconds(at("2026-03-07T06:00-06:00"), 0),
            at("2026-03-07T06:00-06:00"));
}

TEST(BusinessCalendar, ADayCanHaveItsOwnHours) {
  WorkingWeek week = office_week();
  week[greg::Saturday] = WorkingHours{9 * 60, 13 * 60};
  const BusinessCalendar cal = chicago(week);
  EXPECT_EQ(cal.business_seconds(at("2026-03-06T16:00-06:00"), at("2026-03-09T09:00-05:00")),
            (1 + 4 + 1) * kHour);
  EXPECT_EQ(cal.day_seconds(), kDay);
}

TEST(BusinessCalendar, AddThenCountGivesBackTheAmount) {
  const BusinessCalendar cal = chicago();
  for (const char* from : {"2026-03-06T16:59:59-06:00", "2026-10-31T03:00-05:00",
                           "2026-11-25T12:34:56-06:00", "2026-12-31T23:00-06:00"}) {
    for (std::int64_t s :
         {std::int64_t{1}, std::int64_t{59}, kHour, kDay, kDay + 1, 17 * kDay + 4321}) {
      const Instant due = cal.add_business_seconds(at(from), s);
      EXPECT_EQ(cal.business_seconds(at(from), due), s) << from << " + " << s;
      EXPECT_EQ(cal.business_seconds(at(from), due - 1), s - 1) << "earliest such instant";
    }
  }
}

TEST(BusinessCalendar, DefaultIsOfficeHoursInUtc) {
  const BusinessCalendar cal;
  EXPECT_EQ(cal.name(), "default");
  EXPECT_EQ(cal.business_seconds(at("2026-03-02T00:00Z"), at("2026-03-09T00:00Z")), 5 * kDay);
}

TEST(BusinessCalendar, RefusesAWeekWithoutWorkingTime) {
  const auto utc = orders::TimeZone::utc();
  const auto none = BusinessCalendar::make("closed", utc, WorkingWeek{}, {});
  ASSERT_FALSE(none.ok());
  EXPECT_NE(none.error().find("no working day"), std::string::npos);
  EXPECT_FALSE(BusinessCalendar::make("backwards", utc, office_week({17 * 60, 8 * 60}), {}).ok());
  EXPECT_FALSE(BusinessCalendar::make("long", utc, office_week({0, 24 * 60 + 1}), {}).ok());
  const auto holidays = BusinessCalendar::make(
      "h", utc, office_week(),
      {greg::date(2026, 12, 25), greg::date(2026, 1, 1), greg::date(2026, 12, 25)});
  ASSERT_TRUE(holidays.ok());
  EXPECT_EQ(holidays.value().holidays(),
            (std::vector<greg::date>{greg::date(2026, 1, 1), greg::date(2026, 12, 25)}));
}

}  // namespace
}  // namespace ordex::exceptions
