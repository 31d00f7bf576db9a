// EDIFACT CONTRL end to end, through the same chain as the X12 acknowledgments.
#include <gtest/gtest.h>

#include <string>

#include "ack_test_util.h"
#include "edi/ack_builder.h"
#include "test_handler.h"

namespace ordex::edi {
namespace {

using namespace testing;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(ContrlAck, CleanMessageIsAcknowledgedByName) {
  const AckRun run =
      acknowledge(kUnb + orders("1", 4, "ORDERS:D:96A:UN:EAN008") + "UNZ+1+42'", AckKind::kCONTRL);
  const Ack& ack = run.only();
  EXPECT_EQ(ack.standard, Standard::kEdifact);
  EXPECT_EQ(ack.kind, AckKind::kCONTRL);
  EXPECT_EQ(ack.interchange_control, "42");
  EXPECT_EQ(ack.file_name, "orders.1.contrl.edi");
  expect_golden("orders_clean.contrl.edi", ack);
}

TEST(ContrlAck, SegmentElementAndTrailerErrors) {
  const std::string first = "UNH+1+ORDERS:D:96A:UN'BGM+220+PO1+9'DTM+137:2026XX16:102'UNT+4+1'";
  const AckRun run = acknowledge(kUnb + first + orders("2", 9) + "UNZ+2+42'", AckKind::kCONTRL,
                                 {{"BGM+220+PO1+", note(CodeList::kCONTRL, 35)},
                                  {"DTM+137:2026XX16", note(CodeList::kCONTRL, 12, 1, "", "", 2)}});
  expect_golden("orders_errors.contrl.edi", run.only());
}

TEST(ContrlAck, EachMessageEchoesItsOwnS009) {
  // The builder keeps its S009 strings from one message to the next: a shorter S009 after a
  // longer one must not carry the longer one's last components, and a released separator
  // stays inside its component.
  const AckRun run = acknowledge(kUnb + orders("1", 4, "ORDERS:D:96A:UN:EA?:N8") + orders("2") +
                                     orders("3", 4, "ORDERS:D:01B:UN:X") + "UNZ+3+42'",
                                 AckKind::kCONTRL);
  const std::string& bytes = run.only().bytes;
  EXPECT_TRUE(contains(bytes, "UCM+1+ORDERS:D:96A:UN:EA?:N8+7'")) << bytes;
  EXPECT_TRUE(contains(bytes, "UCM+2+ORDERS:D:96A:UN+7'")) << bytes;
  EXPECT_TRUE(contains(bytes, "UCM+3+ORDERS:D:01B:UN:X+7'")) << bytes;
}

TEST(ContrlAck, FunctionalGroupsGetUcf) {
  const std::string ung = "UNG+ORDERS+SENDER+ACMESUPPLY+261116:0815+7+UN+D:96A'";
  const AckRun run = acknowledge(kUnb + ung + orders("1") + "UNE+1+7'UNZ+1+42'", AckKind::kCONTRL);
  EXPECT_TRUE(contains(run.only().bytes,
                       "UCI+42+SENDER:14+ACMESUPPLY:ZZZ+7'UCF+7+SENDER+ACMESUPPLY+7'"
                       "UCM+1+ORDERS:D:96A:UN+7'UNT+5+1'"))
      << run.only().bytes;
  expect_walks_clean(run.only());
}

TEST(ContrlAck, RejectedInterchangeListsNoMessages) {
  const AckRun run = acknowledge(kUnb + orders("1") + "UNZ+1+43'", AckKind::kCONTRL);
  EXPECT_TRUE(contains(run.only().bytes,
                       "UNH+1+CONTRL:D:3:UN'UCI+42+SENDER:14+ACMESUPPLY:ZZZ+4+28+UNZ+2'UNT+3+1'"))
      << run.only().bytes;
  expect_walks_clean(run.only());
}

TEST(ContrlAck, ErrorBetweenMessagesRejectsTheInterchange) {
  // No UNG: the stray segment is a group-level error with no UCF to carry it.
  const AckRun run =
      acknowledge(kUnb + orders("1") + "FTX+AAI'" + orders("2") + "UNZ+2+42'", AckKind::kCONTRL);
  EXPECT_TRUE(contains(run.only().bytes, "UCI+42+SENDER:14+ACMESUPPLY:ZZZ+4+33'UNT+3+1'"))
      << run.only().bytes;
}

TEST(ContrlAck, EveryKindButNoneGivesEdifactAContrl) {
  const std::string input = kUnb + orders("1") + "UNZ+1+42'";
  for (AckKind kind : {AckKind::k997, AckKind::k999, AckKind::kCONTRL}) {
    const AckRun run = acknowledge(input, kind);
    EXPECT_EQ(run.only().kind, AckKind::kCONTRL);
    EXPECT_TRUE(contains(run.only().bytes, "UCM+1+ORDERS:D:96A:UN+7'"));
  }
  // TA1 asks for the interchange level only: UCI alone, "interchange received".
  const AckRun ta1 = acknowledge(input, AckKind::kTA1);
  EXPECT_TRUE(contains(ta1.only().bytes, "UCI+42+SENDER:14+ACMESUPPLY:ZZZ+8'UNT+3+1'"))
      << ta1.only().bytes;
  expect_walks_clean(ta1.only());
  EXPECT_TRUE(acknowledge(input, AckKind::kNone).acks.empty());
}

TEST(ContrlAck, ServiceCharactersInIdsStayEscaped) {
  const std::string unb = "UNA:+.? 'UNB+UNOC:3+SEND?+ER:14+ACMESUPPLY:ZZZ+261116:0815+42'";
  const AckRun run = acknowledge(unb + orders("1") + "UNZ+1+42'", AckKind::kCONTRL);
  EXPECT_TRUE(
      contains(run.only().bytes, "UNB+UNOC:3+ACMESUPPLY:ZZZ+SEND?+ER:14+261117:0930+5001'"));
  EXPECT_TRUE(contains(run.only().bytes, "UCI+42+SEND?+ER:14+ACMESUPPLY:ZZZ+7'"));
  const auto h = walk_bytes(run.only().bytes);
  ASSERT_EQ(h.interchanges.size(), 1u);
  EXPECT_EQ(h.interchanges[0].receiver_id, "SEND?+ER");
}

TEST(ContrlAck, SyntaxVersion4AndTestIndicator) {
  const std::string unb = "UNB+UNOC:4+SENDER:14+ACMESUPPLY:ZZZ+20261116:0815+42++++++1'";
  const AckRun run = acknowledge(unb + orders("1") + "UNZ+1+42'", AckKind::kCONTRL);
  const std::string& ack = run.only().bytes;
  EXPECT_EQ(ack.substr(0, 9), "UNA:+.?*'");  // syntax 4 declares its repetition separator
  EXPECT_TRUE(contains(ack, "+20261117:0930+5001++++++1'UNH+1+CONTRL:4:1:UN'")) << ack;
  const auto h = walk_bytes(ack);
  EXPECT_TRUE(h.findings.empty());
  ASSERT_EQ(h.interchanges.size(), 1u);
  EXPECT_TRUE(h.interchanges[0].test);
}

}  // namespace
}  // namespace ordex::edi
