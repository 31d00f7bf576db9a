// The clock rules: ASN_MISSING, DELIVERY_LATE, DELIVERY_OVERDUE, DELIVERY_AT_RISK. Boundaries
// are worked out by hand in America/Chicago (see case_builder.h for the world).
#include <gtest/gtest.h>

#include "exceptions/rules.h"
#include "tests/exceptions/case_builder.h"

namespace ordex::exceptions {
namespace {

using namespace testing;
using enum ExceptionType;

DeliveryFacts facts() {
  DeliveryFacts f;
  f.partner_id = "NORTHWIND";
  f.partner_name = "Northwind Foods";
  f.po_number = std::string(kPo);
  f.zone = chicago();
  f.order_date = "2026-11-16";
  f.ship_by = "2026-11-18";
  f.due = "2026-11-20";
  f.received_at = at("2026-11-16T15:00:00Z");
  f.file_id = 1;
  return f;
}

Evaluation run(const DeliveryFacts& f, std::string_view now, const RuleParams& p = {}) {
  Evaluation e;
  evaluate_delivery(f, p, at(now), e);
  return e;
}

// --- DELIVERY_OVERDUE ---

TEST(DeliveryOverdue, StartsExactlyWhenTheDueDayEndsInThePartnersZone) {
  // 2026-11-20 ends at local midnight, 00:00 CST = 06:00Z on the 21st.
  const DeliveryFacts f = facts();
  Evaluation before = run(f, "2026-11-21T05:59:59Z");
  EXPECT_TRUE(of_type(before, kDeliveryOverdue).empty());
  EXPECT_EQ(reason(before, kDeliveryOverdue), "the due date has not passed");
  // In UTC the 20th ended six hours earlier; that must not count.
  EXPECT_TRUE(of_type(run(f, "2026-11-21T00:00:00Z"), kDeliveryOverdue).empty());

  Evaluation after = run(f, "2026-11-21T06:00:00Z");
  std::optional<Condition> k = only(after, kDeliveryOverdue);
  ASSERT_TRUE(k);
  EXPECT_EQ(k->partner_id, "NORTHWIND");
  EXPECT_EQ(k->po_number, kPo);
  EXPECT_EQ(k->subject, "");
  EXPECT_EQ(k->file_id, 1);
  EXPECT_EQ(k->summary,
            "Northwind Foods PO 4500012345: not delivered, and the due date 2026-11-20 has passed");
  EXPECT_NE(k->evidence.find("\"due_ended_at\":\"2026-11-21T06:00:00Z\""), std::string::npos)
      << k->evidence;
}

TEST(DeliveryOverdue, FallBackDayHas25Hours) {
  // 2026-11-01: clocks go back at 02:00 CDT. The day starts 05:00Z (CDT) and ends at
  // midnight CST = 06:00Z on 11-02; a rule assuming the morning's offset would end it at 05:00Z.
  DeliveryFacts f = facts();
  f.due = "2026-11-01";
  EXPECT_TRUE(of_type(run(f, "2026-11-02T05:00:00Z"), kDeliveryOverdue).empty());
  EXPECT_TRUE(of_type(run(f, "2026-11-02T05:59:59Z"), kDeliveryOverdue).empty());
  EXPECT_EQ(of_type(run(f, "2026-11-02T06:00:00Z"), kDeliveryOverdue).size(), 1u);
}

TEST(DeliveryOverdue, SpringForwardDayHas23Hours) {
  // 2026-03-08: clocks go forward at 02:00 CST; the day ends at midnight CDT = 05:00Z on 03-09.
  DeliveryFacts f = facts();
  f.due = "2026-03-08";
  EXPECT_TRUE(of_type(run(f, "2026-03-09T04:59:59Z"), kDeliveryOverdue).empty());
  EXPECT_EQ(of_type(run(f, "2026-03-09T05:00:00Z"), kDeliveryOverdue).size(), 1u);
}

TEST(DeliveryOverdue, ClearsOnDeliveryAndNeverForCancelledOrders) {
  DeliveryFacts f = facts();
  f.delivered_at = at("2026-11-22T15:00:00Z");
  Evaluation e = run(f, "2026-11-23T00:00:00Z");
  EXPECT_TRUE(of_type(e, kDeliveryOverdue).empty());
  EXPECT_EQ(reason(e, kDeliveryOverdue), "delivered 2026-11-22");

  DeliveryFacts cancelled = facts();
  cancelled.status = orders::OrderStatus::kCancelled;
  Evaluation c = run(cancelled, "2026-11-30T00:00:00Z");
  EXPECT_TRUE(c.found.empty());
  EXPECT_EQ(reason(c, kDeliveryOverdue), "order cancelled");
  EXPECT_EQ(reason(c, kAsnMissing), "order cancelled");
}

TEST(DeliveryOverdue, NoDueDayNoCondition) {
  DeliveryFacts f = facts();
  f.due.clear();
  Evaluation e = run(f, "2027-01-01T00:00:00Z");
  EXPECT_TRUE(of_type(e, kDeliveryOverdue).empty());
  EXPECT_EQ(reason(e, kDeliveryOverdue), "the order has no due date");
  f.due = "2026-11-31";  // not a day: nothing can be measured against it
  EXPECT_TRUE(of_type(run(f, "2027-01-01T00:00:00Z"), kDeliveryOverdue).empty());
}

// --- DELIVERY_LATE ---

TEST(DeliveryLate, HalfPastElevenLocalIsStillTheDueDay) {
  // 23:30 CST on the 20th is 05:30Z on the 21st: the next day in UTC, on time where it counts.
  DeliveryFacts f = facts();
  f.delivered_at = at("2026-11-21T05:30:00Z");
  Evaluation e = run(f, "2026-11-22T00:00:00Z");
  EXPECT_TRUE(of_type(e, kDeliveryLate).empty());
  EXPECT_EQ(reason(e, kDeliveryLate), "delivered 2026-11-20 on or before the due date");
  EXPECT_TRUE(of_type(e, kDeliveryOverdue).empty());
}

TEST(DeliveryLate, MidnightLocalIsTheNextDay) {
  DeliveryFacts f = facts();
  f.delivered_at = at("2026-11-21T06:00:00Z");
  Evaluation e = run(f, "2026-11-22T00:00:00Z");
  std::optional<Condition> k = only(e, kDeliveryLate);
  ASSERT_TRUE(k);
  EXPECT_EQ(k->summary,
            "Northwind Foods PO 4500012345: delivered 2026-11-21, after the due date 2026-11-20");
  EXPECT_NE(k->evidence.find("\"delivered_day\":\"2026-11-21\""), std::string::npos);
  EXPECT_TRUE(of_type(e, kDeliveryOverdue).empty()) << "delivered is not overdue";
}

// --- ASN_MISSING ---

TEST(AsnMissing, TwentyFourHoursAfterTheShipByDayEnds) {
  // ship-by 2026-11-18 ends 2026-11-19T06:00Z; plus 24 h = 2026-11-20T06:00Z.
  const DeliveryFacts f = facts();
  Evaluation before = run(f, "2026-11-20T05:59:59Z");
  EXPECT_TRUE(of_type(before, kAsnMissing).empty());
  EXPECT_EQ(reason(before, kAsnMissing), "no ship notice due yet");
  std::optional<Condition> k = only(run(f, "2026-11-20T06:00:00Z"), kAsnMissing);
  ASSERT_TRUE(k);
  EXPECT_EQ(k->summary,
            "Northwind Foods PO 4500012345: no ship notice received, though the order was to ship "
            "by 2026-11-18");
}

TEST(AsnMissing, ClearsWhenTheShipNoticeArrives) {
  DeliveryFacts f = facts();
  f.first_ship_notice_at = at("2026-11-20T14:00:00Z");
  f.first_shipment_id = "SN-77";
  Evaluation e = run(f, "2026-11-21T00:00:00Z");
  EXPECT_TRUE(of_type(e, kAsnMissing).empty());
  EXPECT_EQ(reason(e, kAsnMissing), "ship notice SN-77 received 2026-11-20");
}

TEST(AsnMissing, PartnerHoursApply) {
  DeliveryFacts f = facts();
  RuleParams p;
  p.asn_missing_hours = 48;  // deadline 2026-11-21T06:00Z
  EXPECT_TRUE(of_type(run(f, "2026-11-20T06:00:00Z", p), kAsnMissing).empty());
  EXPECT_TRUE(of_type(run(f, "2026-11-21T05:59:59Z", p), kAsnMissing).empty());
  EXPECT_EQ(of_type(run(f, "2026-11-21T06:00:00Z", p), kAsnMissing).size(), 1u);
}

// --- DELIVERY_AT_RISK ---

DeliveryFacts shipped_facts() {
  DeliveryFacts f = facts();
  f.first_ship_notice_at = at("2026-11-18T16:00:00Z");
  f.first_shipment_id = "SN-77";
  f.shipped_at = at("2026-11-18T15:00:00Z");
  f.last_event_at = at("2026-11-19T10:00:00Z");
  return f;
}

TEST(DeliveryAtRisk, CarrierEstimateAfterTheDueDay) {
  DeliveryFacts f = shipped_facts();
  f.latest_estimate = at("2026-11-21T05:59:59Z");  // 23:59:59 CST on the due day
  Evaluation ok = run(f, "2026-11-19T12:00:00Z");
  EXPECT_TRUE(of_type(ok, kDeliveryAtRisk).empty());
  EXPECT_EQ(reason(ok, kDeliveryAtRisk),
            "the latest estimate meets the due date and the carrier reports movement");

  f.latest_estimate = at("2026-11-21T06:00:00Z");  // 00:00 CST on the 21st
  std::optional<Condition> k = only(run(f, "2026-11-19T12:00:00Z"), kDeliveryAtRisk);
  ASSERT_TRUE(k);
  EXPECT_EQ(k->summary,
            "Northwind Foods PO 4500012345: due 2026-11-20, but the carrier now expects delivery "
            "on 2026-11-21");
  EXPECT_EQ(k->shipment_id, "SN-77");
}

TEST(DeliveryAtRisk, ShipNoticeEstimateWhenTheCarrierGaveNone) {
  DeliveryFacts f = shipped_facts();
  f.estimated_delivery = "2026-11-20";
  EXPECT_TRUE(of_type(run(f, "2026-11-19T12:00:00Z"), kDeliveryAtRisk).empty());
  f.estimated_delivery = "2026-11-21";
  EXPECT_EQ(of_type(run(f, "2026-11-19T12:00:00Z"), kDeliveryAtRisk).size(), 1u);
  // The carrier knows better than the ship notice written before the truck left.
  f.latest_estimate = at("2026-11-20T18:00:00Z");
  EXPECT_TRUE(of_type(run(f, "2026-11-19T12:00:00Z"), kDeliveryAtRisk).empty());
}

TEST(DeliveryAtRisk, CarrierSilenceCountsFromTheLastMovement) {
  DeliveryFacts f = shipped_facts();
  f.last_event_at.reset();
  f.shipped_at = at("2026-11-17T12:00:00Z");
  // 72 h after shipping: 2026-11-20T12:00Z, still before the due day ends (11-21T06:00Z).
  EXPECT_TRUE(of_type(run(f, "2026-11-20T11:59:59Z"), kDeliveryAtRisk).empty());
  std::optional<Condition> k = only(run(f, "2026-11-20T12:00:00Z"), kDeliveryAtRisk);
  ASSERT_TRUE(k);
  EXPECT_NE(k->summary.find("no carrier update for 72 h"), std::string::npos) << k->summary;

  f.last_event_at = at("2026-11-18T12:00:00Z");  // only 48 h of silence at the same moment
  EXPECT_TRUE(of_type(run(f, "2026-11-20T12:00:00Z"), kDeliveryAtRisk).empty());

  RuleParams p;
  p.at_risk_silence_hours = 48;
  EXPECT_EQ(of_type(run(f, "2026-11-20T12:00:00Z", p), kDeliveryAtRisk).size(), 1u);
}

TEST(DeliveryAtRisk, NeitherBeforeShippingNorAfterDeliveryNorPastTheDueDay) {
  DeliveryFacts f = facts();  // not shipped, no estimate
  EXPECT_TRUE(of_type(run(f, "2026-11-20T12:00:00Z"), kDeliveryAtRisk).empty());

  DeliveryFacts late = shipped_facts();
  late.latest_estimate = at("2026-11-23T12:00:00Z");
  Evaluation overdue = run(late, "2026-11-21T06:00:00Z");
  EXPECT_TRUE(of_type(overdue, kDeliveryAtRisk).empty());
  EXPECT_EQ(reason(overdue, kDeliveryAtRisk), "the due date has passed");
  EXPECT_EQ(of_type(overdue, kDeliveryOverdue).size(), 1u);

  late.delivered_at = at("2026-11-20T20:00:00Z");
  Evaluation delivered = run(late, "2026-11-20T21:00:00Z");
  EXPECT_TRUE(delivered.found.empty());
  EXPECT_EQ(reason(delivered, kDeliveryAtRisk), "delivered 2026-11-20");
}

// --- all four ---

TEST(DeliveryRules, DisabledTypesAreEvaluatedAndFindNothing) {
  DeliveryFacts f = facts();
  RuleParams p;
  for (ExceptionType t : {kAsnMissing, kDeliveryOverdue}) {
    p.disabled.set(static_cast<std::size_t>(t));
  }
  Evaluation e = run(f, "2026-12-01T00:00:00Z", p);
  EXPECT_TRUE(e.found.empty());
  for (ExceptionType t : {kAsnMissing, kDeliveryOverdue}) {
    EXPECT_TRUE(evaluated(e, t));
    EXPECT_EQ(reason(e, t), "rule disabled");
  }
  // Enabled, the same facts raise both.
  Evaluation on = run(f, "2026-12-01T00:00:00Z");
  EXPECT_EQ(of_type(on, kAsnMissing).size(), 1u);
  EXPECT_EQ(of_type(on, kDeliveryOverdue).size(), 1u);
}

TEST(DeliveryRules, AReusedEvaluationGivesTheSameAnswer) {
  // The sweep reuses one Evaluation across orders: nothing may leak from one order to the next.
  Evaluation e;
  DeliveryFacts overdue = facts();
  evaluate_delivery(overdue, RuleParams{}, at("2026-12-01T00:00:00Z"), e);
  ASSERT_EQ(e.found.size(), 2u);  // ASN_MISSING and DELIVERY_OVERDUE
  e.reset();
  DeliveryFacts fine = shipped_facts();
  evaluate_delivery(fine, RuleParams{}, at("2026-11-19T12:00:00Z"), e);
  EXPECT_TRUE(e.found.empty());
  EXPECT_EQ(reason(e, kAsnMissing), "ship notice SN-77 received 2026-11-18");
  EXPECT_EQ(e.evaluated.count(), 4u);
}

}  // namespace
}  // namespace ordex::exceptions
