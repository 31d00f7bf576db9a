// EDIFACT ORDERS, ORDRSP, DESADV, INVOIC, IFTSTA and CONTRL in D96A and D01B.
#include <gtest/gtest.h>

#include "mapping_test_util.h"
#include "orders/mapping/values.h"

namespace ordex::orders::testing {
namespace {

using Strings = std::vector<std::string>;

Decimal dec(std::string_view text) { return *parse_edi_decimal(text); }

EdifactOptions version(std::string v) {
  EdifactOptions o;
  o.version = std::move(v);
  return o;
}

class Edifact : public ::testing::TestWithParam<std::string> {};
INSTANTIATE_TEST_SUITE_P(Directories, Edifact, ::testing::Values("D96A", "D01B"));

TEST_P(Edifact, OrdersWithReleaseCharactersInNames) {
  const MapRun run = map_edi(edifact_interchange(
      version(GetParam()), "ORDERS",
      {{"BGM+220+PO-EU-1001+9", "DTM+137:20261116:102", "DTM+2:20261120:102",
        "DTM+10:20261116-20261118:718", "NAD+BY+5412345000013::9",
        "NAD+DP+5412345000099::9++M?+S Store?'s Dock?:3+Hauptstr. 1+Berlin++10115+DE",
        "CUX+2:EUR:9", "LIN+1++4006381333931:EN", "PIA+1+SKU-100:SA+B-77:IN", "QTY+21:12:PCE",
        "PRI+AAB:10.5", "PRI+AAA:9.5", "LIN+2++5012345678900:EN", "QTY+21:3:PCE", "PRI+AAB:24.75",
        "UNS+S", "CNT+2:2"}}));
  EXPECT_EQ(run.finding_codes(), Strings{});
  EXPECT_EQ(run.sink.issue_briefs(), Strings{});
  ASSERT_EQ(run.sink.orders.size(), 1u);
  const Order& o = run.sink.orders[0];
  EXPECT_EQ(o.po_number, "PO-EU-1001");
  EXPECT_EQ(o.purpose, OrderPurpose::kOriginal);
  EXPECT_EQ(o.order_date, "2026-11-16");
  EXPECT_EQ(o.due, "2026-11-20");
  EXPECT_EQ(o.ship_by, "2026-11-18");  // a window's last day
  EXPECT_EQ(o.ship_to, "5412345000099");
  EXPECT_EQ(o.ship_to_qualifier, "9");
  EXPECT_EQ(o.ship_to_name, "M+S Store's Dock:3");
  ASSERT_EQ(o.lines.size(), 2u);
  EXPECT_EQ(o.lines[0].line_number, "1");
  EXPECT_EQ(o.lines[0].upc, "4006381333931");
  EXPECT_EQ(o.lines[0].sku, "SKU-100");
  EXPECT_EQ(o.lines[0].buyer_part, "B-77");
  EXPECT_EQ(o.lines[0].quantity, dec("12"));
  EXPECT_EQ(o.lines[0].uom, "PCE");
  EXPECT_EQ(o.lines[0].unit_price, dec("9.5"));    // net (AAA) over gross (AAB)
  EXPECT_EQ(o.lines[1].unit_price, dec("24.75"));  // gross when there is no net
  EXPECT_EQ(o.source.set_id, "ORDERS");
  EXPECT_EQ(o.source.interchange, "1001");
  EXPECT_EQ(o.source.group, "1001");  // no UNG: the interchange is the group
  EXPECT_EQ(o.source.transaction, "1");
  EXPECT_EQ(o.source.received_at, at("UTC", 2026, 11, 16, 8, 15));
}

TEST_P(Edifact, OrdersMessageFunctions) {
  std::vector<std::vector<std::string>> messages;
  for (const char* function : {"9", "1", "5", "4"}) {
    messages.push_back({std::string("BGM+220+PO-") + function + "+" + function,
                        "DTM+137:20261116:102", "LIN+1++4006381333931:EN", "QTY+21:1"});
  }
  const MapRun run = map_edi(edifact_interchange(version(GetParam()), "ORDERS", messages));
  ASSERT_EQ(run.sink.orders.size(), 4u);
  EXPECT_EQ(run.sink.orders[0].purpose, OrderPurpose::kOriginal);
  EXPECT_EQ(run.sink.orders[1].purpose, OrderPurpose::kCancel);
  EXPECT_EQ(run.sink.orders[2].purpose, OrderPurpose::kReplace);
  EXPECT_EQ(run.sink.orders[3].purpose, OrderPurpose::kChange);
}

TEST_P(Edifact, OrdrspLineActionsBecomeAckStatuses) {
  const MapRun run = map_edi(edifact_interchange(
      version(GetParam()), "ORDRSP",
      {{"BGM+231+RSP-2001+4", "DTM+137:20261117:102", "RFF+ON:PO-EU-1001", "DTM+171:20261116:102",
        "NAD+BY+5412345000013::9", "LIN+1+5+4006381333931:EN", "QTY+21:12:PCE",
        "LIN+2+3+5012345678900:EN", "QTY+21:3:PCE", "QTY+113:2:PCE", "DTM+11:20261125:102",
        "LIN+3+7+5012345678917:EN", "LIN+4+5+5012345678924:EN", "QTY+21:5:PCE", "QTY+83:2:PCE",
        "UNS+S", "CNT+2:4"}}));
  EXPECT_EQ(run.finding_codes(), Strings{});
  EXPECT_EQ(run.sink.issue_briefs(), Strings{});
  ASSERT_EQ(run.sink.acks.size(), 1u);
  const OrderAcknowledgment& a = run.sink.acks[0];
  EXPECT_EQ(a.po_number, "PO-EU-1001");
  EXPECT_EQ(a.ack_type, "AC");  // 1225 4: changed
  EXPECT_EQ(a.purpose, "4");
  EXPECT_EQ(a.ack_date, "2026-11-17");
  EXPECT_EQ(a.order_date, "2026-11-16");
  ASSERT_EQ(a.lines.size(), 4u);
  EXPECT_EQ(a.lines[0].status, "IA");
  EXPECT_EQ(a.lines[0].quantity, dec("12"));
  EXPECT_EQ(a.lines[0].upc, "4006381333931");
  EXPECT_EQ(a.lines[1].status, "IC");
  EXPECT_EQ(a.lines[1].quantity, dec("2"));  // 113 to be delivered
  EXPECT_EQ(a.lines[1].scheduled_ship, "2026-11-25");
  EXPECT_EQ(a.lines[2].status, "IR");
  EXPECT_EQ(a.lines[3].status, "IB");  // accepted with a backorder quantity
  EXPECT_EQ(a.lines[3].line_number, "4");
}

TEST_P(Edifact, DesadvWithLineLevelOrders) {
  const MapRun run = map_edi(
      edifact_interchange(
          version(GetParam()), "DESADV",
          {{"BGM+351+DES-3001+9", "DTM+137:20261117:102", "DTM+11:202611171430:203",
            "DTM+17:20261120:102", "RFF+BM:BOL-EU-1", "NAD+SU+5400000000003::9",
            "NAD+DP+5412345000099::9", "TDT+20++30++SWFT::182", "CPS+1", "PAC+2++CT",
            "LIN+1++4006381333931:EN", "PIA+1+SKU-100:SA", "QTY+12:8:PCE", "RFF+ON:PO-EU-1001",
            "LIN+2++5012345678900:EN", "QTY+12:3:PCE", "RFF+ON:PO-EU-1002", "CNT+2:2"}}),
      TimeZone::named("Europe/Berlin").value());
  EXPECT_EQ(run.finding_codes(), Strings{});
  EXPECT_EQ(run.sink.issue_briefs(), Strings{});
  ASSERT_EQ(run.sink.shipments.size(), 1u);
  const Shipment& s = run.sink.shipments[0];
  EXPECT_EQ(s.shipment_id, "DES-3001");
  EXPECT_EQ(s.po_numbers, (Strings{"PO-EU-1001", "PO-EU-1002"}));
  EXPECT_EQ(format_utc(*s.shipped_at), "2026-11-17T13:30:00Z");  // 14:30 in Berlin
  EXPECT_EQ(s.estimated_delivery, "2026-11-20");
  EXPECT_EQ(s.bill_of_lading, "BOL-EU-1");
  EXPECT_EQ(s.carrier_scac, "SWFT");
  ASSERT_EQ(s.items.size(), 2u);
  EXPECT_EQ(s.items[0].po_number, "PO-EU-1001");
  EXPECT_EQ(s.items[0].upc, "4006381333931");
  EXPECT_EQ(s.items[0].sku, "SKU-100");
  EXPECT_EQ(s.items[0].quantity, dec("8"));
  EXPECT_EQ(s.items[0].uom, "PCE");
  EXPECT_EQ(s.items[1].po_number, "PO-EU-1002");
  EXPECT_EQ(s.items[1].quantity, dec("3"));
}

TEST_P(Edifact, DesadvWithOneMessageLevelOrder) {
  const MapRun run = map_edi(
      edifact_interchange(version(GetParam()), "DESADV",
                          {{"BGM+351+DES-3002+9", "DTM+11:20261117:102", "RFF+ON:PO-EU-1001",
                            "CPS+1", "LIN+1++4006381333931:EN", "QTY+12:8:PCE"}}));
  EXPECT_EQ(run.sink.issue_briefs(), Strings{});
  ASSERT_EQ(run.sink.shipments.size(), 1u);
  EXPECT_EQ(run.sink.shipments[0].items[0].po_number, "PO-EU-1001");
}

TEST_P(Edifact, Invoic) {
  const MapRun run = map_edi(edifact_interchange(version(GetParam()), "INVOIC",
                                                 {{"BGM+380+INV-EU-4001+9",
                                                   "DTM+137:20261118:102",
                                                   "RFF+ON:PO-EU-1001",
                                                   "DTM+171:20261116:102",
                                                   "NAD+BY+5412345000013::9",
                                                   "CUX+2:EUR:4",
                                                   "LIN+1++4006381333931:EN",
                                                   "PIA+1+SKU-100:SA",
                                                   "QTY+47:8:PCE",
                                                   "MOA+203:76",
                                                   "PRI+AAA:9.5",
                                                   "LIN+2++5012345678900:EN",
                                                   "QTY+47:3:PCE",
                                                   "MOA+203:74.25",
                                                   "PRI+AAA:24.75",
                                                   "UNS+S",
                                                   "CNT+2:2",
                                                   "MOA+79:150.25",
                                                   "MOA+77:160.25",
                                                   "MOA+86:160.25"}}));
  EXPECT_EQ(run.finding_codes(), Strings{});
  EXPECT_EQ(run.sink.issue_briefs(), Strings{});
  ASSERT_EQ(run.sink.invoices.size(), 1u);
  const Invoice& i = run.sink.invoices[0];
  EXPECT_EQ(i.invoice_number, "INV-EU-4001");
  EXPECT_EQ(i.invoice_date, "2026-11-18");
  EXPECT_EQ(i.po_number, "PO-EU-1001");
  EXPECT_EQ(i.total, dec("160.25"));  // MOA 77, the invoice amount
  ASSERT_EQ(i.lines.size(), 2u);
  EXPECT_EQ(i.lines[0].line_number, "1");
  EXPECT_EQ(i.lines[0].upc, "4006381333931");
  EXPECT_EQ(i.lines[0].sku, "SKU-100");
  EXPECT_EQ(i.lines[0].quantity, dec("8"));
  EXPECT_EQ(i.lines[0].uom, "PCE");
  EXPECT_EQ(i.lines[0].unit_price, dec("9.5"));
  EXPECT_EQ(i.lines[1].unit_price, dec("24.75"));
}

TEST_P(Edifact, IftstaStatusesMapToOurVocabulary) {
  // NAD 3229 is a simple element in D96A and C819's first component in D01B: same bytes.
  const std::string nad_city = "NAD+CN+5412345000099::9++++Hamburg+HH++DE";
  const MapRun run = map_edi(
      edifact_interchange(
          version(GetParam()), "IFTSTA",
          {{"BGM+23+ST-5001+9", "DTM+137:202611210600:203", "NAD+CZ+5400000000003::9",
            "RFF+ON:PO-EU-1001", "CNI+1+BOL-EU-1", "STS+1+31", "RFF+CN:PRO-77",
            "DTM+334:202611181000:203", "DTM+17:20261120:102", "LOC+14+DEDUS::6:Duisburg",
            "STS+1+21", "DTM+334:202611202330:203", nad_city, "CNI+2+BOL-EU-2", "STS+1+21+17",
            "RFF+ON:PO-EU-1002", "RFF+AAK:DES-3002", "DTM+334:202611201015:203", "STS+1+99"}}),
      TimeZone::named("Europe/Berlin").value());
  EXPECT_EQ(run.finding_codes(), Strings{});
  EXPECT_EQ(run.sink.issue_briefs(), Strings{"MAP_UNKNOWN_CODE STS@20 e2.1"});
  ASSERT_EQ(run.sink.events.size(), 4u);
  const ShipmentEvent& moving = run.sink.events[0];
  EXPECT_EQ(moving.status, "AG");                 // en route with an estimated delivery
  EXPECT_EQ(moving.po_number, "PO-EU-1001");      // message level
  EXPECT_EQ(moving.bill_of_lading, "BOL-EU-1");   // consignment level
  EXPECT_EQ(moving.carrier_reference, "PRO-77");  // the status's own
  EXPECT_EQ(format_utc(moving.at), "2026-11-18T09:00:00Z");
  EXPECT_EQ(format_utc(*moving.estimate), "2026-11-20T11:00:00Z");  // noon in Berlin
  EXPECT_EQ(moving.city, "Duisburg");                               // LOC place name
  EXPECT_EQ(moving.country, "DE");                                  // from the UN/LOCODE
  const ShipmentEvent& delivered = run.sink.events[1];
  EXPECT_EQ(delivered.status, "D1");
  EXPECT_EQ(delivered.carrier_reference, "");
  EXPECT_EQ(delivered.city, "Hamburg");
  EXPECT_EQ(delivered.state, "HH");
  EXPECT_EQ(delivered.country, "DE");
  const ShipmentEvent& second = run.sink.events[2];
  EXPECT_EQ(second.status, "D1");
  EXPECT_EQ(second.reason, "17");
  EXPECT_EQ(second.po_number, "PO-EU-1002");
  EXPECT_EQ(second.bill_of_lading, "BOL-EU-2");
  EXPECT_EQ(second.shipment_id, "DES-3002");
  const ShipmentEvent& unknown = run.sink.events[3];
  EXPECT_EQ(unknown.status, "99");  // kept as sent, with the warning
  EXPECT_EQ(unknown.at, at("Europe/Berlin", 2026, 11, 16, 8, 15));  // undated: UNB date/time
  EXPECT_EQ(run.sink.events[0].source.set_id, "IFTSTA");
}

TEST_P(Edifact, ContrlPerMessageAndInterchange) {
  const MapRun run = map_edi(
      edifact_interchange(version(GetParam()), "CONTRL",
                          {{"UCI+3001+5400000000003:14+5412345000013:14+7",
                            "UCM+1+ORDRSP:D:96A:UN+7", "UCM+2+ORDRSP:D:96A:UN+4+12", "UCS+5+12"},
                           {"UCI+3002+5400000000003:14+5412345000013:14+4+13"}}));
  EXPECT_EQ(run.finding_codes(), Strings{});
  EXPECT_EQ(run.sink.issue_briefs(), Strings{});
  ASSERT_EQ(run.sink.functional_acks.size(), 2u);
  const FunctionalAck& partial = run.sink.functional_acks[0];
  EXPECT_EQ(partial.interchange_control, "3001");
  EXPECT_EQ(partial.group_control, "3001");
  EXPECT_EQ(partial.functional_id, "ORDRSP");
  EXPECT_EQ(partial.status, "P");
  using Sets = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(partial.sets, (Sets{{"1", "A"}, {"2", "R"}}));
  const FunctionalAck& rejected = run.sink.functional_acks[1];
  EXPECT_EQ(rejected.interchange_control, "3002");
  EXPECT_EQ(rejected.status, "R");
  EXPECT_TRUE(rejected.sets.empty());
}

TEST(EdifactContrl, GroupResponses) {
  const MapRun run = map_edi(
      edifact_interchange({}, "CONTRL",
                          {{"UCI+3001+5400000000003:14+5412345000013:14+7",
                            "UCF+71+5400000000003:14+5412345000013:14+7", "UCM+1+INVOIC:D:96A:UN+7",
                            "UCF+72+5400000000003:14+5412345000013:14+4"}}));
  EXPECT_EQ(run.finding_codes(), Strings{});
  ASSERT_EQ(run.sink.functional_acks.size(), 2u);
  EXPECT_EQ(run.sink.functional_acks[0].group_control, "71");
  EXPECT_EQ(run.sink.functional_acks[0].functional_id, "INVOIC");
  EXPECT_EQ(run.sink.functional_acks[0].status, "A");
  EXPECT_EQ(run.sink.functional_acks[1].group_control, "72");
  EXPECT_EQ(run.sink.functional_acks[1].status, "R");
}

}  // namespace
}  // namespace ordex::orders::testing
