// `ordex master load` logic: CSV edge cases, row errors with file:line, upserts, one
// transaction. Runs on both engines, as it writes through the store.
#include "orders/master_data.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "store_test_base.h"

namespace ordex::orders::testing {
namespace {

bool fake_time_zones(std::string_view name) {
  return name == "America/Chicago" || name == "America/New_York" || name == "UTC";
}

template <typename E>
class MasterDataTest : public StoreTest<E> {
 protected:
  void TearDown() override {
    std::error_code ignored;
    if (!dir_.empty()) std::filesystem::remove_all(dir_, ignored);
    StoreTest<E>::TearDown();
  }
  // A folder holding the given files.
  std::filesystem::path folder(const std::vector<std::pair<std::string, std::string>>& files) {
    static int counter = 0;
    dir_ = std::filesystem::temp_directory_path() /
           ("ordex-master-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
    std::filesystem::create_directories(dir_);
    for (const auto& [name, text] : files) {
      std::ofstream(dir_ / name, std::ios::binary) << text;
    }
    return dir_;
  }
  std::string path(const char* name) const { return (dir_ / name).string(); }

  std::filesystem::path dir_;
};
TYPED_TEST_SUITE(MasterDataTest, StoreEngines, StoreEngineNames);

const char kPartners[] =
    "partner_id,name,role,qualifier,edi_id,timezone\r\n"
    "NORTHWIND,\"Northwind Traders, Inc.\",customer,ZZ,NWIND,America/Chicago\r\n"
    "CONTOSO,\"Contoso \"\"West\"\" Ltd\",Customer,01,123456789,America/New_York\r\n"
    "ODFL,Old Dominion,carrier,02,ODFL,UTC\r\n"
    "BAD1,Bad Role,shipper,ZZ,BAD1,UTC\r\n"
    "BAD2,Bad Zone,customer,ZZ,BAD2,America/Chicgo\r\n"
    "BAD3,Too,Few\r\n"
    "BAD4,Half an id,customer,ZZ,,UTC\r\n"
    "DUPE,Same EDI id,customer,ZZ,NWIND,UTC\r\n";

const char kItems[] =
    "partner_id,sku,upc,description,uom,unit_price\n"
    "NORTHWIND,WID-1,012345678905,\"Widget, 3\"\" blue\",EA,19.99\n"
    "NORTHWIND,WID-2,,\"Two-line\ndescription\",CA,7\n"
    "NORTHWIND,WID-3,,Bad price,EA,12,50\n"
    "NORTHWIND,WID-4,,Bad price,EA,abc\n"
    "NORTHWIND,WID-5,,Negative,EA,-1\n"
    "NOBODY,WID-6,,Unknown partner,EA,1.00\n"
    "CONTOSO,WID-1,,un\"quoted,EA,1\n";

const char kLocations[] =
    "location_code,partner_id,name,address,city,state,postal_code,country\n"
    "ST0042,NORTHWIND,Dallas DC,\"100 Main St, Dock 4\",Dallas,TX,75201,US\n"
    "ST0001,NOBODY,Nowhere,,,,,\n";

TYPED_TEST(MasterDataTest, GoodRowsLoadAndBadRowsAreReportedWithTheirLines) {
  this->folder({{"partners.csv", kPartners}, {"items.csv", kItems}, {"locations.csv", kLocations}});
  MasterDataLoader loader(this->store(), fake_time_zones);
  Result<MasterLoadReport> report = loader.load_folder(this->dir_);
  ORDEX_ASSERT_OK(report);
  const MasterLoadReport& r = report.value();
  const std::string p = this->path("partners.csv");
  const std::string i = this->path("items.csv");
  const std::string l = this->path("locations.csv");
  const std::vector<std::string> expected = {
      p + ":5: unknown role 'shipper' (customer, carrier or warehouse)",
      p + ":6: unknown time zone 'America/Chicgo' (an IANA name, e.g. America/Chicago)",
      p + ":7: expected 6 fields, found 3",
      p + ":8: qualifier and edi_id must both be given or both be empty",
      p + ":9: edi id ZZ/NWIND already belongs to partner NORTHWIND",
      i + ":5: expected 6 fields, found 7",
      i + ":6: bad unit_price 'abc' (a number like 12.50, at most 4 decimals, not negative)",
      i + ":7: bad unit_price '-1' (a number like 12.50, at most 4 decimals, not negative)",
      i + ":8: unknown partner 'NOBODY'",
      i + ":9: a quote inside an unquoted field (quote the whole field and double it)",
      l + ":3: unknown partner 'NOBODY'",
  };
  EXPECT_EQ(r.errors, expected);
  ASSERT_EQ(r.files.size(), 3u);
  EXPECT_EQ(r.files[0].loaded, 3);
  EXPECT_EQ(r.files[0].rejected, 5);
  EXPECT_EQ(r.files[1].loaded, 2);
  EXPECT_EQ(r.files[1].rejected, 5);
  EXPECT_EQ(r.files[2].loaded, 1);
  EXPECT_EQ(r.rejected(), 11);

  Store& s = this->store();
  EXPECT_EQ(s.partner("NORTHWIND").value()->name, "Northwind Traders, Inc.");
  EXPECT_EQ(s.partner("CONTOSO").value()->name, "Contoso \"West\" Ltd");
  EXPECT_EQ(s.partner("CONTOSO").value()->role, PartnerRole::kCustomer);
  EXPECT_EQ(s.partner("ODFL").value()->role, PartnerRole::kCarrier);
  EXPECT_FALSE(s.partner("BAD1").value().has_value());
  EXPECT_EQ(s.item_by_sku("NORTHWIND", "WID-1").value()->description, "Widget, 3\" blue");
  EXPECT_EQ(s.item_by_sku("NORTHWIND", "WID-1").value()->unit_price, Decimal{199900});
  EXPECT_EQ(s.item_by_sku("NORTHWIND", "WID-2").value()->description, "Two-line\ndescription");
  EXPECT_EQ(s.location("NORTHWIND", "ST0042").value()->address, "100 Main St, Dock 4");
}

TYPED_TEST(MasterDataTest, LoadingAgainUpdatesInsteadOfDuplicating) {
  this->folder({{"partners.csv",
                 "partner_id,name,role,qualifier,edi_id,timezone\n"
                 "NORTHWIND,Northwind,customer,ZZ,NWIND,UTC\n"},
                {"items.csv",
                 "partner_id,sku,upc,description,uom,unit_price\n"
                 "NORTHWIND,WID-1,,Widget,EA,1.50\n"}});
  MasterDataLoader first(this->store(), fake_time_zones);
  ORDEX_ASSERT_OK(first.load_folder(this->dir_));
  std::ofstream(this->dir_ / "items.csv", std::ios::binary)
      << "partner_id,sku,upc,description,uom,unit_price\n"
         "NORTHWIND,WID-1,,Widget,EA,1.75\nNORTHWIND,WID-2,,Gadget,EA,3\n";
  MasterDataLoader second(this->store(), fake_time_zones);
  Result<MasterLoadReport> report = second.load_folder(this->dir_);
  ORDEX_ASSERT_OK(report);
  EXPECT_EQ(report.value().files[0].updated, 1);
  EXPECT_EQ(report.value().files[0].loaded, 0);
  EXPECT_EQ(report.value().files[1].updated, 1);
  EXPECT_EQ(report.value().files[1].loaded, 1);
  EXPECT_FALSE(report.value().files[2].present);
  EXPECT_EQ(this->store().item_by_sku("NORTHWIND", "WID-1").value()->unit_price, Decimal{17500});
}

TYPED_TEST(MasterDataTest, HeaderProblemsRejectTheFileAndOthersStillLoad) {
  this->folder({{"partners.csv",
                 "partner_id,name,role,qualifier,edi_id,timezone,colour\n"
                 "NORTHWIND,Northwind,customer,ZZ,NWIND,UTC,red\n"},
                {"items.csv", ""},
                {"locations.csv",
                 "\xEF\xBB\xBFlocation_code,partner_id,name,address,city,"
                 "state,postal_code,country\n"}});
  MasterDataLoader loader(this->store(), fake_time_zones);
  Result<MasterLoadReport> report = loader.load_folder(this->dir_);
  ORDEX_ASSERT_OK(report);
  ASSERT_EQ(report.value().errors.size(), 2u);
  EXPECT_EQ(report.value().errors[0],
            this->path("partners.csv") +
                ":1: header: unknown column 'colour' (expected partner_id,name,role,qualifier,"
                "edi_id,timezone); nothing loaded from this file");
  EXPECT_EQ(report.value().errors[1], this->path("items.csv") + ":1: the header row is missing");
  EXPECT_EQ(report.value().files[2].rejected, 0);  // a BOM and a header alone are fine
}

TYPED_TEST(MasterDataTest, MissingFolderIsAnError) {
  MasterDataLoader loader(this->store(), fake_time_zones);
  Result<MasterLoadReport> report = loader.load_folder("/nonexistent/ordex/master");
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.error().find("not a folder"), std::string::npos);
}

TEST(ZoneinfoTimeZones, KnowsIanaNamesAndRefusesPaths) {
  const TimeZoneCheck known = zoneinfo_time_zones();
  if (!std::filesystem::exists("/usr/share/zoneinfo/America/Chicago") &&
      std::getenv("TZDIR") == nullptr) {
    GTEST_SKIP() << "no tz database at /usr/share/zoneinfo";
  }
  EXPECT_TRUE(known("America/Chicago"));
  EXPECT_TRUE(known("Europe/Berlin"));
  EXPECT_TRUE(known("UTC"));
  EXPECT_FALSE(known("America/Chicgo"));
  EXPECT_FALSE(known("America"));  // a folder
  EXPECT_FALSE(known("../zoneinfo/UTC"));
  EXPECT_FALSE(known("/etc/passwd"));
  EXPECT_FALSE(known(""));
}

}  // namespace
}  // namespace ordex::orders::testing
