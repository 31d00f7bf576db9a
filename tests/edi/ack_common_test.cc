// The small pieces the acknowledgment writers share.
#include "edi/ack_common.h"

#include <gtest/gtest.h>

#include "edi/ack_ta1.h"
#include "edi/ack_x12.h"

namespace ordex::edi::detail {
namespace {

using namespace std::chrono_literals;

TEST(SegmentWriter, LeavesOutTrailingEmptyElementsAndComponents) {
  SegmentWriter w(Standard::kX12, Delimiters{});
  w.begin("AK4").add_composite({"2", "", ""}).add("").add(std::uint64_t{7}).add("");
  w.end();
  w.begin("AK5").add("A").add("").add("");
  w.end();
  w.begin("AK4").add_composite({"2", "", "3"}).add("92");
  w.end();
  EXPECT_EQ(w.text(), "AK4*2**7~AK5*A~AK4*2::3*92~");
  EXPECT_EQ(w.segments(), 3u);
}

TEST(SegmentWriter, EdifactEscapesServiceCharacters) {
  SegmentWriter w(Standard::kEdifact, edifact_default_delimiters(3));
  w.begin("FTX").add("A+B:C'D?E").add_composite({"x:y", "z"});
  w.end();
  EXPECT_EQ(w.text(), "FTX+A?+B?:C?'D??E+x?:y:z'");
}

TEST(SegmentWriter, X12HasNoEscapeSoDelimitersBecomeSpaces) {
  SegmentWriter w(Standard::kX12, Delimiters{'~', '*', '>', '^', 0, '.'});
  w.begin("N1").add("A*B~C>D^E");
  w.end();
  EXPECT_EQ(w.text(), "N1*A B C D E~");
}

TEST(SegmentWriter, AppendCountsTheOtherWritersSegments) {
  SegmentWriter a(Standard::kX12, Delimiters{});
  SegmentWriter b(Standard::kX12, Delimiters{});
  a.begin("ST").add("997");
  a.end();
  b.begin("AK1").add("PO");
  b.end();
  b.begin("AK9").add("A");
  b.end();
  a.append(b);
  EXPECT_EQ(a.segments(), 3u);
  EXPECT_EQ(a.text(), "ST*997~AK1*PO~AK9*A~");
}

TEST(AckStamp, FormatsTheEnvelopeDates) {
  const AckStamp s =
      make_stamp(std::chrono::sys_days{std::chrono::year{2000} / 2 / 29} + 23h + 59min + 59s);
  EXPECT_EQ(s.ccyymmdd, "20000229");
  EXPECT_EQ(s.yymmdd(), "000229");
  EXPECT_EQ(s.hhmm, "2359");
}

TEST(ControlNumbers, CountAndWrapAfterNineDigits) {
  CountingControlNumbers n(999'999'999, 41);
  EXPECT_EQ(n.next_interchange(), 999'999'999u);
  EXPECT_EQ(n.next_interchange(), 1u);
  EXPECT_EQ(n.next_group(), 41u);
  EXPECT_EQ(n.next_group(), 42u);
}

TEST(AckKind, ParsesTheCliSpelling) {
  EXPECT_EQ(parse_ack_kind("CONTRL"), AckKind::kCONTRL);
  EXPECT_EQ(parse_ack_kind("ta1"), AckKind::kTA1);
  EXPECT_EQ(parse_ack_kind("none"), AckKind::kNone);
  EXPECT_EQ(parse_ack_kind("998"), std::nullopt);
  EXPECT_EQ(to_string(AckKind::k999), "999");
}

TEST(X12Output, RepetitionSeparatorOnlyFrom00402) {
  InterchangeHeader h;
  h.version = "00401";
  EXPECT_EQ(x12_output_delimiters(h, Delimiters{'~', '*', ':', '^', 0, '.'}).repetition, 0);
  h.version = "00501";  // a partner that sent ISA11 'U' in 00501 left none to echo
  EXPECT_EQ(x12_output_delimiters(h, Delimiters{'~', '*', ':', 0, 0, '.'}).repetition, '^');
  EXPECT_EQ(x12_base_version("005010X222A1", "00501"), "005010");
  EXPECT_EQ(x12_base_version("", "00401"), "004010");
}

TEST(X12Output, BadValueCopyIsDroppedRatherThanAltered) {
  const Delimiters d{'~', '*', '>', 0, 0, '.'};
  EXPECT_EQ(printable_bad_value("ABC  ", d), "ABC");
  EXPECT_EQ(printable_bad_value("A>B", d), "");
  EXPECT_EQ(printable_bad_value("caf\xC3\xA9", d), "");
  EXPECT_EQ(printable_bad_value(std::string(120, 'X'), d).size(), 99u);
}

TEST(Ta1Result, FirstErrorBeforeWarnings) {
  Finding warning;
  warning.code = {CodeList::kTA1, 22};
  warning.severity = Severity::kWarning;
  Finding error;
  error.code = {CodeList::kTA1, 14};
  InterchangeSummary s;
  s.verdict = Verdict::kRejected;
  const std::vector<Finding> both{warning, error};
  EXPECT_EQ(ta1_result(s, both).note, 14);
  EXPECT_EQ(ta1_result(s, both).acknowledgment, 'R');
  s.verdict = Verdict::kAcceptedWithErrors;
  EXPECT_EQ(ta1_result(s, std::vector<Finding>{warning}).acknowledgment, 'E');
  s.verdict = Verdict::kRejected;
  EXPECT_EQ(ta1_result(s, std::vector<Finding>{}).note, 24);
}

}  // namespace
}  // namespace ordex::edi::detail
