#include "exceptions/sla_policy.h"

#include <gtest/gtest.h>

namespace ordex::exceptions {
namespace {

using enum ExceptionType;
using enum Severity;

SlaPolicy named(std::string name) {
  SlaPolicy p;
  p.name = std::move(name);
  p.response = BusinessDuration::hours(1);
  p.resolve = BusinessDuration::hours(8);
  return p;
}

TEST(SlaPolicy, EmptyCriteriaMatchAnything) {
  const SlaPolicy any = named("any");
  EXPECT_TRUE(any.matches("logistics", kAsnMissing, kLow, "NORTHWIND"));
  EXPECT_TRUE(any.matches("", kEdiRejected, kCritical, ""));
}

TEST(SlaPolicy, EveryGivenCriterionMustMatchOneOfItsValues) {
  SlaPolicy p = named("p");
  p.queues = {"logistics", "order-desk"};
  p.severities = {kCritical, kHigh};
  p.partners = {"NORTHWIND"};
  EXPECT_TRUE(p.matches("order-desk", kAckRejected, kHigh, "NORTHWIND"));
  EXPECT_FALSE(p.matches("edi-support", kAckRejected, kHigh, "NORTHWIND"));
  EXPECT_FALSE(p.matches("logistics", kAckRejected, kMedium, "NORTHWIND"));
  EXPECT_FALSE(p.matches("logistics", kAckRejected, kHigh, "CONTOSO"));
  p.types = {kDeliveryOverdue};
  EXPECT_FALSE(p.matches("logistics", kAckRejected, kHigh, "NORTHWIND"));
  EXPECT_TRUE(p.matches("logistics", kDeliveryOverdue, kHigh, "NORTHWIND"));
}

TEST(SlaPolicySet, TheFirstMatchWinsInOrder) {
  SlaPolicySet set;
  SlaPolicy partner = named("northwind-logistics");
  partner.queues = {"logistics"};
  partner.partners = {"NORTHWIND"};
  SlaPolicy logistics = named("logistics");
  logistics.queues = {"logistics"};
  SlaPolicy critical = named("critical");
  critical.severities = {kCritical};
  set.add(partner);
  set.add(logistics);
  set.add(critical);

  EXPECT_EQ(set.match("logistics", kDeliveryOverdue, kCritical, "NORTHWIND")->name,
            "northwind-logistics");
  EXPECT_EQ(set.match("logistics", kDeliveryOverdue, kCritical, "CONTOSO")->name, "logistics");
  EXPECT_EQ(set.match("edi-support", kEdiRejected, kCritical, "CONTOSO")->name, "critical");
  EXPECT_EQ(set.match("edi-support", kEdiRejected, kLow, "CONTOSO"), nullptr);
}

TEST(SlaPolicySet, BuiltinsCoverEverySeverity) {
  SlaPolicySet set;
  for (SlaPolicy& p : builtin_sla_policies()) set.add(std::move(p));
  const SlaPolicy* critical = set.match("logistics", kDeliveryOverdue, kCritical, "X");
  ASSERT_NE(critical, nullptr);
  EXPECT_EQ(critical->name, "default-critical");
  EXPECT_EQ(critical->response, BusinessDuration::hours(1));
  EXPECT_EQ(critical->resolve, BusinessDuration::hours(8));
  EXPECT_EQ(set.match("q", kAsnLate, kHigh, "")->resolve, BusinessDuration::business_days(2));
  EXPECT_EQ(set.match("q", kAsnLate, kMedium, "")->response, BusinessDuration::business_days(1));
  const SlaPolicy* low = set.match("q", kAsnLate, kLow, "");
  EXPECT_EQ(low->response, BusinessDuration::business_days(2));
  EXPECT_EQ(low->resolve, BusinessDuration::business_days(5));
  EXPECT_EQ(low->calendar, "default");
  EXPECT_DOUBLE_EQ(low->at_risk, 0.8);
  EXPECT_EQ(low->escalation, (std::vector<EscalationLevel>{{0.8, "lead"}, {1.0, "manager"}}));
}

}  // namespace
}  // namespace ordex::exceptions
