// 850, 855 and 940: orders, their acknowledgments, and the warehouse shipping orders.
#include <gtest/gtest.h>

#include "mapping_test_util.h"
#include "orders/mapping/values.h"

namespace ordex::orders::testing {
namespace {

using Strings = std::vector<std::string>;

Decimal dec(std::string_view text) { return *parse_edi_decimal(text); }

std::vector<std::string> po_850(std::string_view purpose = "00") {
  return {"BEG*" + std::string(purpose) + "*SA*4500012345**20261116",
          "REF*DP*042",
          "DTM*002*20261120",
          "DTM*010*20261118",
          "N1*BY*Northwind Retail*92*NW",
          "N1*ST*Northwind Store 42*92*0042",
          "N4*Chicago*IL*60601*US",
          "PO1*1*12*EA*9.5**VN*SKU-100*UP*012345678905",
          "PID*F****Steel Water Bottle",
          "PO1*2*3*CA*24.75**BP*B-77*IN*IN-9*EN*5012345678900",
          "DTM*002*20261125",
          "CTT*2*15"};
}

void expect_order_850(const MapRun& run) {
  EXPECT_EQ(run.finding_codes(), Strings{});
  EXPECT_EQ(run.sink.issue_briefs(), Strings{});
  ASSERT_EQ(run.sink.orders.size(), 1u);
  const Order& o = run.sink.orders[0];
  EXPECT_EQ(o.po_number, "4500012345");
  EXPECT_EQ(o.purpose, OrderPurpose::kOriginal);
  EXPECT_EQ(o.order_date, "2026-11-16");
  EXPECT_EQ(o.due, "2026-11-20");  // the line-level DTM*002 is not the order's
  EXPECT_EQ(o.ship_by, "2026-11-18");
  EXPECT_EQ(o.ship_to, "0042");
  EXPECT_EQ(o.ship_to_qualifier, "92");
  EXPECT_EQ(o.ship_to_name, "Northwind Store 42");
  EXPECT_EQ(o.partner_id, "");  // the caller's to resolve
  ASSERT_EQ(o.lines.size(), 2u);
  EXPECT_EQ(o.lines[0].line_number, "1");
  EXPECT_EQ(o.lines[0].quantity, dec("12"));
  EXPECT_EQ(o.lines[0].uom, "EA");
  EXPECT_EQ(o.lines[0].unit_price, dec("9.5"));
  EXPECT_EQ(o.lines[0].sku, "SKU-100");
  EXPECT_EQ(o.lines[0].upc, "012345678905");
  EXPECT_EQ(o.lines[0].buyer_part, "");
  EXPECT_EQ(o.lines[1].line_number, "2");
  EXPECT_EQ(o.lines[1].quantity, dec("3"));
  EXPECT_EQ(o.lines[1].uom, "CA");
  EXPECT_EQ(o.lines[1].unit_price, dec("24.75"));
  EXPECT_EQ(o.lines[1].sku, "");
  EXPECT_EQ(o.lines[1].upc, "5012345678900");
  EXPECT_EQ(o.lines[1].buyer_part, "B-77");  // BP before IN: the first wins
  EXPECT_EQ(o.source.interchange, "000000101");
  EXPECT_EQ(o.source.group, "101");
  EXPECT_EQ(o.source.transaction, "0001");
  EXPECT_EQ(o.source.set_id, "850");
}

TEST(Map850, Version004010) {
  const MapRun run = map_edi(x12_interchange({}, "850", {po_850()}));
  expect_order_850(run);
  EXPECT_EQ(run.sink.orders[0].source.received_at, at("UTC", 2026, 11, 16, 8, 15));
}

TEST(Map850, Version005010) {
  X12Options options;
  options.version = "005010";
  expect_order_850(map_edi(x12_interchange(options, "850", {po_850()})));
}

TEST(Map850, PurposeCodes) {
  const MapRun run =
      map_edi(x12_interchange({}, "850", {po_850("00"), po_850("01"), po_850("04"), po_850("05")}));
  ASSERT_EQ(run.sink.orders.size(), 4u);
  EXPECT_EQ(run.sink.orders[0].purpose, OrderPurpose::kOriginal);
  EXPECT_EQ(run.sink.orders[1].purpose, OrderPurpose::kCancel);
  EXPECT_EQ(run.sink.orders[2].purpose, OrderPurpose::kChange);
  EXPECT_EQ(run.sink.orders[3].purpose, OrderPurpose::kReplace);
  EXPECT_EQ(run.sink.orders[3].source.transaction, "0004");
}

TEST(Map850, ReceivedAtIsTheGroupDateTimeInThePartnersZone) {
  const MapRun run =
      map_edi(x12_interchange({}, "850", {po_850()}), TimeZone::named("America/Chicago").value());
  ASSERT_EQ(run.sink.orders.size(), 1u);
  EXPECT_EQ(format_utc(run.sink.orders[0].source.received_at), "2026-11-16T14:15:00Z");
}

TEST(Map850, ShipToWithAnotherQualifierIsKeptAsSent) {
  std::vector<std::string> body = po_850();
  body[5] = "N1*ST*Northwind DC*UL*0614141000012";
  const MapRun run = map_edi(x12_interchange({}, "850", {body}));
  ASSERT_EQ(run.sink.orders.size(), 1u);
  EXPECT_EQ(run.sink.orders[0].ship_to, "0614141000012");
  EXPECT_EQ(run.sink.orders[0].ship_to_qualifier, "UL");
}

std::vector<std::string> ack_855() {
  return {"BAK*00*AC*4500012345*20261116*****20261117",
          "PO1*1*12*EA*9.5**VN*SKU-100*UP*012345678905",
          "ACK*IA*8*EA*068*20261118",
          "ACK*IB*4*EA*068*20261202",
          "PO1*2*3*CA*24.75**VN*SKU-200",
          "ACK*IR*3*CA",
          "CTT*2*15"};
}

void expect_ack_855(const MapRun& run) {
  EXPECT_EQ(run.finding_codes(), Strings{});
  EXPECT_EQ(run.sink.issue_briefs(), Strings{});
  ASSERT_EQ(run.sink.acks.size(), 1u);
  const OrderAcknowledgment& a = run.sink.acks[0];
  EXPECT_EQ(a.po_number, "4500012345");
  EXPECT_EQ(a.purpose, "00");
  EXPECT_EQ(a.ack_type, "AC");
  EXPECT_EQ(a.order_date, "2026-11-16");
  EXPECT_EQ(a.ack_date, "2026-11-17");
  ASSERT_EQ(a.lines.size(), 3u);
  EXPECT_EQ(a.lines[0].line_number, "1");
  EXPECT_EQ(a.lines[0].status, "IA");
  EXPECT_EQ(a.lines[0].quantity, dec("8"));
  EXPECT_EQ(a.lines[0].uom, "EA");
  EXPECT_EQ(a.lines[0].scheduled_ship, "2026-11-18");
  EXPECT_EQ(a.lines[0].sku, "SKU-100");
  EXPECT_EQ(a.lines[0].upc, "012345678905");
  EXPECT_EQ(a.lines[1].line_number, "1");
  EXPECT_EQ(a.lines[1].status, "IB");
  EXPECT_EQ(a.lines[1].quantity, dec("4"));
  EXPECT_EQ(a.lines[1].scheduled_ship, "2026-12-02");
  EXPECT_EQ(a.lines[2].line_number, "2");
  EXPECT_EQ(a.lines[2].status, "IR");
  EXPECT_EQ(a.lines[2].sku, "SKU-200");
  EXPECT_EQ(a.lines[2].scheduled_ship, "");
}

TEST(Map855, Version004010) {
  X12Options options;
  options.functional_id = "PR";
  expect_ack_855(map_edi(x12_interchange(options, "855", {ack_855()})));
}

TEST(Map855, Version005010) {
  X12Options options;
  options.functional_id = "PR";
  options.version = "005010";
  expect_ack_855(map_edi(x12_interchange(options, "855", {ack_855()})));
}

TEST(Map940, WarehouseShippingOrderIsAnOrderForTheWarehouse) {
  X12Options options;
  options.functional_id = "OW";
  options.sender = "ACMESUPPLY";
  options.receiver = "CENTRALWHSE";
  const MapRun run =
      map_edi(x12_interchange(options, "940",
                              {{"W05*N*4500012345*4500012345", "N1*ST*Northwind Store 42*92*0042",
                                "N4*Chicago*IL*60601*US", "G62*10*20261118", "G62*02*20261120",
                                "W66*PP*M***SWFT", "LX*1", "W01*12*EA*012345678905*VN*SKU-100",
                                "LX*2", "W01*3*CA**VN*SKU-200*UP*012345678912", "W76*15"}}));
  EXPECT_EQ(run.finding_codes(), Strings{});
  EXPECT_EQ(run.sink.issue_briefs(), Strings{});
  EXPECT_TRUE(run.sink.orders.empty());  // never taken for a customer order
  ASSERT_EQ(run.sink.warehouse_orders.size(), 1u);
  const Order& o = run.sink.warehouse_orders[0];
  EXPECT_EQ(o.po_number, "4500012345");
  EXPECT_EQ(o.depositor_order, "4500012345");
  EXPECT_EQ(o.purpose, OrderPurpose::kOriginal);
  EXPECT_EQ(o.ship_by, "2026-11-18");
  EXPECT_EQ(o.due, "2026-11-20");
  EXPECT_EQ(o.ship_to, "0042");
  ASSERT_EQ(o.lines.size(), 2u);
  EXPECT_EQ(o.lines[0].line_number, "1");
  EXPECT_EQ(o.lines[0].quantity, dec("12"));
  EXPECT_EQ(o.lines[0].uom, "EA");
  EXPECT_EQ(o.lines[0].sku, "SKU-100");
  EXPECT_EQ(o.lines[0].upc, "012345678905");
  EXPECT_EQ(o.lines[1].line_number, "2");
  EXPECT_EQ(o.lines[1].upc, "012345678912");
  EXPECT_EQ(run.sink.deliveries[0].set_id, "940");
}

TEST(Map940, DepositorOrderStandsInForAMissingPo) {
  X12Options options;
  options.functional_id = "OW";
  options.version = "005010";
  const MapRun run = map_edi(
      x12_interchange(options, "940", {{"W05*F*SO-7781", "LX*1", "W01*1*EA**VN*SKU-1", "W76*1"}}));
  ASSERT_EQ(run.sink.warehouse_orders.size(), 1u);
  EXPECT_EQ(run.sink.warehouse_orders[0].po_number, "SO-7781");
  EXPECT_EQ(run.sink.warehouse_orders[0].purpose, OrderPurpose::kCancel);
}

}  // namespace
}  // namespace ordex::orders::testing
