#include "edi/segment_sequencer.h"

namespace ordex::edi {

std::unique_ptr<SegmentSequencer::Tables> SegmentSequencer::build_tables(
    const TransactionSchema& schema) {
  auto t = std::make_unique<Tables>();
  t->schema = &schema;
  t->code.resize(schema.entries.size());
  for (std::size_t e = 0; e < schema.entries.size(); ++e) {
    t->code[e] = tag_code(schema.dictionary->segments[schema.entries[e].segment].tag);
  }
  t->moves.assign(schema.entries.size(), Moves{});
  return t;
}

void SegmentSequencer::start(const TransactionSchema& schema) {
  if (schema_ != &schema) {
    schema_ = &schema;
    tables_ = nullptr;
    for (const auto& t : all_tables_) {
      if (t->schema == &schema) tables_ = t.get();
    }
    if (tables_ == nullptr) tables_ = all_tables_.emplace_back(build_tables(schema)).get();
  }
  stack_.clear();
  stack_.push_back(Frame{0, schema.loops[0].first, 0, 0});
  issues_.clear();
  segment_ = -1;
}

LoopContext SegmentSequencer::context() const {
  if (stack_.empty()) return {};
  return LoopContext{stack_.back().loop, stack_.back().trigger_position};
}

Placement SegmentSequencer::place(std::int32_t segment, std::uint32_t position) {
  if (segment < 0) {
    issues_.clear();
    segment_ = -1;
    return Placement::kUnrecognized;
  }
  const auto index = static_cast<std::size_t>(segment);
  return place_tag(tag_code(schema_->dictionary->segments[index].tag), position);
}

const SegmentSequencer::Move& SegmentSequencer::remember_move(Moves& moves,
                                                              std::uint32_t tag_code) {
  const std::uint32_t way = moves.victim;
  moves.victim = (way + 1) % Moves::kWays;
  moves.tag_code[way] = tag_code;
  moves.move[way] = plan_move(tag_code);
  return moves.move[way];
}

// Works out the Move for the current state, every open frame having occurred. Innermost
// loop first: a segment that could continue the current loop does so, even when an
// enclosing loop also has it further on (that is how the standards read).
SegmentSequencer::Move SegmentSequencer::plan_move(std::uint32_t tag_code) const {
  Move move;
  for (std::size_t depth = stack_.size(); depth-- > 0;) {
    const Frame& frame = stack_[depth];
    const std::uint32_t to = find_forward(frame, tag_code);
    if (to == kNotFound) continue;
    const StructureEntry& entry = schema_->entries[to];
    move.entry = to;
    move.max = entry.max;
    move.loop = entry.loop;
    move.closes = static_cast<std::uint16_t>(stack_.size() - 1 - depth);
    move.segment = entry.segment;
    move.repeat = to == frame.at;
    move.quiet = move.repeat || !passes_mandatory(frame, to);
    for (std::size_t closed = depth + 1; closed < stack_.size(); ++closed) {
      const Frame& inner = stack_[closed];
      if (passes_mandatory(inner, schema_->loops[inner.loop].end)) move.quiet = false;
    }
    return move;
  }
  return move;
}

// Whether moving `frame` (which has occurred) on to entry `to`, or to its loop's end, passes
// over a mandatory entry.
bool SegmentSequencer::passes_mandatory(const Frame& frame, std::uint32_t to) const {
  const std::uint32_t from = frame.at + 1;
  return from < to && schema_->next_mandatory[from] < to;
}

// The reference algorithm, which reports every mandatory entry passed over: used for the
// first segment of a set and for the Moves that are not quiet.
Placement SegmentSequencer::place_step_by_step(std::uint32_t tag_code, std::uint32_t position) {
  for (std::size_t depth = stack_.size(); depth-- > 0;) {
    const std::uint32_t to = find_forward(stack_[depth], tag_code);
    if (to == kNotFound) continue;
    while (stack_.size() > depth + 1) close_top();
    advance(stack_.back(), to, position);
    segment_ = schema_->entries[to].segment;
    return Placement::kPlaced;
  }
  return not_placed(tag_code);
}

// A segment found nowhere forward: the state is left as it was.
Placement SegmentSequencer::not_placed(std::uint32_t tag_code) {
  segment_ = schema_->dictionary->segment_tags.find_code(tag_code);
  if (segment_ < 0) return Placement::kUnrecognized;
  return schema_->in_set[static_cast<std::size_t>(segment_)] ? Placement::kOutOfSequence
                                                             : Placement::kUnexpected;
}

void SegmentSequencer::finish() {
  issues_.clear();
  while (!stack_.empty()) close_top();
}

std::uint32_t SegmentSequencer::find_forward(const Frame& frame, std::uint32_t tag_code) const {
  // Inside a loop its trigger is never "forward": it starts the next iteration, which the
  // parent frame finds (its current entry is this loop).
  const LoopDef& loop = schema_->loops[frame.loop];
  const bool skip_trigger = frame.loop != 0 && frame.at == loop.first;
  for (std::uint32_t e = frame.at + (skip_trigger ? 1 : 0); e < loop.end; ++e) {
    if (tables_->code[e] == tag_code) return e;
  }
  return kNotFound;
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
