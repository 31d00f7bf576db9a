// CARRIER_EXCEPTION: problem statuses, and the later delivery that settles them.
#include <gtest/gtest.h>

#include "exceptions/rules.h"
#include "tests/exceptions/case_builder.h"

namespace ordex::exceptions {
namespace {

using namespace testing;
using enum ExceptionType;

Evaluation run(const OrderCase& c) { return evaluate_order(c, {}, at("2026-11-20T18:00:00Z")); }

TEST(CarrierException, DamageIsReportedPerEvent) {
  OrderCase c = northwind_case();
  c.events = {event("X3", "2026-11-19T08:00:00Z", "SN-77"),
              event("A9", "2026-11-20T14:00:00Z", "SN-77")};
  c.events[1].reason = "AO";
  c.events[1].city = "Dallas";
  c.events[1].state = "TX";
  std::optional<Condition> k = only(run(c), kCarrierException);
  ASSERT_TRUE(k);
  EXPECT_EQ(k->subject, "event A9 2026-11-20T14:00:00Z");
  EXPECT_EQ(k->shipment_id, "SN-77");
  EXPECT_EQ(k->file_id, 5);
  EXPECT_EQ(k->severity, std::nullopt) << "the catalog's high";
  EXPECT_EQ(k->summary,
            "Northwind Foods PO 4500012345: carrier ODFL reports shipment SN-77 damaged on "
            "2026-11-20 08:00 America/Chicago in Dallas, TX (reason code AO)");
}

TEST(CarrierException, EveryProblemStatusAndNoOther) {
  OrderCase c = northwind_case();
  for (const char* s : {"A7", "A9", "AH", "AP", "SD", "CA"}) {
    c.events = {event(s, "2026-11-20T14:00:00Z")};
    EXPECT_EQ(of_type(run(c), kCarrierException).size(), 1u) << s;
  }
  for (const char* s : {"X1", "X3", "AG", "D1", ""}) {
    c.events = {event(s, "2026-11-20T14:00:00Z")};
    EXPECT_TRUE(of_type(run(c), kCarrierException).empty()) << s;
  }
}

TEST(CarrierException, DelaysAndAttemptsAreLessUrgent) {
  OrderCase c = northwind_case();
  c.events = {event("SD", "2026-11-20T14:00:00Z")};
  std::optional<Condition> k = only(run(c), kCarrierException);
  ASSERT_TRUE(k);
  EXPECT_EQ(k->severity, Severity::kMedium);
}

TEST(CarrierException, ALaterDeliveryOfTheSameGoodsClearsIt) {
  OrderCase c = northwind_case();
  c.events = {event("A7", "2026-11-20T14:00:00Z", "SN-77"),
              event("D1", "2026-11-20T17:00:00Z", "SN-77")};
  Evaluation e = run(c);
  EXPECT_TRUE(of_type(e, kCarrierException).empty());
  EXPECT_EQ(reason(e, kCarrierException), "delivered 2026-11-20 11:00 America/Chicago");

  c.events[1].shipment_id = "SN-78";  // another shipment of the PO was delivered
  EXPECT_EQ(of_type(run(c), kCarrierException).size(), 1u);
  c.events[1].shipment_id.clear();  // a delivery for the PO as a whole
  EXPECT_TRUE(of_type(run(c), kCarrierException).empty());
  c.events[1].at = at("2026-11-20T13:00:00Z");  // delivered before the problem: still open
  EXPECT_EQ(of_type(run(c), kCarrierException).size(), 1u);
}

}  // namespace
}  // namespace ordex::exceptions
