#include "edi/segment_sequencer.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "schema_test_util.h"

namespace ordex::edi {
namespace {

using Events = std::vector<std::string>;

// Drives a sequencer over the hand-written 850 (see schema_test_util.cc):
//   ST BEG REF* DTM TST [N1 N3{0,2}]{0,2} [PO1 PID{0,2} [N1 N3]{0,1}]{1,3} [CTT AMT] SE
class SequencerTest : public ::testing::Test {
 protected:
  SequencerTest()
      : schemas_(testing::load_test_schemas()),
        schema_(*schemas_.find(Standard::kX12, "004010", "850")) {}

  // Places `tags` (space-separated, from position 1) and finishes; one line per event.
  Events run(const std::string& tags) {
    Events events;
    sequencer_.start(schema_);
    std::istringstream in(tags);
    std::string tag;
    std::uint32_t position = 0;
    while (in >> tag) {
      ++position;
      const Placement p = sequencer_.place(schema_.dictionary->find_segment(tag), position);
      describe_issues(std::to_string(position), events);
      if (p != Placement::kPlaced)
        events.push_back(std::to_string(position) + " " + tag + " " + name(p));
      contexts_.push_back(sequencer_.context());
    }
    sequencer_.finish();
    describe_issues("end", events);
    return events;
  }

  void describe_issues(const std::string& where, Events& events) const {
    for (const SequenceIssue& issue : sequencer_.issues()) {
      const StructureEntry& entry = schema_.entries[issue.entry];
      const std::string tag = schema_.dictionary->segments[entry.segment].tag;
      std::string line = where + " ";
      switch (issue.kind) {
        case SequenceIssue::Kind::kMandatoryMissing:
          line += "missing " + tag + (entry.loop >= 0 ? " loop" : "");
          break;
        case SequenceIssue::Kind::kLoopOverMax:
          line += "loop-over " + tag + " #" + std::to_string(issue.count);
          break;
        case SequenceIssue::Kind::kSegmentOverMax:
          line += "over " + tag + " #" + std::to_string(issue.count);
          break;
      }
      if (issue.loop != 0) line += " in " + schema_.loops[issue.loop].id;
      events.push_back(line);
    }
  }

  static std::string name(Placement p) {
    switch (p) {
      case Placement::kPlaced:
        return "placed";
      case Placement::kUnrecognized:
        return "unrecognized";
      case Placement::kUnexpected:
        return "unexpected";
      case Placement::kOutOfSequence:
        return "out-of-sequence";
    }
    return "?";
  }

  SchemaRegistry schemas_;
  const TransactionSchema& schema_;
  SegmentSequencer sequencer_;
  std::vector<LoopContext> contexts_;
};

TEST_F(SequencerTest, ACompleteSetHasNoEvents) {
  EXPECT_EQ(run("ST BEG REF REF DTM TST N1 N3 N3 N1 PO1 PID N1 N3 PO1 PO1 PID PID CTT AMT SE"),
            Events{});
}

TEST_F(SequencerTest, OptionalLoopsAndSegmentsMayBeLeftOut) {
  EXPECT_EQ(run("ST BEG PO1 SE"), Events{});
}

TEST_F(SequencerTest, LoopsAreEnteredOnTheirTriggerAndRepeatedUpToTheirMaximum) {
  EXPECT_EQ(run("ST BEG N1 N1 N1 PO1 PO1 PO1 PO1 SE"),
            (Events{"5 loop-over N1 #3", "9 loop-over PO1 #4"}));
}

TEST_F(SequencerTest, SegmentsOverTheirMaximumUse) {
  EXPECT_EQ(run("ST BEG BEG N1 N3 N3 N3 PO1 PID PID PID SE"),
            (Events{"3 over BEG #2", "7 over N3 #3 in N1", "11 over PID #3 in PO1"}));
}

TEST_F(SequencerTest, CountsStartOverInEachLoopIteration) {
  EXPECT_EQ(run("ST BEG N1 N3 N3 N1 N3 N3 PO1 SE"), Events{});
}

TEST_F(SequencerTest, MandatorySegmentMissingIsReportedWhereItWasDue) {
  EXPECT_EQ(run("ST REF PO1 SE"), (Events{"2 missing BEG"}));
}

TEST_F(SequencerTest, MandatorySegmentMissingInsideALoop) {
  // The inner N1 loop needs N3: the next PO1 ends it, and so does CTT.
  EXPECT_EQ(run("ST BEG PO1 N1 PO1 N1 CTT AMT SE"),
            (Events{"5 missing N3 in N1", "7 missing N3 in N1"}));
}

TEST_F(SequencerTest, MandatorySegmentMissingAfterALoop) {
  EXPECT_EQ(run("ST BEG PO1 CTT SE"), (Events{"5 missing AMT in CTT"}));
}

TEST_F(SequencerTest, MandatoryLoopMissing) {
  EXPECT_EQ(run("ST BEG CTT AMT SE"), (Events{"3 missing PO1 loop"}));
}

TEST_F(SequencerTest, UnrecognizedUnexpectedAndOutOfSequence) {
  EXPECT_EQ(run("ST BEG ZZZ HL DTM REF PO1 PID N1 N3 PID SE"),
            (Events{"3 ZZZ unrecognized", "4 HL unexpected", "6 REF out-of-sequence",
                    "11 PID out-of-sequence"}));
}

TEST_F(SequencerTest, AnOutOfPlaceSegmentLeavesTheStateAlone) {
  // BEG again after REF cannot go back; the set goes on from REF.
  EXPECT_EQ(run("ST BEG REF BEG REF PO1 SE"), (Events{"4 BEG out-of-sequence"}));
}

TEST_F(SequencerTest, TheInnermostLoopWinsAndContextNamesItsTrigger) {
  run("ST BEG N1 N3 PO1 N1 N3 SE");
  const auto loop_id = [&](std::size_t i) { return schema_.loops[contexts_[i].loop].id; };
  EXPECT_EQ(contexts_[1].loop, 0u);  // BEG: no loop
  EXPECT_EQ(loop_id(3), "N1");       // header N3, in the N1 loop opened at 3
  EXPECT_EQ(contexts_[3].trigger_position, 3u);
  EXPECT_EQ(loop_id(4), "PO1");
  EXPECT_EQ(contexts_[4].trigger_position, 5u);  // PO1 opened its own loop
  EXPECT_EQ(contexts_[5].loop, 3u);              // N1 after PO1: the nested N1 loop
  EXPECT_EQ(schema_.loops[contexts_[5].loop].parent, 2);
  EXPECT_EQ(contexts_[6].trigger_position, 6u);
}

TEST_F(SequencerTest, FinishReportsWhatATruncatedSetLacks) {
  EXPECT_EQ(run("ST BEG PO1 N1"), (Events{"end missing N3 in N1", "end missing SE"}));
}

}  // namespace
}  // namespace ordex::edi
