// 856, 945 and 810: what shipped and what was invoiced.
#include <gtest/gtest.h>

#include "mapping_test_util.h"
#include "orders/mapping/values.h"

namespace ordex::orders::testing {
namespace {

using Strings = std::vector<std::string>;

Decimal dec(std::string_view text) { return *parse_edi_decimal(text); }

X12Options options(std::string functional_id, std::string version = "004010") {
  X12Options o;
  o.functional_id = std::move(functional_id);
  o.version = std::move(version);
  o.sender = "ACMESUPPLY";
  o.receiver = "NORTHWIND";
  o.date = "20261117";
  o.time = "1500";
  return o;
}

// Two orders in one ship notice; the second order's items sit under a pack level.
std::vector<std::string> asn_856() {
  return {"BSN*00*SH-9001*20261117*1430*0001",
          "HL*1**S",
          "TD1*CTN25*4****G*120*LB",
          "TD5*B*2*SWFT*M",
          "REF*BM*BOL-5512",
          "DTM*011*20261117*1430*CT",
          "DTM*017*20261120",
          "N1*ST*Northwind Store 42*92*0042",
          "HL*2*1*O",
          "PRF*4500012345***20261116",
          "HL*3*2*I",
          "LIN**UP*012345678905*VN*SKU-100",
          "SN1**8*EA",
          "HL*4*2*I",
          "LIN**VN*SKU-200",
          "SN1**3*CA",
          "HL*5*1*O",
          "PRF*4500012399",
          "HL*6*5*P",
          "HL*7*6*I",
          "LIN**VN*SKU-300*BP*B-9",
          "SN1**5*EA",
          "CTT*7"};
}

void expect_asn_856(const MapRun& run) {
  EXPECT_EQ(run.finding_codes(), Strings{});
  EXPECT_EQ(run.sink.issue_briefs(), Strings{});
  ASSERT_EQ(run.sink.shipments.size(), 1u);
  const Shipment& s = run.sink.shipments[0];
  EXPECT_EQ(s.shipment_id, "SH-9001");
  EXPECT_EQ(s.po_numbers, (Strings{"4500012345", "4500012399"}));
  ASSERT_TRUE(s.shipped_at);
  EXPECT_EQ(format_utc(*s.shipped_at), "2026-11-17T20:30:00Z");  // 14:30 Central
  EXPECT_EQ(s.estimated_delivery, "2026-11-20");
  EXPECT_EQ(s.bill_of_lading, "BOL-5512");
  EXPECT_EQ(s.carrier_scac, "SWFT");
  ASSERT_EQ(s.items.size(), 3u);
  EXPECT_EQ(s.items[0].po_number, "4500012345");
  EXPECT_EQ(s.items[0].upc, "012345678905");
  EXPECT_EQ(s.items[0].sku, "SKU-100");
  EXPECT_EQ(s.items[0].quantity, dec("8"));
  EXPECT_EQ(s.items[0].uom, "EA");
  EXPECT_EQ(s.items[1].po_number, "4500012345");
  EXPECT_EQ(s.items[1].sku, "SKU-200");
  EXPECT_EQ(s.items[1].quantity, dec("3"));
  EXPECT_EQ(s.items[1].uom, "CA");
  EXPECT_EQ(s.items[2].po_number, "4500012399");  // through the pack level
  EXPECT_EQ(s.items[2].sku, "SKU-300");
  EXPECT_EQ(s.items[2].buyer_part, "B-9");
  EXPECT_EQ(s.items[2].quantity, dec("5"));
  EXPECT_EQ(s.source.set_id, "856");
}

TEST(Map856, TwoOrdersInOneShipNotice004010) {
  expect_asn_856(map_edi(x12_interchange(options("SH"), "856", {asn_856()})));
}

TEST(Map856, TwoOrdersInOneShipNotice005010) {
  expect_asn_856(map_edi(x12_interchange(options("SH", "005010"), "856", {asn_856()})));
}

TEST(Map856, ShippedDateAloneIsNoonButNeverAfterTheNoticeWasSent) {
  std::vector<std::string> body = asn_856();
  body[5] = "DTM*011*20261117";
  // Received 2026-11-17 15:00 Chicago: noon that day is earlier, and stands.
  MapRun run = map_edi(x12_interchange(options("SH"), "856", {body}),
                       TimeZone::named("America/Chicago").value());
  ASSERT_EQ(run.sink.shipments.size(), 1u);
  EXPECT_EQ(format_utc(*run.sink.shipments[0].shipped_at), "2026-11-17T18:00:00Z");
  // Received at 09:00 the same day: the shipment cannot be later than the notice.
  X12Options morning = options("SH");
  morning.time = "0900";
  run =
      map_edi(x12_interchange(morning, "856", {body}), TimeZone::named("America/Chicago").value());
  ASSERT_EQ(run.sink.shipments.size(), 1u);
  EXPECT_EQ(format_utc(*run.sink.shipments[0].shipped_at), "2026-11-17T15:00:00Z");
}

TEST(Map856, BsnDateTimeStandsInForAMissingShippedDate) {
  std::vector<std::string> body = asn_856();
  body.erase(body.begin() + 5);  // DTM*011
  const MapRun run = map_edi(x12_interchange(options("SH"), "856", {body}));
  ASSERT_EQ(run.sink.shipments.size(), 1u);
  EXPECT_EQ(format_utc(*run.sink.shipments[0].shipped_at), "2026-11-17T14:30:00Z");  // UTC zone
}

void expect_advice_945(const std::string& version) {
  const MapRun run = map_edi(x12_interchange(
      options("SW", version), "945",
      {{"W06*F*4500012345*20261117*SH-W-1*AG-77*4500012345", "N1*ST*Northwind Store 42*92*0042",
        "N9*BM*BOL-W-1", "G62*11*20261117*8*1430*ET", "W27*M*SWFT", "LX*1",
        "W12*CC*12*12**EA*012345678905*VN*SKU-100", "LX*2", "W12*CP*3*2*1*CA**VN*SKU-200",
        "W03*14*120*LB"}}));
  EXPECT_EQ(run.finding_codes(), Strings{});
  EXPECT_EQ(run.sink.issue_briefs(), Strings{});
  ASSERT_EQ(run.sink.shipments.size(), 1u);
  const Shipment& s = run.sink.shipments[0];
  EXPECT_EQ(s.shipment_id, "SH-W-1");
  EXPECT_EQ(s.depositor_order, "4500012345");
  EXPECT_EQ(s.po_numbers, Strings{"4500012345"});
  EXPECT_EQ(format_utc(*s.shipped_at), "2026-11-17T19:30:00Z");  // 14:30 Eastern
  EXPECT_EQ(s.bill_of_lading, "BOL-W-1");
  EXPECT_EQ(s.carrier_scac, "SWFT");
  ASSERT_EQ(s.items.size(), 2u);
  EXPECT_EQ(s.items[0].po_number, "4500012345");
  EXPECT_EQ(s.items[0].quantity, dec("12"));
  EXPECT_EQ(s.items[0].uom, "EA");
  EXPECT_EQ(s.items[0].sku, "SKU-100");
  EXPECT_EQ(s.items[0].upc, "012345678905");
  EXPECT_EQ(s.items[1].quantity, dec("2"));  // shipped, not ordered
  EXPECT_EQ(s.items[1].uom, "CA");
  EXPECT_EQ(s.items[1].sku, "SKU-200");
  EXPECT_EQ(run.sink.deliveries[0].set_id, "945");
}

TEST(Map945, WarehouseShippingAdviceIsAShipment004010) { expect_advice_945("004010"); }

TEST(Map945, WarehouseShippingAdviceIsAShipment005010) { expect_advice_945("005010"); }

std::vector<std::string> invoice_810() {
  return {"BIG*20261118*INV-77001*20261116*4500012345",
          "REF*BM*BOL-5512",
          "N1*BT*Northwind Retail*92*NW",
          "ITD*01*3*2**10**30",
          "DTM*011*20261117",
          "IT1*1*8*EA*9.5**VN*SKU-100*UP*012345678905",
          "PID*F****Steel Water Bottle",
          "IT1*2*3*CA*24.75**VN*SKU-200*IN*IN-9",
          "TDS*15025",
          "CTT*2*11"};
}

void expect_invoice_810(const MapRun& run) {
  EXPECT_EQ(run.finding_codes(), Strings{});
  EXPECT_EQ(run.sink.issue_briefs(), Strings{});
  ASSERT_EQ(run.sink.invoices.size(), 1u);
  const Invoice& i = run.sink.invoices[0];
  EXPECT_EQ(i.invoice_number, "INV-77001");
  EXPECT_EQ(i.invoice_date, "2026-11-18");
  EXPECT_EQ(i.po_number, "4500012345");
  EXPECT_EQ(i.total, dec("150.25"));
  ASSERT_EQ(i.lines.size(), 2u);
  EXPECT_EQ(i.lines[0].line_number, "1");
  EXPECT_EQ(i.lines[0].quantity, dec("8"));
  EXPECT_EQ(i.lines[0].uom, "EA");
  EXPECT_EQ(i.lines[0].unit_price, dec("9.5"));
  EXPECT_EQ(i.lines[0].sku, "SKU-100");
  EXPECT_EQ(i.lines[0].upc, "012345678905");
  EXPECT_EQ(i.lines[1].unit_price, dec("24.75"));
  EXPECT_EQ(i.lines[1].buyer_part, "IN-9");
}

TEST(Map810, Version004010) {
  expect_invoice_810(map_edi(x12_interchange(options("IN"), "810", {invoice_810()})));
}

TEST(Map810, Version005010) {
  expect_invoice_810(map_edi(x12_interchange(options("IN", "005010"), "810", {invoice_810()})));
}

}  // namespace
}  // namespace ordex::orders::testing
