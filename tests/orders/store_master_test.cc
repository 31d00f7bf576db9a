// Master data in the store: partners, price lists and locations, upserted by key.
#include <gtest/gtest.h>

#include "store_test_base.h"
#include "test_records.h"

namespace ordex::orders::testing {
namespace {

template <typename E>
class StoreMasterTest : public StoreTest<E> {};
TYPED_TEST_SUITE(StoreMasterTest, StoreEngines, StoreEngineNames);

TYPED_TEST(StoreMasterTest, PartnersUpsertByIdAndAreFoundByEdiId) {
  Store& s = this->store();
  ORDEX_ASSERT_OK(s.upsert_partner(customer("NORTHWIND", "NWIND")));
  TradingPartner changed = customer("NORTHWIND", "NWIND2");
  changed.name = "Northwind Traders, Inc.";
  changed.timezone = "America/New_York";
  ORDEX_ASSERT_OK(s.upsert_partner(changed));
  Result<std::optional<TradingPartner>> by_id = s.partner("NORTHWIND");
  ORDEX_ASSERT_OK(by_id);
  ASSERT_TRUE(by_id.value().has_value());
  EXPECT_EQ(by_id.value()->name, "Northwind Traders, Inc.");
  EXPECT_EQ(by_id.value()->timezone, "America/New_York");
  EXPECT_EQ(by_id.value()->role, PartnerRole::kCustomer);
  EXPECT_TRUE(by_id.value()->registered);
  EXPECT_FALSE(s.partner_by_edi_id("ZZ", "NWIND").value().has_value());
  Result<std::optional<TradingPartner>> by_edi = s.partner_by_edi_id("ZZ", "NWIND2");
  ORDEX_ASSERT_OK(by_edi);
  ASSERT_TRUE(by_edi.value().has_value());
  EXPECT_EQ(by_edi.value()->partner_id, "NORTHWIND");
  EXPECT_FALSE(s.partner("NOBODY").value().has_value());
  EXPECT_FALSE(s.partner_by_edi_id("", "").value().has_value());
}

TYPED_TEST(StoreMasterTest, EnsurePartnerNeverOverwrites) {
  Store& s = this->store();
  ORDEX_ASSERT_OK(s.upsert_partner(customer("NORTHWIND", "NWIND")));
  TradingPartner unregistered = customer("NORTHWIND", "NWIND");
  unregistered.name = "ZZ/NWIND";
  unregistered.registered = false;
  ORDEX_ASSERT_OK(s.ensure_partner(unregistered));
  EXPECT_EQ(s.partner("NORTHWIND").value()->name, "NORTHWIND Stores");
  // Same EDI id under another partner id: also left alone.
  TradingPartner clash = customer("ZZ-NWIND", "NWIND");
  clash.registered = false;
  ORDEX_ASSERT_OK(s.ensure_partner(clash));
  EXPECT_FALSE(s.partner("ZZ-NWIND").value().has_value());
  TradingPartner fresh = customer("ZZ-NEW", "NEWCO");
  fresh.registered = false;
  ORDEX_ASSERT_OK(s.ensure_partner(fresh));
  EXPECT_FALSE(s.partner("ZZ-NEW").value()->registered);
}

TYPED_TEST(StoreMasterTest, TwoPartnersCannotShareAnEdiId) {
  Store& s = this->store();
  ORDEX_ASSERT_OK(s.begin());
  ORDEX_ASSERT_OK(s.upsert_partner(customer("A", "SAME")));
  ORDEX_ASSERT_OK(s.upsert_partner(customer("B", "SAME")));
  EXPECT_FALSE(s.commit().ok());
  EXPECT_FALSE(s.partner("A").value().has_value());
}

TYPED_TEST(StoreMasterTest, ItemsByskuAndByUpc) {
  Store& s = this->store();
  ORDEX_ASSERT_OK(s.upsert_partner(customer("NORTHWIND")));
  Item item;
  item.partner_id = "NORTHWIND";
  item.sku = "WID-100";
  item.upc = "012345678905";
  item.description = "Widget, blue";
  item.uom = "EA";
  item.unit_price = Decimal{199900};
  ORDEX_ASSERT_OK(s.upsert_item(item));
  item.unit_price = Decimal{189900};
  ORDEX_ASSERT_OK(s.upsert_item(item));
  Result<std::optional<Item>> by_sku = s.item_by_sku("NORTHWIND", "WID-100");
  ORDEX_ASSERT_OK(by_sku);
  ASSERT_TRUE(by_sku.value().has_value());
  EXPECT_EQ(by_sku.value()->unit_price, Decimal{189900});
  EXPECT_EQ(by_sku.value()->description, "Widget, blue");
  Result<std::optional<Item>> by_upc = s.item_by_upc("NORTHWIND", "012345678905");
  ORDEX_ASSERT_OK(by_upc);
  ASSERT_TRUE(by_upc.value().has_value());
  EXPECT_EQ(by_upc.value()->sku, "WID-100");
  EXPECT_FALSE(s.item_by_upc("NORTHWIND", "").value().has_value());
  EXPECT_FALSE(s.item_by_sku("CONTOSO", "WID-100").value().has_value());
  item.partner_id = "NOBODY";
  EXPECT_FALSE(s.upsert_item(item).ok());  // outside a transaction: flushed, and refused
}

TYPED_TEST(StoreMasterTest, LocationsByPartnerAndCode) {
  Store& s = this->store();
  ORDEX_ASSERT_OK(s.upsert_partner(customer("NORTHWIND")));
  Location l;
  l.partner_id = "NORTHWIND";
  l.location_code = "ST0042";
  l.name = "Dallas DC";
  l.address = "100 Main St, Dock 4";
  l.city = "Dallas";
  l.state = "TX";
  l.postal_code = "75201";
  l.country = "US";
  ORDEX_ASSERT_OK(s.upsert_location(l));
  Result<std::optional<Location>> got = s.location("NORTHWIND", "ST0042");
  ORDEX_ASSERT_OK(got);
  ASSERT_TRUE(got.value().has_value());
  EXPECT_EQ(got.value()->address, "100 Main St, Dock 4");
  EXPECT_EQ(got.value()->postal_code, "75201");
  EXPECT_FALSE(s.location("NORTHWIND", "ST0043").value().has_value());
}

}  // namespace
}  // namespace ordex::orders::testing
