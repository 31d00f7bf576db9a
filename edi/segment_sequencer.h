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
// to the schema's depth and each schema's tables are built. Not thread-safe; one per
// Validator.
//
// PERF NOTES
// - Segments are matched by their tag packed into an integer (Segment::tag_code()), against
//   a per-entry copy of the entries' tags: the dictionary's tag table is consulted only for
//   a segment that is not where the structure expects it.
// - What placing a segment does depends only on the innermost loop's current entry and the
//   tag, once every open frame has occurred (always, after a set's first segment): the
//   enclosing frames are then fixed (each is at the entry of the loop above it), and so are
//   the loops a search closes, the entry it lands on, and whether any mandatory entry is
//   passed over on the way. That answer (a Move) is remembered per entry for up to four
//   tags (few tags ever follow a given entry), so placing a segment is a compare of up to
//   four integers and a few stores; "the same entry again" and "the next entry" are Moves
//   like any other. Only a Move that passes over a mandatory entry, and the first segment
//   of a set, take the step-by-step path, which reports what is missing. A first version
//   kept the Moves in one direct-mapped table of 256 slots per schema: ~10% of lookups
//   missed on the X12 benchmark (collisions) and each miss re-ran the search.
// - Schema tables are built on a schema's first set and kept for the sequencer's life.
// Measured with callgrind on the generated 8 MB benchmark files: ~185 instructions per
// segment (tag lookup included) before the Move table, ~90 after.
// Round 3: the ways of the current entry are searched inside place_tag() (the miss, which
// plans a Move, is the call), and closing loops is one resize of the frame stack instead of
// a pop per frame: place_tag() inclusive 29.9M -> 25.3M instructions on the X12 file.
// Round 6: place_tag() is defined here and always inlined into the validator's per-segment
// call (GCC would not inline it by itself): no call, and none of the six register saves and
// restores it paid per segment. Validation -2.6 % instructions (EDIFACT 302.1M -> 294.3M,
// X12 242.4M -> 236.0M), and in time EDIFACT validate 0.262x -> 0.278x, X12 validate
// 0.413x -> 0.426x the memchr split (medians of 6 alternating runs). A stub that only
// cleared issues() still took ~8 % of EDIFACT validation time as a call (perf).

#include <cstdint>
#include <memory>
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
  // Starts a transaction. `schema` must outlive the sequencer.
  void start(const TransactionSchema& schema);

  // Places the segment whose tag is packed as `tag_code` (Segment::tag_code()); `position`
  // counts from ST/UNH as 1. issues() then holds what this segment revealed: mandatory
  // segments skipped, a maximum exceeded; segment() its index in the dictionary. Inline
  // (see PERF NOTES).
  [[gnu::always_inline]] Placement place_tag(std::uint32_t tag_code, std::uint32_t position);

  // The same for a dictionary index (Dictionary::find_segment; -1 when not there).
  Placement place(std::int32_t segment, std::uint32_t position);

  // Dictionary index of the segment last placed, or -1 when it is not in the dictionary.
  std::int32_t segment() const { return segment_; }

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
  static constexpr std::uint32_t kNotFound = 0xFFFFFFFFu;

  // What placing a segment does when the innermost frame is at a given entry and every
  // open frame has occurred at least once.
  struct Move {
    std::uint32_t entry = kNotFound;  // where it lands; kNotFound: nowhere forward
    std::uint32_t max = 0;            // entries[entry].max
    std::int32_t loop = -1;           // entries[entry].loop: a loop entry opens that loop
    std::uint16_t closes = 0;         // loops closed before landing
    std::uint16_t segment = 0;        // dictionary index of the segment
    bool repeat = false;              // `entry` is the current entry of the frame it lands in
    bool quiet = false;               // no mandatory entry is passed over on the way
  };
  // The Moves remembered from one entry, by tag: few tags ever follow a given entry.
  struct Moves {
    static constexpr std::size_t kWays = 4;
    std::uint32_t tag_code[kWays] = {0, 0, 0, 0};  // 0: free (no tag packs to 0)
    Move move[kWays];
    std::uint32_t victim = 0;  // which way a new tag replaces when all are taken
  };
  // Per schema, built on its first set. Codes are Segment::tag_code() values.
  struct Tables {
    const TransactionSchema* schema = nullptr;
    std::vector<std::uint32_t> code;  // per entry: its segment's tag (a loop's: its trigger's)
    std::vector<Moves> moves;         // per entry
  };

  static std::unique_ptr<Tables> build_tables(const TransactionSchema& schema);

  // A tag not yet seen after the current entry: its Move, worked out and kept in `moves`.
  const Move& remember_move(Moves& moves, std::uint32_t tag_code);
  Move plan_move(std::uint32_t tag_code) const;
  Placement place_step_by_step(std::uint32_t tag_code, std::uint32_t position);
  Placement not_placed(std::uint32_t tag_code);
  std::uint32_t find_forward(const Frame& frame, std::uint32_t tag_code) const;
  bool passes_mandatory(const Frame& frame, std::uint32_t to) const;
  void advance(Frame& frame, std::uint32_t to, std::uint32_t position);
  void report_missing(const Frame& frame, std::uint32_t from, std::uint32_t to);
  void close_top();

  const TransactionSchema* schema_ = nullptr;
  Tables* tables_ = nullptr;
  std::vector<std::unique_ptr<Tables>> all_tables_;
  std::vector<Frame> stack_;
  std::vector<SequenceIssue> issues_;
  std::int32_t segment_ = -1;
};

// The quiet Move inline; the first segment of a set, a Move not yet planned and one that
// passes over a mandatory entry take the calls.
inline Placement SegmentSequencer::place_tag(std::uint32_t tag_code, std::uint32_t position) {
  issues_.clear();
  const Frame& top = stack_.back();
  if (top.count == 0) return place_step_by_step(tag_code, position);  // first one
  // The ways are searched here rather than in a call: this runs once per segment.
  Moves& moves = tables_->moves[top.at];
  const Move* found = nullptr;
  for (std::size_t way = 0; way < Moves::kWays; ++way) {
    if (moves.tag_code[way] == tag_code) {
      found = &moves.move[way];
      break;
    }
  }
  const Move& move = found != nullptr ? *found : remember_move(moves, tag_code);
  if (move.entry == kNotFound) return not_placed(tag_code);
  if (!move.quiet) return place_step_by_step(tag_code, position);
  // Frames are trivially destructible: closing loops only moves the end of the stack.
  if (move.closes != 0) stack_.resize(stack_.size() - move.closes);
  Frame& frame = stack_.back();
  if (move.repeat) {
    ++frame.count;
  } else {
    frame.at = move.entry;
    frame.count = 1;
  }
  if (frame.count > move.max) {
    const auto kind =
        move.loop < 0 ? SequenceIssue::Kind::kSegmentOverMax : SequenceIssue::Kind::kLoopOverMax;
    issues_.push_back(
        SequenceIssue{kind, move.entry, frame.loop, frame.trigger_position, frame.count});
  }
  if (move.loop >= 0) {
    // A fresh frame per iteration: counts inside a loop start over each time.
    const auto loop = static_cast<std::uint32_t>(move.loop);
    stack_.push_back(Frame{loop, schema_->loops[loop].first, 1, position});
  }
  segment_ = move.segment;
  return Placement::kPlaced;
}

}  // namespace ordex::edi
