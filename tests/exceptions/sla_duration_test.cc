#include <gtest/gtest.h>

#include "exceptions/business_calendar.h"
#include "exceptions/duration.h"

namespace ordex::exceptions {
namespace {

TEST(BusinessDuration, ReadsDaysHoursAndMinutes) {
  EXPECT_EQ(parse_business_duration("90m").value(), (BusinessDuration{0, 5400}));
  EXPECT_EQ(parse_business_duration("4h").value(), (BusinessDuration{0, 14400}));
  EXPECT_EQ(parse_business_duration("2d").value(), (BusinessDuration{2, 0}));
  EXPECT_EQ(parse_business_duration("1d4h30m").value(), (BusinessDuration{1, 16200}));
  EXPECT_EQ(parse_business_duration("0d1m").value(), (BusinessDuration{0, 60}));
}

TEST(BusinessDuration, RefusesAnythingElse) {
  for (const char* bad : {"", "h", "4", "4x", "1h1d", "1h2h", "0h", "0d0m", " 4h", "4h ", "-1h",
                          "1.5h", "123456h", "4 h"}) {
    const auto r = parse_business_duration(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_NE(r.error().find("not a business duration"), std::string::npos);
  }
}

TEST(BusinessDuration, ADayIsTheCalendarsWorkingDay) {
  const BusinessCalendar office;  // 08:00-17:00
  EXPECT_EQ(parse_business_duration("2d").value().seconds_on(office), 18 * 3600);
  const BusinessCalendar long_days =
      BusinessCalendar::make("long", orders::TimeZone::utc(), office_week({7 * 60, 19 * 60}), {})
          .value();
  EXPECT_EQ(parse_business_duration("1d2h").value().seconds_on(long_days), 14 * 3600);
}

TEST(BusinessDuration, PrintsWhatItReads) {
  EXPECT_EQ(to_string(BusinessDuration{0, 5400}), "1h30m");
  EXPECT_EQ(to_string(BusinessDuration{3, 0}), "3d");
  EXPECT_EQ(to_string(BusinessDuration{1, 16200}), "1d4h30m");
  for (const char* text : {"45m", "8h", "5d", "2d1h1m"}) {
    EXPECT_EQ(to_string(parse_business_duration(text).value()), text);
  }
}

}  // namespace
}  // namespace ordex::exceptions
