// X12 acknowledgments end to end: walker -> (findings a validator would add) ->
// VerdictTracker -> AckBuilder; every acknowledgment written is walked again to prove it is
// well-formed.
#include <gtest/gtest.h>

#include <string>

#include "ack_test_util.h"
#include "edi/ack_builder.h"
#include "test_handler.h"

namespace ordex::edi {
namespace {

using namespace testing;

// --- X12 997 ----------------------------------------------------------------------------------

TEST(AckBuilder, CleanSetGetsAnAcceptingFunctionalAck) {
  const AckRun run = acknowledge(x12_4010(po("0001")), AckKind::k997);
  const Ack& ack = run.only();
  expect_golden("po_clean_004010.997.x12", ack);
  EXPECT_EQ(ack.kind, AckKind::k997);
  EXPECT_EQ(ack.interchange_ordinal, 1u);
  EXPECT_EQ(ack.interchange_control, "000000101");
  EXPECT_EQ(ack.control_number, 5001u);
  EXPECT_EQ(ack.file_name, "orders.1.997.x12");
}

TEST(AckBuilder, ElementErrorGivesAk3Ak4AndPartialGroup) {
  const AckRun run = acknowledge(x12_4010(po("0001", "ZZ") + po("0002"), 2), AckKind::k997,
                                 {{"BEG*00*ZZ", note(CodeList::kAK4, 7, 2, "92", "ZZ")}});
  expect_golden("po_errors_004010.997.x12", run.only());
}

TEST(AckBuilder, SwapsPartiesAndKeepsVersionAndUsage) {
  const AckRun run = acknowledge(po_5010(), AckKind::k997);
  const auto h = walk_bytes(run.only().bytes);
  ASSERT_EQ(h.interchanges.size(), 1u);
  const InterchangeHeader& ack = h.interchanges[0];
  EXPECT_EQ(ack.sender_id, "ACMESUPPLY");
  EXPECT_EQ(ack.receiver_id, "NORTHWIND");
  EXPECT_EQ(ack.version, "00501");
  EXPECT_TRUE(ack.test);
  EXPECT_FALSE(ack.ack_requested);
  EXPECT_EQ(ack.delimiters.repetition, '^');
  const std::string& bytes = run.only().bytes;
  EXPECT_NE(bytes.find("GS*FA*ACMESUPPLY*NORTHWIND*20261117*0930*7001*X*005010~"),
            std::string::npos);
  EXPECT_NE(bytes.find("AK1*PO*202*005010~AK2*850*0001*005010~AK5*A~"), std::string::npos);
  expect_walks_clean(run.only());
}

TEST(AckBuilder, TransactionLevelFindingsBecomeAk5Codes) {
  // No SE: the walker reports AK5:2 (and AK9:3 for the missing GE); no AK3 may appear.
  const std::string bytes = isa("000000101") + gs("PO", "101", "004010") +
                            "ST*850*0001~BEG*00*SA*1**20261116~IEA*1*000000101~";
  const AckRun run = acknowledge(bytes, AckKind::k997);
  const std::string& ack = run.only().bytes;
  EXPECT_NE(ack.find("AK2*850*0001~AK5*R*2~AK9*R*1*1*0*3~"), std::string::npos) << ack;
  EXPECT_EQ(ack.find("AK3"), std::string::npos);
  expect_walks_clean(run.only());
}

TEST(AckBuilder, GroupErrorsGoOnAk9WithTheDeclaredCount) {
  // GE01 says 2 sets, one arrived: AK9:5, AK902 is what GE01 declared, AK903 what arrived.
  const AckRun run = acknowledge(x12_4010(po("0001"), 2), AckKind::k997);
  EXPECT_NE(run.only().bytes.find("AK5*A~AK9*R*2*1*1*5~"), std::string::npos) << run.only().bytes;
  expect_walks_clean(run.only());
}

TEST(AckBuilder, CodesAddedIn005010AreLeftOutOfOlderAcks) {
  // A duplicate group control number is AK905 19 from 005010 on; 004010 has no code for it.
  const std::string twice = gs("PO", "101", "004010") + po("0001") + "GE*1*101~";
  const AckRun run =
      acknowledge(isa("000000101") + twice + twice + "IEA*2*000000101~", AckKind::k997);
  const std::string& ack = run.only().bytes;
  EXPECT_NE(ack.find("AK9*A*1*1*1~"), std::string::npos) << ack;
  EXPECT_NE(ack.find("AK9*R*1*1*1~"), std::string::npos) << ack;
  expect_walks_clean(run.only());
}

TEST(AckBuilder, WarningsAreNotedButAccepted) {
  Finding warning = note(CodeList::kAK4, 5, 3, "324", "4500001");
  warning.severity = Severity::kWarning;
  const AckRun run = acknowledge(x12_4010(po("0001")), AckKind::k997, {{"BEG", warning}});
  EXPECT_NE(run.only().bytes.find("AK3*BEG*2**8~AK4*3*324*5*4500001~AK5*E*5~AK9*E*1*1*1~"),
            std::string::npos)
      << run.only().bytes;
}

TEST(AckBuilder, RepetitionSeparatorIsSuppliedWhenThePartnerSentU) {
  // 00501 with ISA11 'U' is a warning (TA1:016): still a 997, but ours needs a real one.
  const std::string bytes = isa("000000202", "00501", 'U', ':') + gs("PO", "202", "005010") +
                            po("0001") + "GE*1*202~IEA*1*000000202~";
  const AckRun run = acknowledge(bytes, AckKind::k997);
  EXPECT_EQ(run.only().kind, AckKind::k997);
  EXPECT_EQ(run.only().bytes.substr(81, 9), "*^*00501*");
  expect_walks_clean(run.only());
}

TEST(AckBuilder, Ak404IsLeftOutWhenItWouldBreakTheAck) {
  const AckRun run =
      acknowledge(x12_4010(po("0001", "ZZ"), 1), AckKind::k997,
                  {{"BEG*00*ZZ", note(CodeList::kAK4, 6, 2, "92", "Z>Z")},
                   {"BEG*00*ZZ", note(CodeList::kAK4, 6, 3, "324", std::string("A\x01", 2))},
                   {"PO1", note(CodeList::kAK4, 5, 7, "234", "SKU1   ")}});
  const std::string& ack = run.only().bytes;
  EXPECT_NE(ack.find("AK3*BEG*2**8~AK4*2*92*6~AK4*3*324*6~AK3*PO1*3**8~AK4*7*234*5*SKU1~"),
            std::string::npos)
      << ack;
  expect_walks_clean(run.only());
}

TEST(AckBuilder, OwnDelimitersWhenAsked) {
  const AckRun run =
      acknowledge(x12_4010(po("0001")), AckKind::k997, {}, Delimiters{'\n', '|', '^', 0, 0, '.'});
  const std::string& ack = run.only().bytes;
  EXPECT_EQ(ack.substr(0, 4), "ISA|");
  EXPECT_EQ(ack[104], '^');
  EXPECT_NE(ack.find("\nAK5|A\n"), std::string::npos);
  expect_walks_clean(run.only());
}

TEST(AckBuilder, OneAckPerInterchangeWithItsOwnNumbersAndName) {
  const AckRun run =
      acknowledge(x12_4010(po("0001")) + "\r\n" + x12_4010(po("0001")), AckKind::k997);
  ASSERT_EQ(run.acks.size(), 2u);
  EXPECT_EQ(run.acks[1].interchange_ordinal, 2u);
  EXPECT_EQ(run.acks[1].file_name, "orders.2.997.x12");
  EXPECT_EQ(run.acks[1].control_number, 5002u);
  EXPECT_NE(run.acks[1].bytes.find("*7002*X*004010~"), std::string::npos);
}

// The builder is reused from one interchange to the next: nothing of the first (its errors,
// its groups) may leak into the second's acknowledgment.
TEST(AckBuilder, ReusedBuilderStartsEachInterchangeAfresh) {
  const std::string errors = x12_4010(po("0001", "ZZ") + po("0002"), 2);
  const std::string clean = x12_4010(po("0001"));
  const AckRun both = acknowledge(errors + "\r\n" + clean, AckKind::k997,
                                  {{"BEG*00*ZZ", note(CodeList::kAK4, 7, 2, "92", "ZZ")}});
  const AckRun alone = acknowledge(clean, AckKind::k997);
  ASSERT_EQ(both.acks.size(), 2u);
  const std::string& second = both.acks[1].bytes;
  EXPECT_EQ(second.find("AK3"), std::string::npos);
  EXPECT_EQ(second.find("GS*"), second.rfind("GS*"));  // one group
  // The same bytes as a fresh builder's, but for our own control numbers (ISA13, GS06,
  // GE02, IEA02), which count on.
  auto numbers_blanked = [](std::string text) {
    for (const char* n : {"000005001", "000005002", "7001", "7002"}) {
      for (std::size_t at; (at = text.find(n)) != std::string::npos;) {
        text.replace(at, std::string_view(n).size(), "#");
      }
    }
    return text;
  };
  EXPECT_EQ(numbers_blanked(second), numbers_blanked(alone.only().bytes));
  expect_walks_clean(both.acks[1]);
}

// --- X12 999 ----------------------------------------------------------------------------------

TEST(AckBuilder, ImplementationAckWithSegmentContext) {
  Finding missing = note(CodeList::kAK4, 1, 1, "166");
  missing.loop_id = "N1";
  missing.loop_trigger = "N1";
  missing.loop_trigger_position = 3;
  Finding sequence = note(CodeList::kAK3, 7);
  sequence.loop_id = "PO1";
  const AckRun run = acknowledge(po_5010(), AckKind::k999, {{"N3", missing}, {"PO1", sequence}});
  EXPECT_EQ(run.only().file_name, "orders.1.999.x12");
  expect_golden("po_errors_005010.999.x12", run.only());
}

TEST(AckBuilder, ImplementationAckIn004010KeepsTheReceivedEnvelope) {
  const AckRun run = acknowledge(x12_4010(po("0001")), AckKind::k999);
  const std::string& ack = run.only().bytes;
  EXPECT_NE(ack.find("*U*00401*"), std::string::npos);
  // 004010 segments: no ST03, AK103 or AK203, as a 004010 dictionary reads them.
  EXPECT_NE(ack.find("*X*004010~ST*999*0001~AK1*PO*101~AK2*850*0001~IK5*A~"
                     "AK9*A*1*1*1~SE*6*0001~"),
            std::string::npos)
      << ack;
  expect_walks_clean(run.only());
}

TEST(AckBuilder, ComponentAndRepetitionPositionsInC030) {
  Finding f = note(CodeList::kAK4, 7, 2, "1270", "XX", 1);
  f.repetition = 2;
  const AckRun run999 = acknowledge(po_5010(), AckKind::k999, {{"BEG", f}});
  EXPECT_NE(run999.only().bytes.find("IK4*2:1:2*1270*7*XX~"), std::string::npos);
  // 004010's C030 has no repetition component.
  const AckRun run997 = acknowledge(x12_4010(po("0001")), AckKind::k997, {{"BEG", f}});
  EXPECT_NE(run997.only().bytes.find("AK4*2>1*1270*7*XX~"), std::string::npos);
}

// --- never acknowledge an acknowledgment ------------------------------------------------------

TEST(AckBuilder, ReceivedFunctionalAcksAreNotAcknowledged) {
  const std::string fa = "ST*997*0001~AK1*PO*7~AK9*A*1*1*1~SE*4*0001~";
  EXPECT_TRUE(acknowledge(x12_4010(fa, 1, "FA"), AckKind::k997).acks.empty());
  EXPECT_TRUE(acknowledge(x12_4010(fa, 1, "FA"), AckKind::k999).acks.empty());
  EXPECT_TRUE(acknowledge(x12_4010(fa, 1, "FA"), AckKind::kTA1).acks.empty());

  // Next to a purchase-order group, only that group is acknowledged.
  const std::string mixed = isa("000000101") + gs("FA", "100", "004010") + fa + "GE*1*100~" +
                            gs("PO", "101", "004010") + po("0001") + "GE*1*101~IEA*2*000000101~";
  const AckRun run = acknowledge(mixed, AckKind::k997);
  EXPECT_EQ(run.only().bytes.find("AK1*FA"), std::string::npos);
  EXPECT_NE(run.only().bytes.find("AK1*PO*101~"), std::string::npos);
  expect_walks_clean(run.only());
}

TEST(AckBuilder, ReceivedTa1AndContrlAreNotAcknowledged) {
  const std::string ta1 = isa("000000101") + "TA1*000000555*261116*0815*A*000~IEA*0*000000101~";
  EXPECT_TRUE(acknowledge(ta1, AckKind::kTA1).acks.empty());
  EXPECT_TRUE(acknowledge(ta1, AckKind::k997).acks.empty());
  const std::string contrl =
      kUnb + "UNH+1+CONTRL:D:3:UN'UCI+7+ACMESUPPLY:ZZZ+SENDER:14+7'UNT+3+1'UNZ+1+42'";
  EXPECT_TRUE(acknowledge(contrl, AckKind::kCONTRL).acks.empty());
}

// --- TA1 ----------------------------------------------------------------------------------------

TEST(AckBuilder, BadIsaGetsTa1RejectionInsteadOf997) {
  const std::string bytes = isa("000000101", "00401", 'U', '>', "261131") +
                            gs("PO", "101", "004010") + po("0001") + "GE*1*101~IEA*1*000000101~";
  const AckRun run = acknowledge(bytes, AckKind::k997);
  EXPECT_EQ(run.only().kind, AckKind::kTA1);
  EXPECT_EQ(run.only().file_name, "orders.1.ta1.x12");
  expect_golden("bad_isa_004010.ta1.x12", run.only());
}

TEST(AckBuilder, Ta1KindAcceptsACleanInterchange) {
  const AckRun run = acknowledge(x12_4010(po("0001")), AckKind::kTA1);
  EXPECT_NE(run.only().bytes.find("~TA1*000000101*261116*0815*A*000~IEA*0*000005001~"),
            std::string::npos);
  expect_walks_clean(run.only());
}

TEST(AckBuilder, NoneWritesNothing) {
  EXPECT_TRUE(acknowledge(x12_4010(po("0001")), AckKind::kNone).acks.empty());
}

}  // namespace
}  // namespace ordex::edi
