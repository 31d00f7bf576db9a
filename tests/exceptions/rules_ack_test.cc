// ACK_REJECTED: the latest acknowledgment's header, line statuses and scheduled ship dates.
#include <gtest/gtest.h>

#include "exceptions/rules.h"
#include "tests/exceptions/case_builder.h"

namespace ordex::exceptions {
namespace {

using namespace testing;
using enum ExceptionType;

Evaluation run(const OrderCase& c) {
  return evaluate_order(c, RuleConfig{}, at("2026-11-17T18:00:00Z"));
}

TEST(AckRejected, HeaderRejectionIsOneConditionForTheOrder) {
  OrderCase c = northwind_case();
  c.acks = {ack("RJ", "2026-11-17T14:00:00Z", {ack_line("1", "R2"), ack_line("2", "IR")})};
  std::optional<Condition> k = only(run(c), kAckRejected);
  ASSERT_TRUE(k);
  EXPECT_EQ(k->subject, "");
  EXPECT_EQ(k->file_id, 3);
  EXPECT_EQ(k->summary,
            "Northwind Foods PO 4500012345: the acknowledgment of 2026-11-17 rejects the whole "
            "order (RJ)");
  EXPECT_NE(k->evidence.find("\"ack_type\":\"RJ\""), std::string::npos);
  c.acks.front().ack_type = "RD";
  EXPECT_EQ(of_type(run(c), kAckRejected).size(), 1u);
}

TEST(AckRejected, LineStatusesThatTakeGoodsAway) {
  OrderCase c = northwind_case();
  c.acks = {ack("AC", "2026-11-17T14:00:00Z", {ack_line("1", "IA"), ack_line("2", "IB")})};
  c.acks.front().lines[1].sku = "SKU-2";
  std::optional<Condition> k = only(run(c), kAckRejected);
  ASSERT_TRUE(k);
  EXPECT_EQ(k->subject, "line 2");
  EXPECT_EQ(k->summary,
            "Northwind Foods PO 4500012345: the acknowledgment of 2026-11-17 says line 2 (item "
            "SKU-2, 10 EA) is backordered");

  for (const char* status : {"IR", "ID", "R1", "R8"}) {
    c.acks.front().lines[1].status = status;
    EXPECT_EQ(of_type(run(c), kAckRejected).size(), 1u) << status;
  }
  for (const char* status : {"IA", "IC", "R9", "R"}) {
    c.acks.front().lines[1].status = status;
    EXPECT_TRUE(of_type(run(c), kAckRejected).empty()) << status;
  }
}

TEST(AckRejected, ScheduledShipAfterTheShipByDate) {
  OrderCase c = northwind_case();  // ship by 2026-11-18
  c.acks = {ack("AC", "2026-11-17T14:00:00Z", {ack_line("1", "IA", "2026-11-18")})};
  EXPECT_TRUE(of_type(run(c), kAckRejected).empty());
  c.acks.front().lines[0].scheduled_ship = "2026-11-19";
  std::optional<Condition> k = only(run(c), kAckRejected);
  ASSERT_TRUE(k);
  EXPECT_EQ(k->subject, "line 1");
  EXPECT_NE(k->summary.find("is scheduled to ship 2026-11-19, after the ship-by date 2026-11-18"),
            std::string::npos)
      << k->summary;
  EXPECT_NE(
      k->evidence.find("\"expected_ship_by\":\"2026-11-18\",\"scheduled_ship\":\"2026-11-19\""),
      std::string::npos)
      << k->evidence;
}

TEST(AckRejected, ALaterAcceptanceClearsIt) {
  OrderCase c = northwind_case();
  c.acks = {ack("RJ", "2026-11-17T14:00:00Z"),
            ack("AC", "2026-11-17T16:00:00Z", {ack_line("1", "IA"), ack_line("2", "IA")})};
  Evaluation e = run(c);
  EXPECT_TRUE(of_type(e, kAckRejected).empty());
  EXPECT_EQ(reason(e, kAckRejected),
            "the acknowledgment of 2026-11-17 accepts the order as ordered");
  // The order of the list does not decide; the group time does.
  std::swap(c.acks[0], c.acks[1]);
  EXPECT_TRUE(of_type(run(c), kAckRejected).empty());
  // An earlier acceptance does not clear a later rejection.
  c.acks[1].source.received_at = at("2026-11-17T17:00:00Z");
  c.acks[0].ack_type = "RJ";
  c.acks[1].ack_type = "AC";
  c.acks[0].source.received_at = at("2026-11-17T17:30:00Z");
  EXPECT_EQ(of_type(run(c), kAckRejected).size(), 1u);
}

TEST(AckRejected, NoAcknowledgmentNoCondition) {
  Evaluation e = run(northwind_case());
  EXPECT_TRUE(of_type(e, kAckRejected).empty());
  EXPECT_EQ(reason(e, kAckRejected), "no acknowledgment rejects the order");
}

}  // namespace
}  // namespace ordex::exceptions
