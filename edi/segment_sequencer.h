#pragma once
// Places each segment of a transaction in its schema's structure: the loop state machine.
//
// The state is a stack of open loops (the set itself at the bottom), each with the entry it
// is at and how often that entry has occurred. An incoming segment is looked for forward in
// the innermost loop (a repeat of the current entry, a later segment, or the trigger of a
// nested loop, which opens it); failing that, forward in each enclosing loop, which ends
// the loops above it (a loop's own trigger is found this way, in its parent, and starts a
// new iteration). Entries skipped over, and the rest of a loop it leaves, are checked for
// missing mandatory segments. A segment found nowhere forward leaves the state unchanged.
//
// Standard-neutral: it reports issues in terms of the structure; the validator turns them
// into AK3 / CONTRL findings. Allocates nothing once its stack and issue list have grown
// to the schema's depth. Not thread-safe; one per Validator.

#include <cstdint>
#include <vector>

#include "edi/schema.h"

namespace ordex::edi {

enum class Placement : std::uint8_t {
  kPlaced,
  kUnrecognized,   // tag not in the dictionary (X12 AK3:1)
  kUnexpected,     // in the dictionary, not in this set (AK3:2)
  kOutOfSequence,  // in this set, but not at a position still reachable (AK3:7)
};

struct SequenceIssue {
  enum class Kind : std::uint8_t {
    kMandatoryMissing,  // entry is a segment or a loop that never occurred where it was due
    kLoopOverMax,       // entry is the loop; `count` is the iteration just started
    kSegmentOverMax,    // entry is the segment; `count` is its use just seen
  };
  Kind kind = Kind::kMandatoryMissing;
  std::uint32_t entry = 0;  // index into TransactionSchema::entries
  std::uint32_t loop = 0;   // TransactionSchema::loops: the loop holding the entry (0: the set)
  std::uint32_t trigger_position = 0;  // position of the segment that opened `loop`; 0 for 0
  std::uint32_t count = 0;
};

// Where the segment last given to place() sits: its innermost loop (0: none), and the
// position of that loop's trigger (the segment itself when it just opened the loop).
struct LoopContext {
  std::uint32_t loop = 0;
  std::uint32_t trigger_position = 0;
};

class SegmentSequencer {
 public:
  // Starts a transaction. `schema` must outlive the calls up to finish().
  void start(const TransactionSchema& schema);

  // `segment` is the dictionary index of the tag (Dictionary::find_segment; -1 when not
  // there); `position` counts from ST/UNH as 1. issues() then holds what this segment
  // revealed: mandatory segments skipped, a maximum exceeded.
  Placement place(std::int32_t segment, std::uint32_t position);

  // Ends the transaction: issues() holds the mandatory entries never reached, innermost
  // loop first, the set's own last.
  void finish();

  const std::vector<SequenceIssue>& issues() const { return issues_; }
  LoopContext context() const;

 private:
  struct Frame {
    std::uint32_t loop = 0;
    std::uint32_t at = 0;     // entry index
    std::uint32_t count = 0;  // occurrences of entries[at] (iterations, for a loop entry)
    std::uint32_t trigger_position = 0;
  };

  bool place_next(std::uint16_t segment);
  std::uint32_t find_forward(const Frame& frame, std::uint16_t segment) const;
  void advance(Frame& frame, std::uint32_t to, std::uint32_t position);
  void report_missing(const Frame& frame, std::uint32_t from, std::uint32_t to);
  void close_top();

  static constexpr std::uint32_t kNotFound = LoopIndex::kNotFound;

  const TransactionSchema* schema_ = nullptr;
  std::vector<Frame> stack_;
  std::vector<SequenceIssue> issues_;
};

}  // namespace ordex::edi
