// ASN_QTY_MISMATCH, ASN_UNKNOWN_PO and ASN_LATE.
#include <gtest/gtest.h>

#include "exceptions/rules.h"
#include "tests/exceptions/case_builder.h"

namespace ordex::exceptions {
namespace {

using namespace testing;
using enum ExceptionType;

Evaluation run(const OrderCase& c, const RuleConfig& config = {}) {
  return evaluate_order(c, config, at("2026-11-19T12:00:00Z"));
}

// Line 1 is 10 EA of SKU-1, line 2 is 4 CA of SKU-2.
OrderCase shipped_case(std::string line1, std::string line2) {
  OrderCase c = northwind_case();
  c.shipments = {shipment("SN-77", "2026-11-18T15:00:00Z", "2026-11-18T16:00:00Z",
                          {shipped("SKU-1", line1), shipped("SKU-2", line2, "CA")})};
  return c;
}

TEST(AsnQtyMismatch, ShortLineNamesTheShipNotice) {
  OrderCase c = shipped_case("8", "4");
  std::optional<Condition> k = only(run(c), kAsnQtyMismatch);
  ASSERT_TRUE(k);
  EXPECT_EQ(k->subject, "line 1");
  EXPECT_EQ(k->shipment_id, "SN-77");
  EXPECT_EQ(k->file_id, 2);
  EXPECT_EQ(k->summary,
            "Northwind Foods PO 4500012345: line 1 (item SKU-1) shipped 8 of 10 EA on ship notice "
            "SN-77");
  EXPECT_NE(k->evidence.find("\"ordered\":\"10\",\"shipped\":\"8\""), std::string::npos)
      << k->evidence;
}

TEST(AsnQtyMismatch, OverShipmentAndToleranceBoundary) {
  EXPECT_EQ(of_type(run(shipped_case("11", "4")), kAsnQtyMismatch).size(), 1u);
  EXPECT_TRUE(of_type(run(shipped_case("10", "4")), kAsnQtyMismatch).empty());
  RuleConfig config;
  config.partner("NORTHWIND").qty_tolerance = dec("2");
  EXPECT_TRUE(of_type(run(shipped_case("8", "4"), config), kAsnQtyMismatch).empty());
  EXPECT_TRUE(of_type(run(shipped_case("12", "4"), config), kAsnQtyMismatch).empty());
  EXPECT_EQ(of_type(run(shipped_case("7", "4"), config), kAsnQtyMismatch).size(), 1u);
  EXPECT_EQ(of_type(run(shipped_case("12.0001", "4"), config), kAsnQtyMismatch).size(), 1u);
}

TEST(AsnQtyMismatch, SumsAcrossNoticesAndClearsWhenTheRestShips) {
  OrderCase c = shipped_case("6", "4");
  EXPECT_EQ(of_type(run(c), kAsnQtyMismatch).size(), 1u);
  c.shipments.push_back(shipment("SN-78", "2026-11-19T09:00:00Z", "2026-11-19T10:00:00Z",
                                 {shipped("SKU-1", "4")}, 6));
  Evaluation e = run(c);
  EXPECT_TRUE(of_type(e, kAsnQtyMismatch).empty());
  EXPECT_EQ(reason(e, kAsnQtyMismatch), "shipped quantities match the order");
}

TEST(AsnQtyMismatch, LineMissingFromTheNoticeAndItemNotOrdered) {
  OrderCase c = northwind_case();
  c.shipments = {shipment("SN-77", "2026-11-18T15:00:00Z", "2026-11-18T16:00:00Z",
                          {shipped("SKU-1", "10"), shipped("SKU-9", "5")})};
  Evaluation e = run(c);
  const std::vector<const Condition*> all = of_type(e, kAsnQtyMismatch);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0]->subject, "line 2");
  EXPECT_EQ(all[0]->shipment_id, "");
  EXPECT_EQ(all[0]->summary,
            "Northwind Foods PO 4500012345: line 2 (item SKU-2) shipped 0 of 4 CA on ship notice "
            "SN-77");
  EXPECT_EQ(all[1]->subject, "item SKU-9");
  EXPECT_EQ(all[1]->shipment_id, "SN-77");
  EXPECT_EQ(all[1]->summary,
            "Northwind Foods PO 4500012345: ship notice SN-77 shipped 5 EA of item SKU-9, which is "
            "not on the order");
}

TEST(AsnQtyMismatch, ItemsOfAnotherPoOnTheSameNoticeDoNotCount) {
  OrderCase c = shipped_case("10", "4");
  orders::ShipmentItem other = shipped("SKU-1", "3");
  other.po_number = "4500099999";
  c.shipments.front().items.push_back(other);
  c.shipments.front().po_numbers.push_back("4500099999");
  EXPECT_TRUE(of_type(run(c), kAsnQtyMismatch).empty());
}

TEST(AsnQtyMismatch, NoShipNoticeNoComparison) {
  Evaluation e = run(northwind_case());
  EXPECT_TRUE(of_type(e, kAsnQtyMismatch).empty());
  EXPECT_EQ(reason(e, kAsnQtyMismatch), "no ship notice names the PO");
}

TEST(AsnUnknownPo, OneConditionPerNoticeUntilTheOrderArrives) {
  OrderCase c = shipped_case("10", "4");
  c.order.reset();
  c.shipments.push_back(shipment("SN-78", "", "2026-11-19T10:00:00Z", {}, 6));
  Evaluation e = run(c);
  const std::vector<const Condition*> all = of_type(e, kAsnUnknownPo);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0]->subject, "shipment SN-77");
  EXPECT_EQ(all[0]->shipment_id, "SN-77");
  EXPECT_EQ(all[1]->file_id, 6);
  EXPECT_EQ(all[0]->summary,
            "Northwind Foods PO 4500012345: ship notice SN-77 names this PO, but no such order "
            "was received");
  EXPECT_TRUE(of_type(e, kAsnQtyMismatch).empty()) << "nothing to compare with";

  Evaluation ordered = run(shipped_case("10", "4"));
  EXPECT_TRUE(of_type(ordered, kAsnUnknownPo).empty());
  EXPECT_EQ(reason(ordered, kAsnUnknownPo), "order received 2026-11-16");
}

TEST(AsnLate, MoreThanTheWindowAfterShipping) {
  // Shipped 2026-11-18T15:00Z; 24 h later is 2026-11-19T15:00Z.
  OrderCase c = shipped_case("10", "4");
  c.shipments.front().source.received_at = at("2026-11-19T15:00:00Z");
  Evaluation e = evaluate_order(c, {}, at("2026-11-19T16:00:00Z"));
  EXPECT_TRUE(of_type(e, kAsnLate).empty());
  EXPECT_EQ(reason(e, kAsnLate), "every ship notice arrived in time and before delivery");

  c.shipments.front().source.received_at = at("2026-11-19T15:00:01Z");
  EXPECT_EQ(of_type(evaluate_order(c, {}, at("2026-11-19T16:00:00Z")), kAsnLate).size(), 1u);

  c.shipments.front().source.received_at = at("2026-11-19T17:30:00Z");
  std::optional<Condition> k = only(evaluate_order(c, {}, at("2026-11-19T18:00:00Z")), kAsnLate);
  ASSERT_TRUE(k);
  EXPECT_EQ(k->subject, "shipment SN-77");
  EXPECT_EQ(k->shipment_id, "SN-77");
  // 17:30Z is 11:30 CST, 26 h 30 min after 15:00Z the day before.
  EXPECT_EQ(k->summary,
            "Northwind Foods PO 4500012345: ship notice SN-77 arrived 2026-11-19 11:30 "
            "America/Chicago, 26 h 30 min after the goods shipped (24 h allowed)");

  RuleConfig config;
  config.partner("NORTHWIND").asn_late_hours = 36;
  EXPECT_TRUE(of_type(evaluate_order(c, config, at("2026-11-19T16:00:00Z")), kAsnLate).empty());
}

TEST(AsnLate, AfterTheGoodsWereDelivered) {
  OrderCase c = northwind_case();
  c.shipments = {shipment("SN-77", "", "2026-11-19T20:00:00Z", {shipped("SKU-1", "10")})};
  c.events = {event("D1", "2026-11-19T19:00:00Z", "SN-77")};
  std::optional<Condition> k = only(evaluate_order(c, {}, at("2026-11-19T21:00:00Z")), kAsnLate);
  ASSERT_TRUE(k);
  EXPECT_NE(k->summary.find("after the goods were delivered on 2026-11-19 13:00 America/Chicago"),
            std::string::npos)
      << k->summary;
  // A delivery of some other shipment of the PO says nothing about this notice.
  c.events.front().shipment_id = "SN-99";
  EXPECT_TRUE(of_type(evaluate_order(c, {}, at("2026-11-19T21:00:00Z")), kAsnLate).empty());
  // Delivered after the notice arrived: in time.
  c.events = {event("D1", "2026-11-19T20:30:00Z", "SN-77")};
  EXPECT_TRUE(of_type(evaluate_order(c, {}, at("2026-11-19T21:00:00Z")), kAsnLate).empty());
}

}  // namespace
}  // namespace ordex::exceptions
