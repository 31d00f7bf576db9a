// PO_DUPLICATE, PO_UNKNOWN_ITEM, PO_PRICE_MISMATCH, PO_UNKNOWN_SHIP_TO, PO_INVALID_DATES.
#include <gtest/gtest.h>

#include "exceptions/rules.h"
#include "tests/exceptions/case_builder.h"

namespace ordex::exceptions {
namespace {

using namespace testing;
using enum ExceptionType;

const orders::Instant kNow = at("2026-11-17T12:00:00Z");

Evaluation run(const OrderCase& c, const RuleConfig& config = {}) {
  return evaluate_order(c, config, kNow);
}

TEST(RulesOrder, ACleanOrderRaisesNothing) {
  Evaluation e = run(northwind_case());
  EXPECT_TRUE(e.found.empty()) << e.found.front().summary;
  // Every order-scope type is judged, so stale exceptions of any of them would resolve.
  for (ExceptionType t :
       {kEdiRejected, kPoDuplicate, kPoUnknownItem, kPoPriceMismatch, kPoUnknownShipTo,
        kPoInvalidDates, kAckRejected, kAsnQtyMismatch, kAsnUnknownPo, kAsnMissing, kAsnLate,
        kInvoiceMismatch, kDeliveryLate, kDeliveryAtRisk, kDeliveryOverdue, kCarrierException}) {
    EXPECT_TRUE(evaluated(e, t)) << to_string(t);
    EXPECT_FALSE(reason(e, t).empty()) << to_string(t);
  }
  EXPECT_FALSE(evaluated(e, kEdiDuplicate)) << "file scope";
  EXPECT_FALSE(evaluated(e, kFaMissing)) << "outbound scope";
}

TEST(PoDuplicate, SecondOriginalRaisesIt) {
  OrderCase c = northwind_case();
  c.order->originals = 2;
  std::optional<Condition> k = only(run(c), kPoDuplicate);
  ASSERT_TRUE(k);
  EXPECT_EQ(k->subject, "");
  EXPECT_EQ(k->file_id, 1);
  EXPECT_EQ(k->summary,
            "Northwind Foods PO 4500012345 was received 2 times as a new order; check with the "
            "customer whether it was sent twice");
  EXPECT_NE(k->evidence.find("\"originals\":2"), std::string::npos);

  c.order->originals = 1;
  Evaluation once = run(c);
  EXPECT_TRUE(of_type(once, kPoDuplicate).empty());
  EXPECT_EQ(reason(once, kPoDuplicate), "the PO was received as a new order only once");
}

TEST(PoUnknownItem, PerLineAndMatchedBySkuOrUpc) {
  OrderCase c = northwind_case();
  c.order->order.lines[0].sku = "SKU-9";  // unknown sku, but its UPC is in the catalog
  c.order->order.lines[1].sku = "SKU-8";
  c.order->order.lines[1].upc = "999";
  Evaluation e = run(c);
  std::optional<Condition> k = only(e, kPoUnknownItem);
  ASSERT_TRUE(k);
  EXPECT_EQ(k->subject, "line 2");
  EXPECT_EQ(k->summary,
            "Northwind Foods PO 4500012345: line 2 orders item SKU-8, which is not in the "
            "customer's catalog");
  EXPECT_NE(k->evidence.find("\"sku\":\"SKU-8\""), std::string::npos);
  EXPECT_TRUE(of_type(e, kPoPriceMismatch).empty()) << "an unknown item has no list price";
}

TEST(PoPriceMismatch, OnePercentIsWithinJustAboveIsNot) {
  // List 12.50; 1 % is 0.125.
  OrderCase c = northwind_case();
  const auto price_check = [&](std::string_view price) {
    c.order->order.lines[0].unit_price = dec(price);
    return of_type(run(c), kPoPriceMismatch).size();
  };
  EXPECT_EQ(price_check("12.625"), 0u);
  EXPECT_EQ(price_check("12.6251"), 1u);
  EXPECT_EQ(price_check("12.375"), 0u);
  EXPECT_EQ(price_check("12.3749"), 1u);

  c.order->order.lines[0].unit_price = dec("13");
  std::optional<Condition> k = only(run(c), kPoPriceMismatch);
  ASSERT_TRUE(k);
  EXPECT_EQ(k->subject, "line 1");
  EXPECT_EQ(k->summary,
            "Northwind Foods PO 4500012345: line 1 prices item SKU-1 at 13.00, the price list "
            "says 12.50");
  EXPECT_NE(k->evidence.find("\"expected_price\":\"12.5\",\"actual_price\":\"13\""),
            std::string::npos)
      << k->evidence;
}

TEST(PoPriceMismatch, PartnerToleranceApplies) {
  // 2.5 % of 12.50 is 0.3125.
  OrderCase c = northwind_case();
  RuleConfig config;
  config.partner("NORTHWIND").price_tolerance_pct = dec("2.5");
  c.order->order.lines[0].unit_price = dec("12.8125");
  EXPECT_TRUE(of_type(run(c, config), kPoPriceMismatch).empty());
  EXPECT_EQ(of_type(run(c), kPoPriceMismatch).size(), 1u) << "global 1 % still applies";
  c.order->order.lines[0].unit_price = dec("12.8126");
  EXPECT_EQ(of_type(run(c, config), kPoPriceMismatch).size(), 1u);
}

TEST(PoPriceMismatch, NoPriceOrAnotherUnitIsNotCompared) {
  OrderCase c = northwind_case();
  c.order->order.lines[0].unit_price = dec("0");
  EXPECT_TRUE(of_type(run(c), kPoPriceMismatch).empty());
  c.order->order.lines[0].unit_price = dec("150");
  c.order->order.lines[0].uom = "CA";  // a case of 12 at 150.00 is not 12.50 each
  EXPECT_TRUE(of_type(run(c), kPoPriceMismatch).empty());
}

TEST(PoUnknownShipTo, RaisedOnlyForACodeNotInTheLocations) {
  OrderCase c = northwind_case();
  c.ship_to.reset();
  c.order->order.ship_to = "0099";
  c.order->order.ship_to_name = "Dock 9";
  std::optional<Condition> k = only(run(c), kPoUnknownShipTo);
  ASSERT_TRUE(k);
  EXPECT_EQ(k->summary,
            "Northwind Foods PO 4500012345: ship-to location 0099 (Dock 9) is not in the "
            "customer's location list");
  c.order->order.ship_to.clear();
  EXPECT_TRUE(of_type(run(c), kPoUnknownShipTo).empty());
}

TEST(PoMasterData, UnregisteredPartnerHasNoCatalogToCompare) {
  OrderCase c = northwind_case();
  c.items.clear();
  c.ship_to.reset();
  c.partner->registered = false;
  Evaluation e = run(c);
  for (ExceptionType t : {kPoUnknownItem, kPoPriceMismatch, kPoUnknownShipTo}) {
    EXPECT_TRUE(of_type(e, t).empty()) << to_string(t);
    EXPECT_TRUE(evaluated(e, t));
    EXPECT_EQ(reason(e, t), "partner NORTHWIND is not registered: no master data");
  }
  c.partner.reset();
  EXPECT_TRUE(run(c).found.empty());
  // Registered with the same empty master data: both lines and the ship-to are unknown.
  c = northwind_case();
  c.items.clear();
  c.ship_to.reset();
  Evaluation registered = run(c);
  EXPECT_EQ(of_type(registered, kPoUnknownItem).size(), 2u);
  EXPECT_EQ(of_type(registered, kPoUnknownShipTo).size(), 1u);
}

TEST(PoInvalidDates, DueOrShipByBeforeTheOrderDate) {
  OrderCase c = northwind_case();
  c.order->order.due = "2026-11-15";
  std::optional<Condition> k = only(run(c), kPoInvalidDates);
  ASSERT_TRUE(k);
  EXPECT_EQ(k->summary,
            "Northwind Foods PO 4500012345: the due date 2026-11-15 is before the order date "
            "2026-11-16 and the due date 2026-11-15 had already passed when the order arrived on "
            "2026-11-16");

  c = northwind_case();
  c.order->order.ship_by = "2026-11-15";
  k = only(run(c), kPoInvalidDates);
  ASSERT_TRUE(k);
  EXPECT_EQ(k->summary,
            "Northwind Foods PO 4500012345: the ship-by date 2026-11-15 is before the order date "
            "2026-11-16");

  c = northwind_case();
  c.order->order.due = "2026-11-16";  // the order day itself is fine
  Evaluation e = run(c);
  EXPECT_TRUE(of_type(e, kPoInvalidDates).empty());
  EXPECT_EQ(reason(e, kPoInvalidDates), "the order dates are consistent");
}

TEST(PoInvalidDates, DueDayAlreadyOverAtReceiptInThePartnersZone) {
  // Due 2026-11-20 ends 2026-11-21T06:00Z in Chicago.
  OrderCase c = northwind_case();
  c.order->order.order_date = "2026-11-20";
  c.order->order.ship_by = "2026-11-20";
  c.order->order.source.received_at = at("2026-11-21T05:59:59Z");  // 23:59:59 local
  EXPECT_TRUE(of_type(evaluate_order(c, {}, at("2026-11-21T07:00:00Z")), kPoInvalidDates).empty());
  c.order->order.source.received_at = at("2026-11-21T06:00:00Z");
  std::optional<Condition> k =
      only(evaluate_order(c, {}, at("2026-11-21T07:00:00Z")), kPoInvalidDates);
  ASSERT_TRUE(k);
  EXPECT_NE(k->summary.find("had already passed when the order arrived on 2026-11-21"),
            std::string::npos)
      << k->summary;
}

TEST(RulesOrder, DisabledTypeIsEvaluatedWithTheReason) {
  OrderCase c = northwind_case();
  c.order->originals = 3;
  RuleConfig config;
  config.global().disabled.set(static_cast<std::size_t>(kPoDuplicate));
  Evaluation e = run(c, config);
  EXPECT_TRUE(of_type(e, kPoDuplicate).empty());
  EXPECT_TRUE(evaluated(e, kPoDuplicate));
  EXPECT_EQ(reason(e, kPoDuplicate), "rule disabled");
  // Disabled for another partner only: NORTHWIND still gets it.
  RuleConfig other;
  other.partner("ACME").disabled.set(static_cast<std::size_t>(kPoDuplicate));
  EXPECT_EQ(of_type(run(c, other), kPoDuplicate).size(), 1u);
}

TEST(RulesOrder, CaseWithoutAnOrderJudgesOrderTypesAsCleared) {
  OrderCase c = northwind_case();
  c.order.reset();
  Evaluation e = run(c);
  EXPECT_TRUE(e.found.empty());
  EXPECT_EQ(reason(e, kPoDuplicate), "no order received for the PO");
  EXPECT_EQ(reason(e, kDeliveryOverdue), "no order received for the PO");
}

}  // namespace
}  // namespace ordex::exceptions
