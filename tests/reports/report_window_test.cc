// The report's daily windows: rolling 24 h and local calendar days, their boundaries, and
// calendar days across a DST change.
#include "reports/report_window.h"

#include <gtest/gtest.h>

#include "orders/time_zone.h"

namespace ordex::reports {
namespace {

constexpr Instant kHour = 3600;

Instant at(const char* iso) {
  auto t = orders::parse_iso8601_instant(iso);
  EXPECT_TRUE(t.ok()) << iso;
  return t.ok() ? t.value() : 0;
}

DayDefinition chicago() {
  auto zone = orders::TimeZone::named("America/Chicago");
  EXPECT_TRUE(zone.ok());
  return DayDefinition{DayMode::kLocal, zone.value()};
}

TEST(ReportWindow, RollingEndsAtAsOfInclusive) {
  const Instant as_of = at("2026-11-23T14:00:00Z");
  const std::vector<Window> w = daily_windows(as_of, DayDefinition{}, 8);
  ASSERT_EQ(w.size(), 8u);
  EXPECT_TRUE(w[0].contains(as_of));
  EXPECT_FALSE(w[0].contains(as_of + 1));
  EXPECT_FALSE(w[0].contains(as_of - 24 * kHour));  // the prior day's last second
  EXPECT_TRUE(w[1].contains(as_of - 24 * kHour));
  EXPECT_EQ(w[0].last(), as_of);
  for (std::size_t k = 1; k < w.size(); ++k) EXPECT_EQ(w[k].to, w[k - 1].from);
}

TEST(ReportWindow, LocalDayIsYesterdayInChicago) {
  // 08:00 CST on Monday the 23rd: the report is of Sunday the 22nd, 00:00 to 24:00 CST.
  const std::vector<Window> w = daily_windows(at("2026-11-23T08:00:00-06:00"), chicago(), 8);
  EXPECT_EQ(w[0].from, at("2026-11-22T00:00:00-06:00"));
  EXPECT_EQ(w[0].to, at("2026-11-23T00:00:00-06:00"));
  EXPECT_TRUE(w[0].contains(at("2026-11-22T00:00:00-06:00")));  // midnight opens the day
  EXPECT_TRUE(w[0].contains(at("2026-11-22T23:59:59-06:00")));
  EXPECT_FALSE(w[0].contains(at("2026-11-23T00:00:00-06:00")));  // and belongs to the next
  EXPECT_EQ(w[7].from, at("2026-11-15T00:00:00-06:00"));
}

TEST(ReportWindow, LocalDayAtMidnightIsTheDayJustEnded) {
  const DayDefinition day = chicago();
  EXPECT_EQ(daily_windows(at("2026-11-23T00:00:00-06:00"), day, 1)[0].from,
            at("2026-11-22T00:00:00-06:00"));
  EXPECT_EQ(daily_windows(at("2026-11-22T23:59:59-06:00"), day, 1)[0].from,
            at("2026-11-21T00:00:00-06:00"));
}

TEST(ReportWindow, LocalDaysAcrossDaylightSavingChanges) {
  // Clocks went back on Sunday 2026-11-01 (25 h) and go forward on Sunday 2027-03-14 (23 h).
  const std::vector<Window> fall = daily_windows(at("2026-11-03T08:00:00-06:00"), chicago(), 2);
  EXPECT_EQ(fall[0].to - fall[0].from, 24 * kHour);  // Monday the 2nd
  EXPECT_EQ(fall[1].to - fall[1].from, 25 * kHour);  // Sunday the 1st
  EXPECT_EQ(fall[1].from, at("2026-11-01T00:00:00-05:00"));
  const std::vector<Window> spring = daily_windows(at("2027-03-16T08:00:00-05:00"), chicago(), 2);
  EXPECT_EQ(spring[1].to - spring[1].from, 23 * kHour);
}

TEST(ReportWindow, IndexFindsTheOneWindowOrNone) {
  const std::vector<Window> w = daily_windows(at("2026-11-23T08:00:00-06:00"), chicago(), 8);
  EXPECT_EQ(window_index(w, at("2026-11-22T12:00:00-06:00")), 0);
  EXPECT_EQ(window_index(w, at("2026-11-21T23:59:59-06:00")), 1);
  EXPECT_EQ(window_index(w, at("2026-11-15T00:00:00-06:00")), 7);
  EXPECT_EQ(window_index(w, at("2026-11-14T23:59:59-06:00")), -1);
  EXPECT_EQ(window_index(w, at("2026-11-23T07:00:00-06:00")), -1);  // today, not reported yet
}

}  // namespace
}  // namespace ordex::reports
