#include "edi/envelope_walker.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "edi/byte_source.h"
#include "edi/segment_reader.h"
#include "test_handler.h"

namespace ordex::edi {
namespace {

using testing::walk_bytes;
using Codes = std::vector<std::string>;

std::string pad(std::string s, std::size_t n) {
  s.resize(n, ' ');
  return s;
}

// A well-formed 106-byte ISA with control number `control`.
std::string isa(const std::string& control = "000000101", const std::string& date = "261116",
                const std::string& version = "00401", char repetition = 'U') {
  return "ISA*00*" + pad("", 10) + "*00*" + pad("", 10) + "*ZZ*" + pad("NORTHWIND", 15) + "*ZZ*" +
         pad("ACMESUPPLY", 15) + "*" + date + "*0815*" + repetition + "*" + version + "*" +
         control + "*0*P*>~";
}

std::string po(const std::string& st_control, int declared_count = 4) {
  return "ST*850*" + st_control + "~BEG*00*SA*4500001*" + "*20261116~PO1*1*12*EA*9.5**VN*SKU1~SE*" +
         std::to_string(declared_count) + "*" + st_control + "~";
}

std::string interchange(const std::string& body, int groups = 1,
                        const std::string& control = "000000101") {
  return isa(control) + body + "IEA*" + std::to_string(groups) + "*" + control + "~";
}

std::string group(const std::string& sets, int count = 1, const std::string& control = "101") {
  return "GS*PO*NORTHWIND*ACMESUPPLY*20261116*0815*" + control + "*X*004010~" + sets + "GE*" +
         std::to_string(count) + "*" + control + "~";
}

TEST(EnvelopeWalker, CleanInterchangeProducesEventsAndNoFindings) {
  WalkStats stats;
  const auto h = walk_bytes(interchange(group(po("0001"))), 4096, &stats);
  EXPECT_TRUE(h.findings.empty()) << h.codes()[0];
  EXPECT_EQ(h.events, (std::vector<std::string>{"ISA 000000101", "GS 101", "ST 850 0001 004010",
                                                "SEG 1 ST", "SEG 2 BEG", "SEG 3 PO1", "SEG 4 SE",
                                                "SE 4 trailer", "GE 1 trailer", "IEA 1 trailer"}));
  EXPECT_EQ(stats.segments, 8u);
  EXPECT_EQ(stats.transactions, 1u);
  ASSERT_EQ(h.interchanges.size(), 1u);
  EXPECT_EQ(h.interchanges[0].sender_id, "NORTHWIND");
  EXPECT_EQ(h.interchanges[0].delimiters.component, '>');
}

TEST(EnvelopeWalker, CountAndControlMismatchesUseTheStandardCodes) {
  const std::string bad_se = "ST*850*0001~BEG*00*SA*1**20261116~SE*9*0002~";
  const std::string bad_ge = "GS*PO*A*B*20261116*0815*7*X*004010~" + bad_se + "GE*2*8~";
  const auto h = walk_bytes(isa() + bad_ge + "IEA*3*000000999~");
  EXPECT_EQ(h.codes(), (Codes{"AK5:4", "AK5:3", "AK9:5", "AK9:4", "TA1:021", "TA1:001"}));
  EXPECT_EQ(h.findings[0].segment, "SE");
  EXPECT_EQ(h.findings[0].segment_position, 3u);
  EXPECT_EQ(h.findings[0].element, 1u);
}

TEST(EnvelopeWalker, MissingTrailersAreReportedWhereTheyWereDue) {
  const auto h = walk_bytes(isa() + "GS*PO*A*B*20261116*0815*7*X*004010~ST*850*0001~BEG*00~");
  EXPECT_EQ(h.codes(), (Codes{"AK5:2", "AK9:3", "TA1:023"}));
  EXPECT_EQ(h.events.back(), "IEA 1 open");
}

TEST(EnvelopeWalker, DuplicateTransactionControlInAGroup) {
  const auto h = walk_bytes(interchange(group(po("0001") + po("0001"), 2)));
  EXPECT_EQ(h.codes(), (Codes{"AK5:23"}));
}

TEST(EnvelopeWalker, IsaFieldErrorsGiveTa1Codes) {
  std::string bad = isa("00000010A", "261131");
  const auto h = walk_bytes(bad + group(po("0001")) + "IEA*1*00000010A~");
  EXPECT_EQ(h.codes(), (Codes{"TA1:014", "TA1:018"}));
  EXPECT_EQ(h.findings[0].element, 9u);
}

TEST(EnvelopeWalker, Version00501TakesTheRepetitionSeparatorFromIsa11) {
  const auto h =
      walk_bytes(isa("000000101", "261116", "00501", '^') + group(po("0001")) + "IEA*1*000000101~");
  EXPECT_TRUE(h.findings.empty());
  EXPECT_EQ(h.interchanges[0].delimiters.repetition, '^');
}

TEST(EnvelopeWalker, ToleratesBomLeadingSpaceCrLfAndTrailingCtrlZ) {
  const auto h = walk_bytes("\xEF\xBB\xBF  \r\n" + interchange(group(po("0001"))) + "\r\n\x1A");
  EXPECT_TRUE(h.findings.empty());
  EXPECT_EQ(h.events.back(), "IEA 1 trailer");
}

TEST(EnvelopeWalker, SeveralInterchangesOfBothStandardsInOneFile) {
  const std::string edifact =
      "UNA:+.? 'UNB+UNOC:3+SENDER:14+ACMESUPPLY:ZZZ+261116:0815+42'UNH+1+ORDERS:D:96A:UN'"
      "BGM+220+PO9+9'UNT+3+1'UNZ+1+42'";
  const auto h = walk_bytes(interchange(group(po("0001"))) + "\n" + edifact +
                            interchange(group(po("0001")), 1, "000000102"));
  EXPECT_TRUE(h.findings.empty()) << h.codes()[0];
  ASSERT_EQ(h.interchanges.size(), 3u);
  EXPECT_EQ(h.interchanges[1].standard, Standard::kEdifact);
  EXPECT_EQ(h.interchanges[1].sender_id, "SENDER");
  EXPECT_EQ(h.interchanges[2].control_number, "000000102");
}

// Keeps each message header as the walker reported it.
struct HeaderRecorder final : EnvelopeHandler {
  std::vector<TransactionHeader> headers;
  void begin_transaction(const TransactionHeader& h) override { headers.push_back(h); }
};

// Each message header the walker reports, as "set_id version association".
std::vector<std::string> message_headers(const std::string& bytes) {
  MemorySource source(bytes);
  SegmentReader reader(source);
  HeaderRecorder recorder;
  walk_envelopes(reader, recorder, "headers");
  std::vector<std::string> out;
  for (const TransactionHeader& h : recorder.headers) {
    out.push_back(h.set_id + " " + h.version + " " + h.association);
  }
  return out;
}

TEST(EnvelopeWalker, EdifactMessageHeaderComesFromS009) {
  // S009 is split in one pass: a released separator stays in its component (as received),
  // a missing association code is empty, and nothing carries over to the next message.
  EXPECT_EQ(message_headers("UNA:+.? 'UNB+UNOC:3+S:14+R:14+261116:0815+42'"
                            "UNH+1+ORD?:ERS:D:96A:UN:EAN008'BGM+220+PO1+9'UNT+3+1'"
                            "UNH+2+ORDERS:D'BGM+220+PO2+9'UNT+3+2'UNZ+2+42'"),
            (std::vector<std::string>{"ORD?:ERS D96A EAN008", "ORDERS D "}));
}

TEST(EnvelopeWalker, EdifactShortS009PartsAtTheEdges) {
  // Short S009 values are split from one vector compare (no release character in them): more
  // parts than the walker reads, a trailing separator, and a value of exactly 16 bytes.
  EXPECT_EQ(
      message_headers("UNB+UNOC:3+S:14+R:14+261116:0815+42'"
                      "UNH+1+IN:D:01B:UN:E:X'UNT+2+1'"
                      "UNH+2+DESADV:D:96A::'UNT+2+2'"
                      "UNH+3+ORDERS:D:96A:UN:'UNT+2+3'"
                      "UNH+4+ORDERS:D:96A:UN:EAN0'UNT+2+4'UNZ+4+42'"),
      (std::vector<std::string>{"IN D01B E", "DESADV D96A ", "ORDERS D96A ", "ORDERS D96A EAN0"}));
}

TEST(EnvelopeWalker, EdifactWithoutUnaUsesDefaultsAndChecksCounts) {
  const auto h = walk_bytes(
      "UNB+UNOC:3+S:14+R:14+261116:0815+42'UNH+1+ORDERS:D:96A:UN'BGM+220+PO9+9'UNT+4+2'UNZ+2+43'");
  EXPECT_EQ(h.codes(), (Codes{"CONTRL:29", "CONTRL:28", "CONTRL:29", "CONTRL:28"}));
  EXPECT_EQ(h.events[2], "ST ORDERS 1 D96A");
}

TEST(EnvelopeWalker, InterchangeWithoutTrailerFollowedByAnother) {
  const auto h =
      walk_bytes(isa() + group(po("0001")) + interchange(group(po("0001")), 1, "000000102"));
  EXPECT_EQ(h.codes(), (Codes{"TA1:023"}));
  EXPECT_EQ(h.interchanges.size(), 2u);
}

TEST(EnvelopeWalker, EmptyAndNonEdiInputsAreFindingsNotCrashes) {
  EXPECT_EQ(walk_bytes("").codes(), (Codes{"file:1"}));
  EXPECT_EQ(walk_bytes("   \n").codes(), (Codes{"file:1"}));
  EXPECT_EQ(walk_bytes("%PDF-1.4 binary").codes(), (Codes{"file:2"}));
  EXPECT_EQ(walk_bytes("ISA*00").codes(), (Codes{"TA1:023"}));
}

TEST(EnvelopeWalker, DelimiterThatIsALetterCannotBeUsed) {
  std::string bad = isa();
  for (char& c : bad) {
    if (c == '*') c = 'A';
  }
  EXPECT_EQ(walk_bytes(bad).codes(), (Codes{"TA1:026"}));
}

}  // namespace
}  // namespace ordex::edi

namespace ordex::edi {
namespace {

TEST(EnvelopeWalker, UnaWithALetterAsReleaseCharacterIsRefused) {
  // A letter as release character would escape data ("UNOC" -> "UNOCC" when echoed).
  const auto h = testing::walk_bytes("UNA:+.C 'UNB+UNOC:3+S:14+R:14+261116:0815+42'UNZ+0+42'");
  EXPECT_EQ(h.codes(), (std::vector<std::string>{"CONTRL:22"}));
}

}  // namespace
}  // namespace ordex::edi
