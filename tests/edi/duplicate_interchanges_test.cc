#include "edi/duplicate_interchanges.h"

#include <gtest/gtest.h>

#include "edi/byte_source.h"
#include "edi/envelope_walker.h"
#include "edi/segment_reader.h"
#include "edi/verdicts.h"
#include "test_handler.h"

namespace ordex::edi {
namespace {

const char kInterchange[] =
    "ISA*00*          *00*          *ZZ*NORTHWIND      *ZZ*ACMESUPPLY     *261116*0815*U*00401*"
    "000000101*0*P*>~GS*PO*NORTHWIND*ACMESUPPLY*20261116*0815*101*X*004010~ST*850*0001~"
    "BEG*00*SA*4500001**20261116~SE*3*0001~GE*1*101~IEA*1*000000101~";

void walk(DuplicateInterchanges& dup, testing::RecordingHandler& out, std::string_view bytes) {
  VerdictTracker verdicts(out);
  dup.set_next(verdicts);
  MemorySource source(bytes);
  SegmentReader reader(source);
  walk_envelopes(reader, dup, "test");
}

TEST(DuplicateInterchanges, TheSecondUseOfAControlNumberFromOneSenderIsRejected) {
  DuplicateInterchanges dup;
  testing::RecordingHandler first, second;
  walk(dup, first, kInterchange);
  walk(dup, second, kInterchange);
  EXPECT_TRUE(first.findings.empty());
  ASSERT_EQ(second.codes(), (std::vector<std::string>{"TA1:025"}));
  EXPECT_EQ(second.findings[0].element, 13u);
  EXPECT_EQ(second.events.back(), "IEA 1 trailer");
}

TEST(DuplicateInterchanges, TheSameNumberFromAnotherSenderIsNoDuplicate) {
  DuplicateInterchanges dup;
  testing::RecordingHandler first, second;
  std::string other = kInterchange;
  other.replace(other.find("NORTHWIND      "), 15, "BLUEBIRD       ");
  walk(dup, first, kInterchange);
  walk(dup, second, other);
  EXPECT_TRUE(second.findings.empty());
}

}  // namespace
}  // namespace ordex::edi
