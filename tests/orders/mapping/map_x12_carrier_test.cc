// 214 carrier status and 997/999 functional acknowledgments.
#include <gtest/gtest.h>

#include "mapping_test_util.h"

namespace ordex::orders::testing {
namespace {

using Strings = std::vector<std::string>;

X12Options carrier(std::string version = "004010") {
  X12Options o;
  o.functional_id = "QM";
  o.version = std::move(version);
  o.sender = "SWFT";
  o.receiver = "ACMESUPPLY";
  o.date = "20261121";
  o.time = "0600";
  return o;
}

std::vector<std::string> status_214() {
  return {"B10*PRO-7788*SH-9001*SWFT",
          "L11*4500012345*PO",
          "L11*BOL-5512*BM",
          "N1*SH*Acme Supply",
          "N1*CN*Northwind Store 42*92*0042",
          "N4*Chicago*IL*60601*US",
          "LX*1",
          "AT7*X6*NS***20261118*0900*CT",
          "MS1*Memphis*TN*US",
          "MS2*SWFT*TRL-1",
          "LX*2",
          "AT7*AG*NS***20261120*1700*CT",
          "LX*3",
          "AT7*D1*NS***20261120*2330*CT",
          "MS1*Chicago*IL*US",
          "LX*4",
          "AT7***AB*AA*20261121*0800*LT",
          "LX*5",
          "AT7*A9*AH***20261121*101500*ES",
          "L11*4500099999*PO"};
}

// 005010 moved every reference into the LX loop (no header L11 or N1): same events.
std::vector<std::string> status_214_005010() {
  std::vector<std::string> body = {"B10*PRO-7788*SH-9001*SWFT"};
  const auto loop = [&body](int n, std::string po, std::vector<std::string> at7) {
    body.push_back("LX*" + std::to_string(n));
    body.push_back("L11*" + po + "*PO");
    body.push_back("L11*BOL-5512*BM");
    body.insert(body.end(), at7.begin(), at7.end());
  };
  loop(1, "4500012345", {"AT7*X6*NS***20261118*0900*CT", "MS1*Memphis*TN*US", "MS2*SWFT*TRL-1"});
  body.push_back("N1*CN*Northwind Store 42*92*0042");
  loop(2, "4500012345", {"AT7*AG*NS***20261120*1700*CT"});
  loop(3, "4500012345", {"AT7*D1*NS***20261120*2330*CT", "MS1*Chicago*IL*US"});
  loop(4, "4500012345", {"AT7***AB*AA*20261121*0800*LT"});
  loop(5, "4500099999", {"AT7*A9*AH***20261121*101500*ES"});
  return body;
}

void expect_status_214(const MapRun& run) {
  EXPECT_EQ(run.finding_codes(), Strings{});
  EXPECT_EQ(run.sink.issue_briefs(), Strings{});
  ASSERT_EQ(run.sink.events.size(), 5u);
  const Instant received = at("America/Chicago", 2026, 11, 21, 6, 0);
  for (const ShipmentEvent& e : run.sink.events) {
    EXPECT_EQ(e.shipment_id, "SH-9001");
    EXPECT_EQ(e.carrier_reference, "PRO-7788");
    EXPECT_EQ(e.carrier_scac, "SWFT");
    EXPECT_EQ(e.bill_of_lading, "BOL-5512");
    EXPECT_EQ(e.source.set_id, "214");
    EXPECT_EQ(e.source.received_at, received);
  }
  const ShipmentEvent& moving = run.sink.events[0];
  EXPECT_EQ(moving.status, "X6");
  EXPECT_EQ(moving.reason, "NS");
  EXPECT_EQ(moving.po_number, "4500012345");
  EXPECT_EQ(moving.at, at("America/Chicago", 2026, 11, 18, 9, 0));
  EXPECT_FALSE(moving.estimate);
  EXPECT_EQ(moving.city, "Memphis");
  EXPECT_EQ(moving.state, "TN");
  EXPECT_EQ(moving.country, "US");

  const ShipmentEvent& estimate = run.sink.events[1];
  EXPECT_EQ(estimate.status, "AG");
  EXPECT_EQ(estimate.at, received);  // when the carrier said it
  EXPECT_EQ(estimate.estimate, at("America/Chicago", 2026, 11, 20, 17, 0));
  EXPECT_EQ(estimate.city, "");

  const ShipmentEvent& delivered = run.sink.events[2];
  EXPECT_EQ(delivered.status, "D1");
  EXPECT_EQ(delivered.at, at("America/Chicago", 2026, 11, 20, 23, 30));
  EXPECT_EQ(delivered.city, "Chicago");

  const ShipmentEvent& appointment = run.sink.events[3];
  EXPECT_EQ(appointment.status, "");
  EXPECT_EQ(appointment.appointment, "AB");
  EXPECT_EQ(appointment.appointment_reason, "AA");
  // LT: the partner's zone (the sink's local_zone).
  EXPECT_EQ(appointment.estimate, at("America/Chicago", 2026, 11, 21, 8, 0));
  EXPECT_EQ(appointment.at, received);

  const ShipmentEvent& damaged = run.sink.events[4];
  EXPECT_EQ(damaged.status, "A9");
  EXPECT_EQ(damaged.reason, "AH");
  EXPECT_EQ(damaged.po_number, "4500099999");                 // its LX loop's own L11 wins
  EXPECT_EQ(format_utc(damaged.at), "2026-11-21T15:15:00Z");  // 10:15:00 Eastern Standard
}

TEST(Map214, OneEventPerAt7Version004010) {
  expect_status_214(map_edi(x12_interchange(carrier(), "214", {status_214()}),
                            TimeZone::named("America/Chicago").value()));
}

TEST(Map214, OneEventPerAt7Version005010) {
  expect_status_214(map_edi(x12_interchange(carrier("005010"), "214", {status_214_005010()}),
                            TimeZone::named("America/Chicago").value()));
}

TEST(Map214, DeliveredAt2330CentralIsOnTimeInChicagoAndLateInNewYork) {
  const MapRun run = map_edi(x12_interchange(carrier(), "214", {status_214()}));
  ASSERT_EQ(run.sink.events.size(), 5u);
  const ShipmentEvent& delivered = run.sink.events[2];
  const std::string due = "2026-11-20";
  EXPECT_EQ(local_day(delivered.at, TimeZone::named("America/Chicago").value()), due);
  EXPECT_GT(local_day(delivered.at, TimeZone::named("America/New_York").value()), due);
}

TEST(Map997, FunctionalAcknowledgment) {
  X12Options o = carrier();
  o.functional_id = "FA";
  const MapRun run =
      map_edi(x12_interchange(o, "997",
                              {{"AK1*PO*101", "AK2*850*0001", "AK5*A", "AK2*850*0002",
                                "AK3*PO1*7**8", "AK4*2**7*ABC", "AK5*R*5", "AK9*P*2*2*1"}}));
  EXPECT_EQ(run.finding_codes(), Strings{});
  EXPECT_EQ(run.sink.issue_briefs(), Strings{});
  ASSERT_EQ(run.sink.functional_acks.size(), 1u);
  const FunctionalAck& fa = run.sink.functional_acks[0];
  EXPECT_EQ(fa.functional_id, "PO");
  EXPECT_EQ(fa.group_control, "101");
  EXPECT_EQ(fa.status, "P");
  using Sets = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(fa.sets, (Sets{{"0001", "A"}, {"0002", "R"}}));
  EXPECT_EQ(fa.source.set_id, "997");
  EXPECT_TRUE(run.sink.groups.empty());  // acknowledgments are never acknowledged
}

TEST(Map999, ImplementationAcknowledgment) {
  X12Options o = carrier("005010X231A1");
  o.functional_id = "FA";
  const MapRun run =
      map_edi(x12_interchange(o, "999",
                              {{"AK1*IN*7001*005010", "AK2*810*0001*005010", "IK3*IT1*6**8",
                                "IK4*2**7*ABC", "IK5*R*5", "AK9*R*1*1*0"}}));
  EXPECT_EQ(run.finding_codes(), Strings{});
  EXPECT_EQ(run.sink.issue_briefs(), Strings{});
  ASSERT_EQ(run.sink.functional_acks.size(), 1u);
  const FunctionalAck& fa = run.sink.functional_acks[0];
  EXPECT_EQ(fa.functional_id, "IN");
  EXPECT_EQ(fa.group_control, "7001");
  EXPECT_EQ(fa.status, "R");
  using Sets = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(fa.sets, (Sets{{"0001", "R"}}));
}

}  // namespace
}  // namespace ordex::orders::testing
