// EDIFACT validation (CONTRL codes, data element 0085) against the hand-written D96A ORDERS
// of schema_test_util.cc:
//   UNH BGM DTM{1,3} FTX{0,5} DEP? [SG2: NAD]{0,2} [SG25: LIN QTY{0,2}]{1,200} UNS UNT
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "edi/validator.h"
#include "schema_test_util.h"

namespace ordex::edi {
namespace {

using testing::edifact_interchange;
using testing::summaries;
using testing::validate_bytes;
using Lines = std::vector<std::string>;

const SchemaRegistry& schemas() {
  static const SchemaRegistry registry = testing::load_test_schemas();
  return registry;
}

const std::string kHead = "BGM+220+PO1+9'DTM+137:20261116:102'";  // positions 2, 3
const std::string kLine = "LIN+1'QTY+21:10.5'";
const std::string kClean = kHead + "FTX+AAI+ABC?+DEF?:GH'NAD+BY+123:9'" + kLine + "UNS+S'";

Lines check(const std::string& body, char decimal = '.', int syntax = 3) {
  return summaries(
      validate_bytes(schemas(), edifact_interchange(body, decimal, "ORDERS:D:96A:UN", syntax)));
}

// One segment at position 4, after BGM and DTM.
Lines check_at4(const std::string& segment, char decimal = '.', int syntax = 3) {
  return check(kHead + segment + "'" + kLine + "UNS+S'", decimal, syntax);
}

TEST(ValidatorEdifact, ACleanMessageHasNoFindings) {
  const auto h = validate_bytes(schemas(), edifact_interchange(kClean));
  EXPECT_EQ(summaries(h), Lines{});
  EXPECT_EQ(h.verdicts, std::vector<Verdict>{Verdict::kAccepted});
  std::string comma = kClean;
  comma.replace(comma.find("10.5"), 4, "10,5");
  EXPECT_EQ(check(comma, ','), Lines{});
}

TEST(ValidatorEdifact, UnsupportedMessageIsValueNotSupported) {
  const auto h = validate_bytes(schemas(), edifact_interchange(kClean, '.', "INVOIC:D:96A:UN"));
  EXPECT_EQ(summaries(h), Lines{"CONTRL:14 UNH02@1"});
  EXPECT_EQ(h.verdicts, std::vector<Verdict>{Verdict::kRejected});
  EXPECT_EQ(
      summaries(validate_bytes(schemas(), edifact_interchange(kClean, '.', "ORDERS:D:01B:UN"))),
      Lines{"CONTRL:14 UNH02@1"});
}

TEST(ValidatorEdifact, DecimalMarkComesFromUna) {
  const auto qty = [](const std::string& value, char decimal) {
    return check(kHead + "LIN+1'QTY+21:" + value + "'UNS+S'", decimal);
  };
  EXPECT_EQ(qty("10,5", ','), Lines{});
  EXPECT_EQ(qty("-10,5", ','), Lines{});
  EXPECT_EQ(qty("10.5", ','), Lines{"CONTRL:19 QTY01-02@5"});
  EXPECT_EQ(qty("10,5", '.'), Lines{"CONTRL:19 QTY01-02@5"});
  EXPECT_EQ(qty(",5", ','), Lines{"CONTRL:38 QTY01-02@5"});
  EXPECT_EQ(qty("10,", ','), Lines{"CONTRL:19 QTY01-02@5"});
  EXPECT_EQ(qty("1A", ','), Lines{"CONTRL:37 QTY01-02@5"});
  EXPECT_EQ(qty("1234567890123,45", ','), Lines{});  // n..15: the mark is not counted
  EXPECT_EQ(qty("1234567890123,456", ','), Lines{"CONTRL:39 QTY01-02@5"});
}

TEST(ValidatorEdifact, LengthsAreCountedWithoutReleaseCharacters) {
  EXPECT_EQ(check_at4("FTX+AAI+ABC?+DEF?:GH"), Lines{});  // 10 characters once unescaped
  EXPECT_EQ(check_at4("FTX+AAI+ABC?+DEF?:GHI"), Lines{"CONTRL:39 FTX02-01@4"});
  EXPECT_EQ(check_at4("FTX+AAI+A??"
                      "?'B"),
            Lines{});  // "A?'B"
  EXPECT_EQ(check_at4("FTX+AAI+ONE:TWO"), Lines{});
  EXPECT_EQ(check_at4("FTX+AAI+ONE:TWO:THREE"), Lines{"CONTRL:16 FTX02-03@4"});
  EXPECT_EQ(check_at4("FTX+A?+I"), Lines{"CONTRL:12 FTX01@4"});  // "A+I" is no code
}

TEST(ValidatorEdifact, CharacterTypesAndCodes) {
  EXPECT_EQ(check(kHead + kLine + "UNS+1'"), Lines{"CONTRL:37 UNS01@6"});
  EXPECT_EQ(check(kHead + kLine + "UNS+X'"), Lines{"CONTRL:12 UNS01@6"});
  EXPECT_EQ(check(kHead + "LIN+X'UNS+S'"), Lines{"CONTRL:37 LIN01@4"});
  EXPECT_EQ(check("BGM+999+PO1+9'DTM+137:20261116:102'" + kLine + "UNS+S'"),
            Lines{"CONTRL:12 BGM01-01@2"});
  EXPECT_EQ(check_at4("FTX+AAI+A\x01"
                      "B"),
            Lines{"CONTRL:21 FTX02-01@4"});
}

TEST(ValidatorEdifact, MissingSegmentsElementsAndComponents) {
  // ISO 9735-4: a missing segment is reported at the last segment before its place.
  EXPECT_EQ(check(kHead + kLine), Lines{"CONTRL:13 UNS@5"});
  EXPECT_EQ(check_at4("NAD++123:9"), Lines{"CONTRL:13 NAD01@4"});
  EXPECT_EQ(check(kHead + "LIN+1'QTY+21'UNS+S'"), Lines{"CONTRL:13 QTY01-02@5"});
  EXPECT_EQ(check(kHead + "LIN+1'QTY'UNS+S'"), Lines{"CONTRL:13 QTY01@5"});
  EXPECT_EQ(check("BGM+220'" + kLine + "UNS+S'"), Lines{"CONTRL:13 DTM@2"});
}

TEST(ValidatorEdifact, SegmentsNotSupportedInThisPosition) {
  EXPECT_EQ(check_at4("ALI+1"), Lines{"CONTRL:15 ALI@4"});
  EXPECT_EQ(check_at4("XXX+1"), Lines{"CONTRL:15 XXX@4"});
  EXPECT_EQ(check_at4("BGM+220"), Lines{"CONTRL:15 BGM@4"});
}

TEST(ValidatorEdifact, TooManyConstituentsRepetitionsAndGroups) {
  EXPECT_EQ(check(kHead + kLine + "UNS+S+X'"), Lines{"CONTRL:16 UNS02@6"});
  EXPECT_EQ(check(kHead + "LIN+1'QTY+21:5:PCE'UNS+S'"), Lines{"CONTRL:16 QTY01-03@5"});
  const std::string dtm = "DTM+137:20261116:102'";
  EXPECT_EQ(check("BGM+220'" + dtm + dtm + dtm + dtm + kLine + "UNS+S'"), Lines{"CONTRL:35 DTM@6"});
  const std::string nad = "NAD+BY'";
  const auto h = validate_bytes(schemas(), edifact_interchange(kHead + nad + nad + nad + kLine +
                                                               "LIN+2'QTY+21:1'QTY+21:2'QTY+21:3'"
                                                               "UNS+S'"));
  EXPECT_EQ(summaries(h), (Lines{"CONTRL:36 NAD@6", "CONTRL:35 QTY@12"}));
  EXPECT_EQ(h.findings[1].loop_id, "SG25");
  EXPECT_EQ(h.findings[1].loop_trigger, "LIN");
  EXPECT_EQ(h.findings[1].loop_trigger_position, 9u);
}

TEST(ValidatorEdifact, DatesFollowTheirFormatQualifier) {
  const auto dtm = [](const std::string& c507) {
    return check("BGM+220'DTM+" + c507 + "'" + kLine + "UNS+S'");
  };
  EXPECT_EQ(dtm("137:20261131:102"), Lines{"CONTRL:12 DTM01-02@3"});
  EXPECT_EQ(dtm("137:202611161200:203"), Lines{});
  EXPECT_EQ(dtm("137:20261116:203"), Lines{"CONTRL:12 DTM01-02@3"});
  EXPECT_EQ(dtm("137:20261116235959:204"), Lines{});
  EXPECT_EQ(dtm("137:20261116120060:204"), Lines{"CONTRL:12 DTM01-02@3"});
  EXPECT_EQ(dtm("137:20261101-20261130:718"), Lines{});
  EXPECT_EQ(dtm("137:XYZ:999"), Lines{"CONTRL:12 DTM01-03@3"});  // a bad format is enough
  EXPECT_EQ(dtm("137:20261116"), Lines{});                       // no format, nothing to check
  // The fast test of a clean composite finds the pair after its loop, from the component map.
  EXPECT_EQ(dtm("137::102"), Lines{});           // no value, nothing to check
  EXPECT_EQ(dtm("137:20261116:102:"), Lines{});  // a trailing empty component is harmless
  EXPECT_EQ(dtm("137:20261131:102:"), Lines{"CONTRL:12 DTM01-02@3"});
}

// DEP (position 4) has dependency notes D1:0102 D2:0304 D3:0506 D4:0708 D5:091011
// D6:121314 D7:151617; `present` lists the positions that hold a value.
Lines dep(const std::map<int, std::string>& present, int syntax = 3) {
  std::string segment = "DEP";
  const int last = present.empty() ? 0 : present.rbegin()->first;
  for (int p = 1; p <= last; ++p) {
    const auto it = present.find(p);
    segment += "+" + (it == present.end() ? std::string() : it->second);
  }
  return check_at4(segment, '.', syntax);
}

TEST(ValidatorEdifact, DependencyNotes) {
  EXPECT_EQ(dep({{1, "A"}, {5, "B"}}), Lines{});
  EXPECT_EQ(dep({{5, "B"}}), Lines{"CONTRL:13 DEP01@4"});                      // D1 none
  EXPECT_EQ(dep({{1, "A"}, {2, "A"}, {5, "B"}}), Lines{"CONTRL:15 DEP02@4"});  // D1 two
  EXPECT_EQ(dep({{1, "A"}, {3, "A"}, {5, "B"}}), Lines{"CONTRL:13 DEP04@4"});  // D2
  EXPECT_EQ(dep({{1, "A"}, {3, "A"}, {4, "A"}, {5, "B"}}), Lines{});
  EXPECT_EQ(dep({{1, "A"}}), Lines{"CONTRL:13 DEP05@4"});                                // D3
  EXPECT_EQ(dep({{1, "A"}, {5, "B"}, {7, "C"}, {8, "D"}}), Lines{"CONTRL:15 DEP08@4"});  // D4
  EXPECT_EQ(dep({{1, "A"}, {5, "B"}, {9, "C"}}),
            (Lines{"CONTRL:13 DEP10@4", "CONTRL:13 DEP11@4"}));  // D5
  EXPECT_EQ(dep({{1, "A"}, {5, "B"}, {9, "C"}, {10, "D"}, {11, "E"}}), Lines{});
  EXPECT_EQ(dep({{1, "A"}, {5, "B"}, {12, "C"}}), Lines{"CONTRL:13 DEP13@4"});  // D6
  EXPECT_EQ(dep({{1, "A"}, {5, "B"}, {12, "C"}, {14, "D"}}), Lines{});
  EXPECT_EQ(dep({{1, "A"}, {5, "B"}, {15, "C"}, {16, "D"}}), Lines{"CONTRL:15 DEP16@4"});  // D7
  EXPECT_EQ(dep({{1, "A"}, {5, "B"}, {16, "C"}, {17, "D"}}), Lines{});
}

TEST(ValidatorEdifact, RepetitionsInSyntaxVersion4) {
  EXPECT_EQ(dep({{1, "A"}, {5, "B"}, {17, "X*Y"}}, 4), Lines{});
  EXPECT_EQ(dep({{1, "A"}, {5, "B"}, {17, "X*Y*Z"}}, 4), Lines{"CONTRL:35 DEP17r3@4"});
  EXPECT_EQ(dep({{1, "A"}, {5, "B"}, {16, "X?*Y"}}, 4), Lines{});  // a released '*' is data
}

}  // namespace
}  // namespace ordex::edi
