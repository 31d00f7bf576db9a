// X12 validation against the hand-written schemas of schema_test_util.cc.
#include "edi/validator.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "edi/byte_source.h"
#include "edi/envelope_walker.h"
#include "edi/segment_reader.h"
#include "schema_test_util.h"

namespace ordex::edi {
namespace {

using testing::summaries;
using testing::validate_bytes;
using testing::x12_interchange;
using testing::x12_set;
using Lines = std::vector<std::string>;

const SchemaRegistry& schemas() {
  static const SchemaRegistry registry = testing::load_test_schemas();
  return registry;
}

const std::string kBeg = "BEG*00*SA*PO1**20261116~";
const std::string kPo1 = "PO1*1*12*EA*9.5**VN*SKU1~";
const std::string kClean = kBeg + "REF*VN*123~DTM*002*20261120~N1*ST*ACME*92*0001~N3*1 MAIN ST~" +
                           kPo1 + "PID*F*BLUE WIDGET~N1*ST*DOCK 4~N3*2 SIDE ST~CTT*1~AMT*TT*114~";

testing::VerdictRecorder run850(const std::string& body, const std::string& version = "004010",
                                ValidatorOptions options = {}) {
  return validate_bytes(schemas(), x12_interchange(x12_set("850", body), version), options);
}

Lines check850(const std::string& body, const std::string& version = "004010") {
  return summaries(run850(body, version));
}

// Findings for one TST segment (position 3) between BEG and PO1.
Lines check_tst(const std::string& fields, const std::string& version = "004010") {
  return check850(kBeg + "TST*" + fields + "~" + kPo1, version);
}

TEST(Validator, ACleanSetHasNoFindingsAndIsAccepted) {
  const auto h = run850(kClean);
  EXPECT_EQ(summaries(h), Lines{});
  EXPECT_EQ(h.verdicts, std::vector<Verdict>{Verdict::kAccepted});
  EXPECT_EQ(check850(kClean, "005010"), Lines{});
}

TEST(Validator, UnsupportedSetIsOneFindingAndItsBodyIsNotChecked) {
  const std::string set = x12_set("810", "BIG*20261116*INV1~ZZZ~");
  const auto h = validate_bytes(schemas(), x12_interchange(set, "004010", "IN"));
  EXPECT_EQ(summaries(h), Lines{"AK5:1 ST01@1"});
  EXPECT_EQ(h.verdicts, std::vector<Verdict>{Verdict::kRejected});
  EXPECT_EQ(summaries(validate_bytes(schemas(), x12_interchange(x12_set("850", kClean), "003050"))),
            Lines{"AK5:1 ST01@1"});
}

TEST(Validator, SetOutsideItsFunctionalGroup) {
  const std::string set = x12_set("850", kClean);
  EXPECT_EQ(summaries(validate_bytes(schemas(), x12_interchange(set, "004010", "SH"))),
            Lines{"AK5:6 ST01@1"});
  EXPECT_EQ(summaries(validate_bytes(schemas(), x12_interchange(set, "005010", "SH"))),
            Lines{"AK5:18 ST01@1"});
}

TEST(Validator, SegmentSequenceCodes) {
  EXPECT_EQ(check850(kBeg + "ZZZ*1~HL*1**S~" + kPo1), (Lines{"AK3:1 ZZZ@3", "AK3:2 HL@4"}));
  EXPECT_EQ(check850(kPo1 + kBeg), (Lines{"AK3:3 BEG@2", "AK3:7 BEG@3"}));
  EXPECT_EQ(check850(kBeg + kBeg + kPo1), (Lines{"AK3:5 BEG@3"}));
  EXPECT_EQ(check850(kBeg + kPo1 + kPo1 + kPo1 + kPo1), (Lines{"AK3:4 PO1@6"}));
  EXPECT_EQ(check850(kBeg + "N1*ST*A~N1*ST*B~N1*ST*C~" + kPo1), (Lines{"AK3:4 N1@5"}));
}

TEST(Validator, MissingSegmentsInsideAndAfterALoopCarryTheLoop) {
  auto h = run850(kBeg + kPo1 + "N1*ST*A~CTT*1~AMT*TT*1~");
  ASSERT_EQ(summaries(h), (Lines{"AK3:3 N3@5"}));
  EXPECT_EQ(h.findings[0].loop_id, "N1");
  EXPECT_EQ(h.findings[0].loop_trigger, "N1");
  EXPECT_EQ(h.findings[0].loop_trigger_position, 4u);

  h = run850(kBeg + kPo1 + "CTT*1~");
  ASSERT_EQ(summaries(h), (Lines{"AK3:3 AMT@5"}));
  EXPECT_EQ(h.findings[0].loop_id, "CTT");
  EXPECT_EQ(h.findings[0].loop_trigger, "CTT");
  EXPECT_EQ(h.findings[0].loop_trigger_position, 4u);

  h = run850(kBeg + "CTT*1~AMT*TT*1~");
  ASSERT_EQ(summaries(h), (Lines{"AK3:3 PO1@3"}));
  EXPECT_EQ(h.findings[0].loop_id, "PO1");
  EXPECT_EQ(h.findings[0].loop_trigger, "");
}

TEST(Validator, ElementFindingsInALoopNameTheLoopAndItsTrigger) {
  const auto h = run850(kBeg + kPo1 + "N1*XX*A~N3~");
  ASSERT_EQ(summaries(h), (Lines{"AK4:7 N101@4", "AK4:1 N301@5"}));
  EXPECT_EQ(h.findings[0].loop_id, "N1");
  EXPECT_EQ(h.findings[0].loop_trigger, "");  // N1 opened the loop itself
  EXPECT_EQ(h.findings[1].loop_trigger, "N1");
  EXPECT_EQ(h.findings[1].loop_trigger_position, 4u);
}

TEST(Validator, TruncatedSetReportsWhatItLacksButNotTheTrailer) {
  const auto h = validate_bytes(schemas(), x12_interchange("ST*850*0001~" + kBeg));
  EXPECT_EQ(h.codes(), (Lines{"AK5:2", "AK3:3"}));  // the walker's, then the validator's
  ASSERT_EQ(h.findings.size(), 2u);
  EXPECT_EQ(h.findings[1].segment, "PO1");
  EXPECT_EQ(h.findings[1].segment_position, 3u);
}

TEST(Validator, ElementFindingCarriesEverythingTheAcksNeed) {
  const std::string input = x12_interchange(x12_set("850", "BEG*00*SA*PO1**20261301~" + kPo1));
  const auto h = validate_bytes(schemas(), input);
  ASSERT_EQ(summaries(h), (Lines{"AK4:8 BEG05@2"}));
  const Finding& f = h.findings[0];
  EXPECT_EQ(f.element_ref, "373");
  EXPECT_EQ(f.bad_value, "20261301");
  EXPECT_EQ(f.offset, input.find("BEG*"));
  EXPECT_EQ(f.severity, Severity::kError);
  EXPECT_EQ(f.message, "BEG05 (373 Date) '20261301' is not a valid date");
  EXPECT_EQ(h.verdicts, std::vector<Verdict>{Verdict::kRejected});
}

TEST(Validator, MandatoryMissingTooManyAndTrailingSeparators) {
  EXPECT_EQ(check850("BEG*00*SA***20261116~" + kPo1), (Lines{"AK4:1 BEG03@2"}));
  EXPECT_EQ(check850("BEG*00*SA*PO1~" + kPo1), (Lines{"AK4:1 BEG05@2"}));
  EXPECT_EQ(check850(kBeg + kPo1 + "CTT*1~AMT*TT*1*X~"), (Lines{"AK4:3 AMT03@5"}));
  EXPECT_EQ(check850(kBeg + kPo1 + "CTT*1~AMT*TT*1**~"), Lines{});
}

TEST(Validator, LengthsAndCodes) {
  EXPECT_EQ(check_tst("****A"), (Lines{"AK4:4 TST05@3"}));
  EXPECT_EQ(check_tst("****ABCDEF"), (Lines{"AK4:5 TST05@3"}));
  EXPECT_EQ(check_tst("****AB"), Lines{});
  EXPECT_EQ(check_tst("*****XX"), (Lines{"AK4:7 TST06@3"}));
  EXPECT_EQ(check_tst("*****CA"), Lines{});
  const auto h = run850(kBeg + "REF*VN*" + std::string(150, 'x') + "~" + kPo1);
  ASSERT_EQ(summaries(h), (Lines{"AK4:5 REF02@3"}));
  EXPECT_EQ(h.findings[0].bad_value.size(), 99u);
}

TEST(Validator, InvalidCharacters) {
  EXPECT_EQ(check_tst("****A\x01"
                      "B"),
            (Lines{"AK4:6 TST05@3"}));
  EXPECT_EQ(check_tst("12A"), (Lines{"AK4:6 TST01@3"}));
  EXPECT_EQ(check_tst("123.4"), (Lines{"AK4:6 TST01@3"}));
}

TEST(Validator, NumericRules) {
  EXPECT_EQ(check_tst("-123456"), Lines{});  // N2: the minus sign is not counted
  EXPECT_EQ(check_tst("1234567"), (Lines{"AK4:5 TST01@3"}));
  EXPECT_EQ(check_tst("-"), (Lines{"AK4:6 TST01@3"}));
  EXPECT_EQ(check_tst("*-.5"), Lines{});
  EXPECT_EQ(check_tst("*5."), Lines{});
  EXPECT_EQ(check_tst("*-123456789012.345"), Lines{});  // R: 15 digits, sign and point free
  EXPECT_EQ(check_tst("*1234567890123456"), (Lines{"AK4:5 TST02@3"}));
  EXPECT_EQ(check_tst("*1.2.3"), (Lines{"AK4:6 TST02@3"}));
  EXPECT_EQ(check_tst("*+5"), (Lines{"AK4:6 TST02@3"}));  // X12.6: no plus sign
  EXPECT_EQ(check_tst("*."), (Lines{"AK4:6 TST02@3"}));
  EXPECT_EQ(check_tst("*1E5"), (Lines{"AK4:6 TST02@3"}));  // no exponent before 005010
  EXPECT_EQ(check_tst("*-1.5E-3", "005010"), Lines{});
  EXPECT_EQ(check_tst("*1E", "005010"), (Lines{"AK4:6 TST02@3"}));
}

TEST(Validator, DatesAndTimes) {
  EXPECT_EQ(check_tst("**20260229"), (Lines{"AK4:8 TST03@3"}));
  EXPECT_EQ(check_tst("**20280229"), Lines{});
  EXPECT_EQ(check_tst("**2026111"), (Lines{"AK4:4 TST03@3"}));
  EXPECT_EQ(check_tst("**2026O101"), (Lines{"AK4:8 TST03@3"}));
  EXPECT_EQ(check_tst("***2460"), (Lines{"AK4:9 TST04@3"}));
  EXPECT_EQ(check_tst("***235960"), (Lines{"AK4:9 TST04@3"}));
  EXPECT_EQ(check_tst("***12345"), (Lines{"AK4:9 TST04@3"}));
  EXPECT_EQ(check_tst("***2359599"), Lines{});
  EXPECT_EQ(check_tst("***123456789"), (Lines{"AK4:5 TST04@3"}));
  // DTM05 says how DTM06 is written.
  const auto dtm = [](const std::string& fields) {
    return check850(kBeg + "DTM*002****" + fields + "~" + kPo1);
  };
  EXPECT_EQ(dtm("D8*20261130"), Lines{});
  EXPECT_EQ(dtm("D8*20261340"), (Lines{"AK4:8 DTM06@3"}));
  EXPECT_EQ(dtm("RD8*20261101-20261130"), Lines{});
  EXPECT_EQ(dtm("RD8*20261101-20261131"), (Lines{"AK4:8 DTM06@3"}));
  EXPECT_EQ(dtm("DT*202611161260"), (Lines{"AK4:8 DTM06@3"}));
}

TEST(Validator, RelationalConditions) {
  const auto seg = [](const std::string& segment) { return check850(kBeg + segment + "~" + kPo1); };
  // R: at least one.
  EXPECT_EQ(seg("REF*VN"), (Lines{"AK4:2 REF02@3"}));
  EXPECT_EQ(seg("REF*VN**DESC"), Lines{});
  EXPECT_EQ(seg("DTM*002"), (Lines{"AK4:2 DTM02@3"}));
  // P: all or none.
  EXPECT_EQ(seg("N1*ST*ACME*92"), (Lines{"AK4:2 N104@3"}));
  EXPECT_EQ(seg("N1*ST**92*0001"), Lines{});
  EXPECT_EQ(seg("DTM*002****D8"), (Lines{"AK4:2 DTM06@3"}));
  // C: if the first, then the others.
  EXPECT_EQ(seg("DTM*002*20261120**ET"), (Lines{"AK4:2 DTM03@3"}));
  EXPECT_EQ(seg("DTM*002*20261120*1200*ET"), Lines{});
  EXPECT_EQ(seg("DTM*002*20261120*1200"), Lines{});
  // E: at most one.
  EXPECT_EQ(check_tst("******A*B"), (Lines{"AK4:10 TST08@3"}));
  EXPECT_EQ(check_tst("******A"), Lines{});
  // L: if the first, then at least one of the others.
  EXPECT_EQ(check_tst("********A"), (Lines{"AK4:2 TST10@3"}));
  EXPECT_EQ(check_tst("********A**C"), Lines{});
  EXPECT_EQ(check_tst("*********B"), Lines{});
}

TEST(Validator, CompositeComponents) {
  const auto ref = [](const std::string& c040, const std::string& version = "004010") {
    return check850(kBeg + "REF*VN*1**" + c040 + "~" + kPo1, version);
  };
  EXPECT_EQ(ref("PO>123"), Lines{});
  EXPECT_EQ(ref("PO"), (Lines{"AK4:1 REF04-02@3"}));
  EXPECT_EQ(ref("PO>1>VN"), (Lines{"AK4:2 REF04-04@3"}));
  EXPECT_EQ(ref("XX>1"), (Lines{"AK4:7 REF04-01@3"}));
  EXPECT_EQ(ref("PO>1>VN>2>X", "005010"), (Lines{"AK4:13 REF04-05@3"}));
  EXPECT_EQ(ref("PO>1>VN>2>X"), (Lines{"AK4:3 REF04-05@3"}));  // 004010 has no code 13
  EXPECT_EQ(ref("PO>1>VN>2>"), Lines{});
  EXPECT_EQ(check850(kBeg + "REF*VN*1>2~" + kPo1, "005010"), (Lines{"AK4:13 REF02@3"}));
}

TEST(Validator, Repetitions) {
  const std::string stars(11, '*');
  EXPECT_EQ(check_tst(stars + "A^B^C", "005010"), Lines{});
  EXPECT_EQ(check_tst(stars + "A^B^C^D", "005010"), (Lines{"AK4:12 TST12r4@3"}));
  EXPECT_EQ(check_tst(stars + "A^B^ABCDEFGHIJK", "005010"), (Lines{"AK4:5 TST12r3@3"}));
  EXPECT_EQ(check850(kBeg + "REF*VN*1^2~" + kPo1, "005010"), (Lines{"AK4:12 REF02r2@3"}));
}

// 856 with hl_integrity: HL01 unique and increasing, HL02 an earlier HL01, HL03 present.
Lines check856(const std::string& body) {
  return summaries(
      validate_bytes(schemas(), x12_interchange(x12_set("856", body), "004010", "SH")));
}

TEST(Validator, HierarchyIntegrity) {
  EXPECT_EQ(check856("HL*1**S~HL*2*1*O~REF*BM*1~HL*3*2*I~HL*4*2*I~"), Lines{});
  EXPECT_EQ(check856("HL*1**S~HL*2*1*O~HL*2*1*I~"), (Lines{"AK4:7 HL01@4"}));
  EXPECT_EQ(check856("HL*1**S~HL*3*1*O~HL*2*1*I~"), (Lines{"AK4:7 HL01@4"}));
  EXPECT_EQ(check856("HL*1**S~HL*2*5*O~"), (Lines{"AK4:7 HL02@3"}));
  EXPECT_EQ(check856("HL*1**S~HL*2*3*O~HL*3*1*I~"), (Lines{"AK4:7 HL02@3"}));
  EXPECT_EQ(check856("HL*1*1*S~"), (Lines{"AK4:7 HL02@2"}));
  EXPECT_EQ(check856("HL*1~"), (Lines{"AK4:1 HL03@2"}));
  EXPECT_EQ(check856("HL*A**S~HL*B*A*O~HL*C*Z*I~"), (Lines{"AK4:7 HL02@4"}));
  // The hierarchy starts over in every set.
  const std::string two = x12_set("856", "HL*1**S~", "0001") + x12_set("856", "HL*1**S~", "0002");
  EXPECT_EQ(summaries(validate_bytes(schemas(), x12_interchange(two, "004010", "SH", 2))), Lines{});
}

TEST(Validator, FindingsBeyondTheLimitAreCountedInOneWarning) {
  std::string body = kBeg;
  for (int i = 0; i < 5; ++i) body += "REF*XX*1~";
  ValidatorOptions options;
  options.max_findings_per_transaction = 3;
  auto h = run850(body + kPo1, "004010", options);
  ASSERT_EQ(summaries(h), (Lines{"AK4:7 REF01@3", "AK4:7 REF01@4", "AK4:7 REF01@5", "AK5:5 @0"}));
  EXPECT_EQ(h.findings[3].severity, Severity::kWarning);
  EXPECT_NE(h.findings[3].message.find("2 more findings"), std::string::npos);
  EXPECT_EQ(h.verdicts, std::vector<Verdict>{Verdict::kRejected});
  // With nothing reported the summary itself is the error that rejects the set.
  options.max_findings_per_transaction = 0;
  h = run850(body + kPo1, "004010", options);
  ASSERT_EQ(summaries(h), (Lines{"AK5:5 @0"}));
  EXPECT_EQ(h.findings[0].severity, Severity::kError);
  EXPECT_EQ(h.verdicts, std::vector<Verdict>{Verdict::kRejected});
}

// Stands between the walker and the validator and adds a warning about each BEG.
class WarnOnBeg final : public EnvelopeHandler {
 public:
  explicit WarnOnBeg(EnvelopeHandler& next) : next_(next) {}
  void begin_interchange(const InterchangeHeader& h) override { next_.begin_interchange(h); }
  void begin_group(const GroupHeader& h) override { next_.begin_group(h); }
  void begin_transaction(const TransactionHeader& h) override { next_.begin_transaction(h); }
  void transaction_segment(const Segment& s, std::uint32_t position) override {
    next_.transaction_segment(s, position);
    if (s.tag() != "BEG") return;
    Finding f;
    f.code = {CodeList::kAK4, 7};
    f.severity = Severity::kWarning;
    f.segment = "BEG";
    f.segment_position = position;
    next_.finding(f);
  }
  void end_transaction(const TransactionSummary& s) override { next_.end_transaction(s); }
  void end_group(const GroupSummary& s) override { next_.end_group(s); }
  void end_interchange(const InterchangeSummary& s) override { next_.end_interchange(s); }
  void finding(const Finding& f) override { next_.finding(f); }

 private:
  EnvelopeHandler& next_;
};

TEST(Validator, VerdictsComeThroughItsTracker) {
  const std::string sets = x12_set("850", kClean, "0001") + x12_set("850", kPo1, "0002");
  const std::string input = x12_interchange(sets, "004010", "PO", 2);
  MemorySource source(input);
  SegmentReader reader(source);
  testing::VerdictRecorder recorder;
  Validator validator(schemas(), recorder);
  WarnOnBeg warn(validator);
  walk_envelopes(reader, warn, "test");
  EXPECT_EQ(recorder.codes(), (Lines{"AK4:7", "AK3:3"}));
  EXPECT_EQ(recorder.verdicts,
            (std::vector<Verdict>{Verdict::kAcceptedWithErrors, Verdict::kRejected}));
}

}  // namespace
}  // namespace ordex::edi
