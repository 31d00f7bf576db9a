// The report.* configuration keys.
#include "reports/report_config.h"

#include <Poco/AutoPtr.h>
#include <Poco/Util/MapConfiguration.h>
#include <gtest/gtest.h>

namespace ordex::reports {
namespace {

edi::Result<DayDefinition> load(std::initializer_list<std::pair<const char*, const char*>> keys) {
  Poco::AutoPtr<Poco::Util::MapConfiguration> c(new Poco::Util::MapConfiguration);
  for (const auto& [k, v] : keys) c->setString(k, v);
  return load_day_definition(*c, orders::TimeZone::named("America/Chicago").value());
}

TEST(ReportConfig, DefaultsToTheRollingDay) {
  auto day = load({});
  ASSERT_TRUE(day.ok()) << day.error();
  EXPECT_EQ(day.value().mode, DayMode::kRolling);
}

TEST(ReportConfig, LocalDayTakesTheCalendarZoneUnlessNamed) {
  auto fallback = load({{"report.day", "local"}});
  ASSERT_TRUE(fallback.ok()) << fallback.error();
  EXPECT_EQ(fallback.value().mode, DayMode::kLocal);
  EXPECT_EQ(fallback.value().zone.name(), "America/Chicago");
  auto named = load({{"report.day", "local"}, {"report.timezone", "Europe/Berlin"}});
  ASSERT_TRUE(named.ok()) << named.error();
  EXPECT_EQ(named.value().zone.name(), "Europe/Berlin");
}

TEST(ReportConfig, BadValuesNameTheirKey) {
  auto mode = load({{"report.day", "calendar"}});
  ASSERT_FALSE(mode.ok());
  EXPECT_NE(mode.error().find("report.day"), std::string::npos);
  auto zone = load({{"report.day", "local"}, {"report.timezone", "Mars/Olympus"}});
  ASSERT_FALSE(zone.ok());
  EXPECT_NE(zone.error().find("report.timezone"), std::string::npos);
  auto typo = load({{"report.time_zone", "America/Chicago"}});
  ASSERT_FALSE(typo.ok());
  EXPECT_NE(typo.error().find("report.time_zone"), std::string::npos);
}

}  // namespace
}  // namespace ordex::reports
