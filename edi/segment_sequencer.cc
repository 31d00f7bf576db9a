#include "edi/segment_sequencer.h"

namespace ordex::edi {

void SegmentSequencer::start(const TransactionSchema& schema) {
  schema_ = &schema;
  stack_.clear();
  stack_.push_back(Frame{0, schema.loops[0].first, 0, 0});
  issues_.clear();
}

LoopContext SegmentSequencer::context() const {
  if (stack_.empty()) return {};
  return LoopContext{stack_.back().loop, stack_.back().trigger_position};
}

Placement SegmentSequencer::place(std::int32_t segment, std::uint32_t position) {
  issues_.clear();
  if (segment < 0) return Placement::kUnrecognized;
  const auto tag = static_cast<std::uint16_t>(segment);
  if (place_next(tag)) return Placement::kPlaced;
  // Innermost loop first: a segment that could continue the current loop does so, even
  // when an enclosing loop also has it further on (that is how the standards read).
  for (std::size_t depth = stack_.size(); depth-- > 0;) {
    const std::uint32_t to = find_forward(stack_[depth], tag);
    if (to == kNotFound) continue;
    while (stack_.size() > depth + 1) close_top();
    advance(stack_.back(), to, position);
    return Placement::kPlaced;
  }
  return schema_->in_set[tag] ? Placement::kOutOfSequence : Placement::kUnexpected;
}

// The usual steps, without a search: the innermost loop's current entry again (not its
// trigger, which starts a new iteration), or its next entry, a plain segment (so nothing
// is skipped and a first use cannot exceed the maximum).
bool SegmentSequencer::place_next(std::uint16_t segment) {
  Frame& top = stack_.back();
  if (top.count == 0) return false;
  const LoopDef& loop = schema_->loops[top.loop];
  const StructureEntry& current = schema_->entries[top.at];
  if (current.segment == segment && current.loop < 0 && (top.loop == 0 || top.at != loop.first)) {
    if (++top.count > current.max) {
      issues_.push_back(SequenceIssue{SequenceIssue::Kind::kSegmentOverMax, top.at, top.loop,
                                      top.trigger_position, top.count});
    }
    return true;
  }
  const std::uint32_t next = top.at + 1;
  if (next >= loop.end) return false;
  const StructureEntry& entry = schema_->entries[next];
  if (entry.segment != segment || entry.loop >= 0) return false;
  top.at = next;
  top.count = 1;
  return true;
}

void SegmentSequencer::finish() {
  issues_.clear();
  while (!stack_.empty()) close_top();
}

std::uint32_t SegmentSequencer::find_forward(const Frame& frame, std::uint16_t segment) const {
  // Inside a loop its trigger is never "forward": it starts the next iteration, which the
  // parent frame finds (its current entry is this loop).
  const bool skip_trigger = frame.loop != 0 && frame.at == schema_->loops[frame.loop].first;
  return schema_->loop_index.find(frame.loop, segment, frame.at + (skip_trigger ? 1 : 0));
}

void SegmentSequencer::advance(Frame& frame, std::uint32_t to, std::uint32_t position) {
  if (to == frame.at && frame.count > 0) {
    ++frame.count;
  } else {
    const std::uint32_t from = frame.count > 0 ? frame.at + 1 : frame.at;
    if (from < to && schema_->next_mandatory[from] < to) report_missing(frame, from, to);
    frame.at = to;
    frame.count = 1;
  }
  const StructureEntry& entry = schema_->entries[to];
  const bool over = frame.count > entry.max;
  if (entry.loop < 0) {
    if (over) {
      issues_.push_back(SequenceIssue{SequenceIssue::Kind::kSegmentOverMax, to, frame.loop,
                                      frame.trigger_position, frame.count});
    }
    return;
  }
  if (over) {
    issues_.push_back(SequenceIssue{SequenceIssue::Kind::kLoopOverMax, to, frame.loop,
                                    frame.trigger_position, frame.count});
  }
  // A fresh frame per iteration: counts inside a loop start over each time. `frame` may
  // dangle after the push, so it is not used below.
  const auto loop = static_cast<std::uint32_t>(entry.loop);
  stack_.push_back(Frame{loop, schema_->loops[loop].first, 1, position});
}

// Mandatory entries in [from, to), all of them passed over without occurring.
void SegmentSequencer::report_missing(const Frame& frame, std::uint32_t from, std::uint32_t to) {
  // next_mandatory hops from one mandatory entry straight to the next.
  const std::uint32_t end = schema_->loops[frame.loop].end;
  const auto next = [&](std::uint32_t i) { return i < end ? schema_->next_mandatory[i] : end; };
  for (std::uint32_t i = next(from); i < to; i = next(i + 1)) {
    issues_.push_back(SequenceIssue{SequenceIssue::Kind::kMandatoryMissing, i, frame.loop,
                                    frame.trigger_position, 0});
  }
}

void SegmentSequencer::close_top() {
  const Frame& top = stack_.back();
  const std::uint32_t from = top.count > 0 ? top.at + 1 : top.at;
  const std::uint32_t end = schema_->loops[top.loop].end;
  if (from < end && schema_->next_mandatory[from] < end) report_missing(top, from, end);
  stack_.pop_back();
}

}  // namespace ordex::edi
