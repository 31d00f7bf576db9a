#include "exceptions/sla_config.h"

#include <Poco/AutoPtr.h>
#include <Poco/Util/PropertyFileConfiguration.h>
#include <gtest/gtest.h>

#include <sstream>
#include <string>

namespace ordex::exceptions {
namespace {

namespace greg = boost::gregorian;
using enum Severity;

edi::Result<SlaConfig> load(const std::string& properties) {
  std::istringstream in(properties);
  Poco::AutoPtr<Poco::Util::PropertyFileConfiguration> config(
      new Poco::Util::PropertyFileConfiguration(in));
  return load_sla_config(*config);
}

Instant at(const std::string& iso) { return orders::parse_iso8601_instant(iso).value(); }

TEST(SlaConfig, ReadsCalendarsAndPoliciesInNumericOrder) {
  const auto r = load(R"(
# Central time office, Saturday mornings too.
calendar.default.timezone = America/Chicago
calendar.default.days = Mon-Sat
calendar.default.hours = 07:30-16:30
calendar.default.hours.sat = 09:00-12:00
calendar.default.holidays = 2026-11-26, 2026-12-25
calendar.berlin.timezone = Europe/Berlin
calendar.berlin.days = Mon,Tue,Wed,Thu
sla.policy.10.name = catch-all
sla.policy.10.response = 1d
sla.policy.10.resolve = 5d
sla.policy.2.name = logistics
sla.policy.2.queue = logistics
sla.policy.2.response = 2h
sla.policy.2.resolve = 1d4h
sla.policy.2.calendar = berlin
sla.policy.2.at_risk = 0.75
sla.policy.2.escalate = 1.5:director, 0.5:lead
sla.policy.1.name = critical-logistics
sla.policy.1.queue = logistics
sla.policy.1.type = DELIVERY_OVERDUE, ASN_MISSING
sla.policy.1.severity = critical
sla.policy.1.partner = NORTHWIND
sla.policy.1.response = 1h
sla.policy.1.resolve = 8h
sla.policy.1.escalate = none
)");
  ASSERT_TRUE(r.ok()) << r.error();
  const SlaConfig& config = r.value();
  ASSERT_EQ(config.calendars.size(), 2u);

  const BusinessCalendar* office = config.calendar("default");
  ASSERT_NE(office, nullptr);
  EXPECT_EQ(office->zone().name(), "America/Chicago");
  EXPECT_EQ(office->week()[greg::Monday], (WorkingHours{7 * 60 + 30, 16 * 60 + 30}));
  EXPECT_EQ(office->week()[greg::Saturday], (WorkingHours{9 * 60, 12 * 60}));
  EXPECT_FALSE(office->week()[greg::Sunday]);
  EXPECT_EQ(office->holidays(),
            (std::vector<greg::date>{greg::date(2026, 11, 26), greg::date(2026, 12, 25)}));
  // Friday 16:00 CST to Monday 08:30 CST: half an hour, Saturday's three, one on Monday.
  EXPECT_EQ(office->business_seconds(at("2026-11-20T16:00-06:00"), at("2026-11-23T08:30-06:00")),
            (30 + 180 + 60) * 60);

  const BusinessCalendar* berlin = config.calendar("berlin");
  ASSERT_NE(berlin, nullptr);
  EXPECT_EQ(berlin->zone().name(), "Europe/Berlin");
  EXPECT_FALSE(berlin->week()[greg::Friday]);
  EXPECT_EQ(berlin->week()[greg::Monday], (WorkingHours{8 * 60, 17 * 60}));

  const std::vector<SlaPolicy>& policies = config.policies.policies();
  ASSERT_EQ(policies.size(), 3u + 4u) << "three configured, then the built-in fallback";
  EXPECT_EQ(policies[0].name, "critical-logistics");
  EXPECT_EQ(policies[1].name, "logistics");
  EXPECT_EQ(policies[2].name, "catch-all");
  EXPECT_EQ(policies[3].name, "default-critical");

  const SlaPolicy& first = policies[0];
  EXPECT_EQ(first.types, (std::vector<ExceptionType>{ExceptionType::kDeliveryOverdue,
                                                     ExceptionType::kAsnMissing}));
  EXPECT_EQ(first.severities, (std::vector<Severity>{kCritical}));
  EXPECT_EQ(first.partners, (std::vector<std::string>{"NORTHWIND"}));
  EXPECT_EQ(first.calendar, "default");
  EXPECT_TRUE(first.escalation.empty());

  const SlaPolicy& second = policies[1];
  EXPECT_EQ(second.resolve, (BusinessDuration{1, 4 * 3600}));
  EXPECT_EQ(second.calendar, "berlin");
  EXPECT_DOUBLE_EQ(second.at_risk, 0.75);
  EXPECT_EQ(second.escalation, (std::vector<EscalationLevel>{{0.5, "lead"}, {1.5, "director"}}));
  EXPECT_DOUBLE_EQ(policies[2].at_risk, 0.8);

  EXPECT_EQ(
      config.policies.match("logistics", ExceptionType::kAsnMissing, kCritical, "NORTHWIND")->name,
      "critical-logistics");
  EXPECT_EQ(
      config.policies.match("logistics", ExceptionType::kAsnLate, kCritical, "NORTHWIND")->name,
      "logistics");
  EXPECT_EQ(config.policies.match("order-desk", ExceptionType::kAsnLate, kLow, "")->name,
            "catch-all");
}

TEST(SlaConfig, AnEmptyFileGivesTheBuiltInDefaults) {
  const auto r = load("");
  ASSERT_TRUE(r.ok()) << r.error();
  ASSERT_EQ(r.value().calendars.size(), 1u);
  const BusinessCalendar& office = r.value().calendars[0];
  EXPECT_EQ(office.name(), "default");
  EXPECT_EQ(office.zone().name(), "America/Chicago");
  EXPECT_EQ(office.week(), office_week({8 * 60, 17 * 60}));
  EXPECT_TRUE(office.holidays().empty());
  const std::vector<SlaPolicy>& policies = r.value().policies.policies();
  ASSERT_EQ(policies.size(), 4u);
  EXPECT_EQ(policies[0].name, "default-critical");
  EXPECT_EQ(policies[3].name, "default-low");
}

TEST(SlaConfig, TheFallbackCanBeTurnedOff) {
  const auto r =
      load("sla.fallback = false\nsla.policy.1.response = 1h\nsla.policy.1.resolve = 2h\n");
  ASSERT_TRUE(r.ok()) << r.error();
  ASSERT_EQ(r.value().policies.policies().size(), 1u);
  EXPECT_EQ(r.value().policies.policies()[0].name, "policy-1");
  EXPECT_EQ(r.value().policies.match("q", ExceptionType::kAsnLate, kLow, "")->name, "policy-1");
}

struct BadCase {
  const char* properties;
  const char* key;  // the error must start with it
};

TEST(SlaConfig, ABadValueNamesItsKey) {
  const BadCase cases[] = {
      {"calendar.default.days = Mon,Fir", "calendar.default.days: unknown weekday 'Fir'"},
      {"calendar.default.days = ", "calendar.default.days: no working day"},
      {"calendar.x.timezone = America/Chicag", "calendar.x.timezone: unknown time zone"},
      {"calendar.default.hours = 17:00-08:00", "calendar.default.hours:"},
      {"calendar.default.hours = 8-17", "calendar.default.hours:"},
      {"calendar.default.hours.sat = 09:00-12:00", "calendar.default.hours.sat: the day is not"},
      {"calendar.default.hours.saturday = 09:00-12:00", "calendar.default.hours.saturday:"},
      {"calendar.default.holidays = 2026-11-26, 2026-02-30",
       "calendar.default.holidays: '2026-02-30'"},
      {"calendar.default.timzone = UTC", "calendar.default.timzone: unknown key"},
      {"sla.policy.1.response = 1h\nsla.policy.1.resolve = 8 hours",
       "sla.policy.1.resolve: '8 hours' is not a business duration"},
      {"sla.policy.1.resolve = 8h", "sla.policy.1.response: missing"},
      {"sla.policy.1.response = 1h\nsla.policy.1.resolve = 8h\nsla.policy.1.calendar = uk",
       "sla.policy.1.calendar: no calendar.uk"},
      {"sla.policy.1.response = 1h\nsla.policy.1.resolve = 8h\nsla.policy.1.sevrity = high",
       "sla.policy.1.sevrity: unknown key"},
      {"sla.policy.1.response = 1h\nsla.policy.1.resolve = 8h\nsla.policy.1.severity = urgent",
       "sla.policy.1.severity: unknown severity 'urgent'"},
      {"sla.policy.1.response = 1h\nsla.policy.1.resolve = 8h\nsla.policy.1.type = ASN_LOST",
       "sla.policy.1.type: unknown exception type 'ASN_LOST'"},
      {"sla.policy.1.response = 1h\nsla.policy.1.resolve = 8h\nsla.policy.1.at_risk = 1.5",
       "sla.policy.1.at_risk:"},
      {"sla.policy.1.response = 1h\nsla.policy.1.resolve = 8h\nsla.policy.1.escalate = 0.8",
       "sla.policy.1.escalate: '0.8' is not fraction:level"},
      {"sla.policy.1.response = 1h\nsla.policy.1.resolve = 8h\nsla.policy.1.escalate = x:lead",
       "sla.policy.1.escalate:"},
      {"sla.policy.1.response = 1h\nsla.policy.1.resolve = 8h\n"
       "sla.policy.1.escalate = 1.0:lead, 1:manager",
       "sla.policy.1.escalate: two levels"},
      {"sla.policy.first.response = 1h", "sla.policy.first: sections are numbered"},
      {"sla.policy.1.response = 1h\nsla.policy.1.resolve = 8h\n"
       "sla.policy.01.response = 1h\nsla.policy.01.resolve = 8h",
       "sla.policy.1: same number as sla.policy.01"},
      {"sla.fallback = maybe", "sla.fallback:"},
      {"sla.policies.1.response = 1h", "sla.policies: unknown key"},
  };
  for (const BadCase& c : cases) {
    const auto r = load(c.properties);
    ASSERT_FALSE(r.ok()) << c.properties;
    EXPECT_EQ(r.error().rfind(c.key, 0), 0u) << c.properties << "\n gave: " << r.error();
  }
}

}  // namespace
}  // namespace ordex::exceptions
