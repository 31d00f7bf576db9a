// HandlerTee and VerdictTracker pass transaction segments only to the handlers that read them
// (EnvelopeHandler::segment_interest()), and every other event to all.
#include "edi/handler_tee.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "edi/byte_source.h"
#include "edi/envelope_walker.h"
#include "edi/segment_reader.h"
#include "edi/verdicts.h"

namespace ordex::edi {
namespace {

class Interested final : public EnvelopeHandler {
 public:
  explicit Interested(SegmentInterest interest) : interest_(interest) {}
  SegmentInterest segment_interest() const override { return interest_; }
  void begin_transaction(const TransactionHeader&) override { ++transactions; }
  void transaction_segment(const Segment& s, std::uint32_t position) override {
    seen.push_back(std::string(s.tag()) + " " + std::to_string(position));
  }
  std::vector<std::string> seen;
  int transactions = 0;

 private:
  SegmentInterest interest_;
};

const std::string kTwoSets =
    "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *261116*0815*U*00401*"
    "000000101*0*P*>~GS*PO*SENDER*RECEIVER*20261116*0815*101*X*004010~"
    "ST*850*0001~BEG*00*SA*4500012610**20261116~SE*3*0001~"
    "ST*850*0002~BEG*00*SA*4500012611**20261116~SE*3*0002~"
    "GE*2*101~IEA*1*000000101~";

void walk(EnvelopeHandler& handler) {
  MemorySource source(kTwoSets);
  SegmentReader reader(source);
  walk_envelopes(reader, handler, "tee.x12");
}

TEST(HandlerTee, SegmentsGoOnlyWhereTheyAreRead) {
  Interested all(SegmentInterest::kAll), header(SegmentInterest::kHeader),
      none(SegmentInterest::kNone);
  HandlerTee tee;
  tee.add(all);
  tee.add(header);
  tee.add(none);
  EXPECT_EQ(tee.segment_interest(), SegmentInterest::kAll);
  walk(tee);
  const std::vector<std::string> every = {"ST 1", "BEG 2", "SE 3", "ST 1", "BEG 2", "SE 3"};
  EXPECT_EQ(all.seen, every);
  EXPECT_EQ(header.seen, (std::vector<std::string>{"ST 1", "ST 1"}));
  EXPECT_TRUE(none.seen.empty());
  // Every other event still reaches every handler.
  EXPECT_EQ(all.transactions, 2);
  EXPECT_EQ(header.transactions, 2);
  EXPECT_EQ(none.transactions, 2);
}

TEST(HandlerTee, InterestIsTheGreatestOfItsHandlers) {
  Interested header(SegmentInterest::kHeader), none(SegmentInterest::kNone);
  HandlerTee tee;
  EXPECT_EQ(tee.segment_interest(), SegmentInterest::kNone);
  tee.add(none);
  EXPECT_EQ(tee.segment_interest(), SegmentInterest::kNone);
  tee.add(header);
  EXPECT_EQ(tee.segment_interest(), SegmentInterest::kHeader);
}

TEST(VerdictTracker, ForwardsSegmentsAsItsNextHandlerReadsThem) {
  for (const SegmentInterest interest :
       {SegmentInterest::kAll, SegmentInterest::kHeader, SegmentInterest::kNone}) {
    Interested next(interest);
    VerdictTracker tracker(next);
    walk(tracker);
    const std::size_t want = interest == SegmentInterest::kAll      ? 6u
                             : interest == SegmentInterest::kHeader ? 2u
                                                                    : 0u;
    EXPECT_EQ(next.seen.size(), want) << static_cast<int>(interest);
    EXPECT_EQ(next.transactions, 2);
  }
}

}  // namespace
}  // namespace ordex::edi
