// delivery_facts(): the compact facts the clock rules read, from a loaded case.
#include <gtest/gtest.h>

#include "exceptions/order_case.h"
#include "tests/exceptions/case_builder.h"

namespace ordex::exceptions {
namespace {

using namespace testing;

TEST(DeliveryFacts, FromAFullCase) {
  OrderCase c = northwind_case();
  c.shipments = {shipment("SN-78", "2026-11-19T09:00:00Z", "2026-11-19T10:00:00Z", {}),
                 shipment("SN-77", "2026-11-18T15:00:00Z", "2026-11-18T16:00:00Z", {})};
  c.shipments[0].estimated_delivery = "2026-11-21";
  c.shipments[1].estimated_delivery = "2026-11-20";
  orders::ShipmentEvent ag1 = event("AG", "2026-11-19T08:00:00Z");
  ag1.estimate = at("2026-11-20T20:00:00Z");
  orders::ShipmentEvent ag2 = event("X2", "2026-11-19T20:00:00Z");
  ag2.estimate = at("2026-11-21T12:00:00Z");
  c.events = {ag2, ag1, event("D1", "2026-11-21T15:00:00Z"), event("D1", "2026-11-21T14:00:00Z"),
              event("X1", "2026-11-21T16:00:00Z")};

  const DeliveryFacts f = delivery_facts(c);
  EXPECT_EQ(f.partner_id, "NORTHWIND");
  EXPECT_EQ(f.partner_name, "Northwind Foods");
  EXPECT_EQ(f.po_number, kPo);
  EXPECT_EQ(f.zone, chicago());
  EXPECT_EQ(f.status, orders::OrderStatus::kOpen);
  EXPECT_EQ(f.order_date, "2026-11-16");
  EXPECT_EQ(f.ship_by, "2026-11-18");
  EXPECT_EQ(f.due, "2026-11-20");
  EXPECT_EQ(f.received_at, at("2026-11-16T15:00:00Z"));
  EXPECT_EQ(f.file_id, 1);
  EXPECT_EQ(f.first_ship_notice_at, at("2026-11-18T16:00:00Z"));
  EXPECT_EQ(f.first_shipment_id, "SN-77");
  EXPECT_EQ(f.shipped_at, at("2026-11-18T15:00:00Z"));
  EXPECT_EQ(f.estimated_delivery, "2026-11-21");
  EXPECT_EQ(f.delivered_at, at("2026-11-21T14:00:00Z"));
  EXPECT_EQ(f.latest_estimate, at("2026-11-21T12:00:00Z")) << "the estimate told last wins";
  EXPECT_EQ(f.last_event_at, at("2026-11-21T16:00:00Z"));
}

TEST(DeliveryFacts, EmptyCase) {
  OrderCase c = northwind_case();
  c.order->status = orders::OrderStatus::kCancelled;
  const DeliveryFacts f = delivery_facts(c);
  EXPECT_EQ(f.status, orders::OrderStatus::kCancelled);
  EXPECT_FALSE(f.first_ship_notice_at);
  EXPECT_FALSE(f.shipped_at);
  EXPECT_EQ(f.estimated_delivery, "");
  EXPECT_FALSE(f.delivered_at);
  EXPECT_FALSE(f.latest_estimate);
  EXPECT_FALSE(f.last_event_at);
}

}  // namespace
}  // namespace ordex::exceptions
