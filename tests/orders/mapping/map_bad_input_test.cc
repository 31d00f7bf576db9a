// Bad input: every problem is an issue with its position and a reason, and the rest goes on.
#include <gtest/gtest.h>

#include "mapping_test_util.h"

namespace ordex::orders::testing {
namespace {

using Strings = std::vector<std::string>;

std::vector<std::string> good_850(std::string po = "4500012345") {
  return {"BEG*00*SA*" + po + "**20261116", "DTM*002*20261120", "PO1*1*12*EA*9.5**VN*SKU-100",
          "CTT*1"};
}

MapRun run_850(std::vector<std::string> body) {
  return map_edi(x12_interchange({}, "850", {std::move(body)}), {}, "bad.edi");
}

TEST(BadInput, PurchaseOrderWithoutLinesIsDeliveredWithAWarning) {
  const MapRun run = run_850({"BEG*00*SA*4500012345**20261116", "DTM*002*20261120"});
  EXPECT_EQ(run.sink.issue_briefs(), Strings{"MAP_NO_LINES BEG@2"});
  EXPECT_EQ(run.sink.issues[0].issue.severity, IssueSeverity::kWarning);
  ASSERT_EQ(run.sink.orders.size(), 1u);
  // The validator rejects it too (the PO1 loop is mandatory): flagged, still described.
  EXPECT_EQ(run.sink.deliveries[0].verdict, edi::Verdict::kRejected);
}

TEST(BadInput, CancelWithoutLinesIsFine) {
  const MapRun run = run_850({"BEG*01*SA*4500012345**20261116"});
  EXPECT_EQ(run.sink.issue_briefs(), Strings{});
  ASSERT_EQ(run.sink.orders.size(), 1u);
}

TEST(BadInput, PurchaseOrderWithoutNumberIsNotDelivered) {
  const MapRun run = run_850({"BEG*00*SA***20261116", "PO1*1*12*EA*9.5**VN*SKU-100"});
  EXPECT_EQ(run.sink.issue_briefs(), Strings{"MAP_MISSING_KEY BEG@2"});
  EXPECT_EQ(run.sink.issues[0].issue.severity, IssueSeverity::kError);
  EXPECT_TRUE(run.sink.orders.empty());
}

TEST(BadInput, IssuesNameFileEnvelopesPositionAndValue) {
  std::vector<std::string> body = good_850();
  body[1] = "DTM*002*20261131";
  const MapRun run = run_850(body);
  ASSERT_EQ(run.sink.issues.size(), 1u);
  const IssueRecord& r = run.sink.issues[0];
  EXPECT_EQ(r.brief(), "MAP_BAD_DATE DTM@3 e2");
  EXPECT_EQ(r.issue.value, "20261131");
  EXPECT_NE(r.issue.reason.find("20261131"), std::string::npos);
  EXPECT_GT(r.issue.offset, 0u);
  EXPECT_EQ(r.where.file, "bad.edi");
  EXPECT_EQ(r.where.interchange, "000000101");
  EXPECT_EQ(r.where.group, "101");
  EXPECT_EQ(r.where.transaction, "0001");
  EXPECT_EQ(r.where.set_id, "850");
  EXPECT_EQ(r.where.sender, "NORTHWIND");
  ASSERT_EQ(run.sink.orders.size(), 1u);
  EXPECT_EQ(run.sink.orders[0].due, "");  // the bad value is left out, the order goes on
}

TEST(BadInput, MalformedQuantityPriceAndProductQualifier) {
  const MapRun run = run_850({"BEG*00*SA*4500012345**20261116", "PO1*1*12X*EA*9.5**VN*SKU-1",
                              "PO1*2*3*EA*9.5.0**ZZ*ABC*VN*SKU-2", "CTT*2"});
  EXPECT_EQ(run.sink.issue_briefs(),
            (Strings{"MAP_BAD_QUANTITY PO1@3 e2", "MAP_BAD_AMOUNT PO1@4 e4",
                     "MAP_UNKNOWN_QUALIFIER PO1@4 e6"}));
  ASSERT_EQ(run.sink.orders.size(), 1u);
  ASSERT_EQ(run.sink.orders[0].lines.size(), 2u);
  EXPECT_EQ(run.sink.orders[0].lines[0].quantity, Decimal{});
  EXPECT_EQ(run.sink.orders[0].lines[1].sku, "SKU-2");  // the known pair is still read
}

TEST(BadInput, UnknownPurposeCodeIsReadAsOriginal) {
  const MapRun run = run_850({"BEG*99*SA*4500012345**20261116", "PO1*1*12*EA*9.5**VN*SKU-1"});
  EXPECT_EQ(run.sink.issue_briefs(), Strings{"MAP_UNKNOWN_CODE BEG@2 e1"});
  ASSERT_EQ(run.sink.orders.size(), 1u);
  EXPECT_EQ(run.sink.orders[0].purpose, OrderPurpose::kOriginal);
}

TEST(BadInput, ABadTransactionDoesNotStopTheNextOne) {
  const MapRun run =
      map_edi(x12_interchange({}, "850", {{"BEG*00*SA***20261116"}, good_850("4500000002")}));
  EXPECT_EQ(run.sink.issue_briefs(), Strings{"MAP_MISSING_KEY BEG@2"});
  ASSERT_EQ(run.sink.orders.size(), 1u);
  EXPECT_EQ(run.sink.orders[0].po_number, "4500000002");
  EXPECT_EQ(run.sink.deliveries[0].verdict, edi::Verdict::kAccepted);
  EXPECT_EQ(run.sink.issues[0].where.verdict, edi::Verdict::kRejected);
}

X12Options shipper() {
  X12Options o;
  o.functional_id = "SH";
  return o;
}

TEST(BadInput, ShipNoticeWithoutOrderReferenceIsNotDelivered) {
  const MapRun run = map_edi(x12_interchange(
      shipper(), "856",
      {{"BSN*00*SH-1*20261117*1430", "HL*1**S", "HL*2*1*I", "LIN**VN*SKU-1", "SN1**1*EA"}}));
  EXPECT_EQ(run.sink.issue_briefs(), Strings{"MAP_NO_ORDER_REFERENCE BSN@2"});
  EXPECT_EQ(run.sink.issues[0].issue.severity, IssueSeverity::kError);
  EXPECT_TRUE(run.sink.shipments.empty());
}

TEST(BadInput, ShipNoticeItemOutsideEveryOrderOfAMultiOrderNotice) {
  const MapRun run = map_edi(x12_interchange(
      shipper(), "856",
      {{"BSN*00*SH-1*20261117*1430", "HL*1**S", "HL*2*1*O", "PRF*PO-A", "HL*3*2*I", "LIN**VN*SKU-1",
        "SN1**1*EA", "HL*4*1*O", "PRF*PO-B", "HL*5*1*I", "LIN**VN*SKU-2", "SN1**2*EA"}}));
  EXPECT_EQ(run.sink.issue_briefs(), Strings{"MAP_NO_ORDER_REFERENCE LIN@12"});
  ASSERT_EQ(run.sink.shipments.size(), 1u);
  EXPECT_EQ(run.sink.shipments[0].items[1].po_number, "");
}

TEST(BadInput, QuantityWithoutItem) {
  const MapRun run =
      map_edi(x12_interchange(shipper(), "856",
                              {{"BSN*00*SH-1*20261117*1430", "HL*1**S", "HL*2*1*O", "PRF*PO-A",
                                "HL*3*2*I", "SN1**1*EA", "LIN**VN*SKU-1"}}));
  EXPECT_EQ(run.sink.issue_briefs(), Strings{"MAP_STRUCTURE SN1@7"});
}

X12Options carrier() {
  X12Options o;
  o.functional_id = "QM";
  return o;
}

TEST(BadInput, CarrierStatusWithoutAnyReferenceIsNotDelivered) {
  const MapRun run = map_edi(x12_interchange(
      carrier(), "214", {{"B10*PRO-1**SWFT", "LX*1", "AT7*D1*NS***20261120*1000*CT"}}));
  EXPECT_EQ(run.sink.issue_briefs(), Strings{"MAP_NO_SHIPMENT_REFERENCE AT7@4"});
  EXPECT_TRUE(run.sink.events.empty());
}

TEST(BadInput, UnknownTimeCodeFallsBackToTheReceipt) {
  const MapRun run = map_edi(x12_interchange(
      carrier(), "214", {{"B10*PRO-1*SH-1*SWFT", "LX*1", "AT7*D1*NS***20261120*1000*XX"}}));
  EXPECT_EQ(run.sink.issue_briefs(), Strings{"MAP_UNKNOWN_TIME_ZONE AT7@4 e7"});
  ASSERT_EQ(run.sink.events.size(), 1u);
  EXPECT_EQ(run.sink.events[0].at, at("UTC", 2026, 11, 16, 8, 15));
}

TEST(BadInput, UnsupportedSetIsReportedOnce) {
  X12Options o;
  o.functional_id = "RA";
  const MapRun run = map_edi(x12_interchange(o, "820", {{"BPR*C*150*C*ACH"}}));
  EXPECT_EQ(run.sink.issue_briefs(), Strings{"MAP_UNSUPPORTED_SET ST@1"});
}

TEST(BadInput, InvoiceWithoutOrderIsDeliveredWithAWarning) {
  X12Options o;
  o.functional_id = "IN";
  const MapRun run = map_edi(
      x12_interchange(o, "810", {{"BIG*20261118*INV-1", "IT1*1*8*EA*9.5**VN*SKU-1", "TDS*76OO"}}));
  EXPECT_EQ(run.sink.issue_briefs(),
            (Strings{"MAP_BAD_AMOUNT TDS@4 e1", "MAP_NO_ORDER_REFERENCE BIG@2"}));
  ASSERT_EQ(run.sink.invoices.size(), 1u);
}

TEST(BadInput, EdifactDatesAndReferences) {
  const MapRun run =
      map_edi(edifact_interchange({}, "DESADV",
                                  {{"BGM+351+DES-1+9", "DTM+11:20261131:102", "DTM+17:2026W47:616",
                                    "CPS+1", "LIN+1++4006381333931:EN", "QTY+12:8:PCE"}}));
  EXPECT_EQ(run.sink.issue_briefs(), (Strings{"MAP_BAD_DATE DTM@3 e1.2", "MAP_BAD_DATE DTM@4 e1.2",
                                              "MAP_NO_ORDER_REFERENCE BGM@2"}));
  EXPECT_TRUE(run.sink.shipments.empty());
}

TEST(BadInput, EdifactStatusWithoutReference) {
  const MapRun run = map_edi(edifact_interchange(
      {}, "IFTSTA", {{"BGM+23+ST-1+9", "CNI+1", "STS+1+21", "DTM+334:202611201015:203"}}));
  EXPECT_EQ(run.sink.issue_briefs(), Strings{"MAP_NO_SHIPMENT_REFERENCE STS@4"});
  EXPECT_TRUE(run.sink.events.empty());
}

TEST(BadInput, EdifactItemTypeOrdexDoesNotUse) {
  const MapRun run = map_edi(edifact_interchange(
      {}, "ORDERS", {{"BGM+220+PO-1+9", "LIN+1++ABC:MF", "PIA+1+SKU-1:SA", "QTY+21:1X"}}));
  EXPECT_EQ(run.sink.issue_briefs(),
            (Strings{"MAP_UNKNOWN_QUALIFIER LIN@3 e3.2", "MAP_BAD_QUANTITY QTY@5 e1.2"}));
  ASSERT_EQ(run.sink.orders.size(), 1u);
  EXPECT_EQ(run.sink.orders[0].lines[0].sku, "SKU-1");
}

TEST(Pipeline, GroupsAreOfferedAsOutboundForFunctionalAckMatching) {
  const MapRun run =
      map_edi(x12_interchange({}, "850", {good_850()}), TimeZone::named("America/Chicago").value());
  ASSERT_EQ(run.sink.groups.size(), 1u);
  EXPECT_EQ(run.sink.groups[0].functional_id, "PO");
  EXPECT_EQ(run.sink.groups[0].group_control, "101");
  EXPECT_EQ(run.sink.groups[0].sent_at, at("America/Chicago", 2026, 11, 16, 8, 15));
  EXPECT_EQ(run.sink.deliveries.back().kind, "group");
}

TEST(Pipeline, EdifactInterchangeIsTheAcknowledgedGroup) {
  const MapRun run = map_edi(edifact_interchange(
      {}, "ORDERS", {{"BGM+220+PO-1+9", "LIN+1++4006381333931:EN", "QTY+21:1"}}));
  ASSERT_EQ(run.sink.groups.size(), 1u);
  EXPECT_EQ(run.sink.groups[0].functional_id, "ORDERS");
  EXPECT_EQ(run.sink.groups[0].group_control, "1001");
}

}  // namespace
}  // namespace ordex::orders::testing
