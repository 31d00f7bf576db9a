// Ship notices and carrier events: replace semantics, deduplication, and how an order finds
// them (by PO, bill of lading or shipment id).
#include <gtest/gtest.h>

#include "store_test_base.h"
#include "test_records.h"

namespace ordex::orders::testing {
namespace {

template <typename E>
class StoreShipmentsTest : public StoreTest<E> {
 protected:
  void SetUp() override {
    StoreTest<E>::SetUp();
    if (this->IsSkipped() || this->HasFatalFailure()) return;
    ORDEX_ASSERT_OK(this->store().upsert_partner(customer("NORTHWIND")));
    ORDEX_ASSERT_OK(this->store().put_order(order("NORTHWIND", "PO-1", 2)));
    ORDEX_ASSERT_OK(this->store().put_order(order("NORTHWIND", "PO-2", 1)));
  }
  OrderDetail read(const std::string& po) {
    Result<std::optional<OrderDetail>> d = this->store().order("NORTHWIND", po);
    EXPECT_TRUE(d.ok() && d.value().has_value());
    return d.ok() && d.value() ? *d.value() : OrderDetail{};
  }
};
TYPED_TEST_SUITE(StoreShipmentsTest, StoreEngines, StoreEngineNames);

TYPED_TEST(StoreShipmentsTest, ShipmentNamingTwoOrdersAppearsOnBoth) {
  Store& s = this->store();
  Shipment sh = shipment("NORTHWIND", "SH-10", "PO-1", 10);
  sh.po_numbers.push_back("PO-2");
  ShipmentItem second = sh.items[0];
  second.po_number = "PO-2";
  second.sku = "SKU-9";
  second.buyer_part = "BP-9";
  second.quantity = Decimal{30000};
  sh.items.push_back(second);
  sh.depositor_order = "W-1";
  ORDEX_ASSERT_OK(s.put_shipment(sh));
  for (const char* po : {"PO-1", "PO-2"}) {
    const OrderDetail d = this->read(po);
    ASSERT_EQ(d.shipments.size(), 1u) << po;
    const Shipment& got = d.shipments[0];
    EXPECT_EQ(got.shipment_id, "SH-10");
    EXPECT_EQ(got.po_numbers, (std::vector<std::string>{"PO-1", "PO-2"}));
    ASSERT_EQ(got.items.size(), 2u);
    EXPECT_EQ(got.items[1].buyer_part, "BP-9");
    EXPECT_EQ(got.items[1].quantity, Decimal{30000});
    ASSERT_TRUE(got.shipped_at.has_value());
    EXPECT_EQ(*got.shipped_at, 1709700000);
    EXPECT_EQ(got.bill_of_lading, "BOL-SH-10");
    EXPECT_EQ(got.depositor_order, "W-1");
  }
}

TYPED_TEST(StoreShipmentsTest, ResentShipmentReplacesItemsAndOrders) {
  Store& s = this->store();
  Shipment sh = shipment("NORTHWIND", "SH-11", "PO-1", 10);
  sh.po_numbers.push_back("PO-2");
  ORDEX_ASSERT_OK(s.put_shipment(sh));
  Shipment corrected = shipment("NORTHWIND", "SH-11", "PO-1", 7);
  corrected.shipped_at.reset();
  ORDEX_ASSERT_OK(s.put_shipment(corrected));
  const OrderDetail d = this->read("PO-1");
  ASSERT_EQ(d.shipments.size(), 1u);
  ASSERT_EQ(d.shipments[0].items.size(), 1u);
  EXPECT_EQ(d.shipments[0].items[0].quantity, Decimal{70000});
  EXPECT_FALSE(d.shipments[0].shipped_at.has_value());
  EXPECT_TRUE(this->read("PO-2").shipments.empty());
}

TYPED_TEST(StoreShipmentsTest, EventsAreDeduplicatedAndFoundByPoBolOrShipmentId) {
  Store& s = this->store();
  ORDEX_ASSERT_OK(s.put_shipment(shipment("NORTHWIND", "SH-12", "PO-1", 10)));
  ORDEX_ASSERT_OK(s.begin());
  ShipmentEvent picked = event("ODFL", "PO-1", "X3", 1709800000);
  ORDEX_ASSERT_OK(s.add_shipment_event(picked));
  ORDEX_ASSERT_OK(s.add_shipment_event(picked));  // the same status twice in one batch
  ShipmentEvent estimate = event("ODFL", "", "AG", 1709810000);
  estimate.bill_of_lading = "BOL-SH-12";
  estimate.estimate = 1709990000;
  estimate.carrier_reference = "PRO-555";
  ORDEX_ASSERT_OK(s.add_shipment_event(estimate));
  ShipmentEvent delivered = event("ODFL", "", "D1", 1709900000);
  delivered.shipment_id = "SH-12";
  ORDEX_ASSERT_OK(s.add_shipment_event(delivered));
  ORDEX_ASSERT_OK(s.add_shipment_event(event("ODFL", "PO-2", "D1", 1709900000)));
  ORDEX_ASSERT_OK(s.commit());
  ORDEX_ASSERT_OK(s.add_shipment_event(picked));  // and again in a later run
  const OrderDetail d = this->read("PO-1");
  ASSERT_EQ(d.events.size(), 3u);
  EXPECT_EQ(d.events[0].status, "X3");
  EXPECT_FALSE(d.events[0].estimate.has_value());
  EXPECT_EQ(d.events[1].status, "AG");
  ASSERT_TRUE(d.events[1].estimate.has_value());
  EXPECT_EQ(*d.events[1].estimate, 1709990000);
  EXPECT_EQ(d.events[1].carrier_reference, "PRO-555");
  EXPECT_EQ(d.events[2].status, "D1");
  EXPECT_EQ(d.events[2].city, "Dallas");
}

TYPED_TEST(StoreShipmentsTest, ShipmentsAreFoundByBillOfLadingAndId) {
  Store& s = this->store();
  Shipment sh = shipment("NORTHWIND", "SH-13", "PO-1", 10);
  sh.po_numbers.push_back("PO-2");
  ORDEX_ASSERT_OK(s.put_shipment(sh));
  Result<std::vector<Shipment>> by_bol = s.shipments_by_bill_of_lading("BOL-SH-13");
  ORDEX_ASSERT_OK(by_bol);
  ASSERT_EQ(by_bol.value().size(), 1u);
  EXPECT_EQ(by_bol.value()[0].shipment_id, "SH-13");
  EXPECT_EQ(by_bol.value()[0].po_numbers, (std::vector<std::string>{"PO-1", "PO-2"}));
  Result<std::vector<Shipment>> by_id = s.shipments_by_shipment_id("SH-13");
  ORDEX_ASSERT_OK(by_id);
  ASSERT_EQ(by_id.value().size(), 1u);
  EXPECT_EQ(by_id.value()[0].bill_of_lading, "BOL-SH-13");
  EXPECT_TRUE(s.shipments_by_bill_of_lading("").value().empty());
  EXPECT_TRUE(s.shipments_by_shipment_id("SH-404").value().empty());
}

}  // namespace
}  // namespace ordex::orders::testing
