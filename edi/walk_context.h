#pragma once
// Private to edi/: state shared by the X12 and EDIFACT interchange walkers.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "edi/envelope.h"
#include "edi/envelope_walker.h"
#include "edi/segment_reader.h"

namespace ordex::edi::detail {

struct WalkContext {
  SegmentReader& reader;
  EnvelopeHandler& handler;
  WalkStats& stats;
  std::uint32_t interchange_ordinal = 0;

  // `segment` names the segment at fault when there is none to point at (a missing trailer).
  void report(Code code, std::string message, std::string_view segment = {}) const;
  // A finding about `segment`; position is the segment's position in its transaction (0
  // outside one), element/component 0 when the whole segment is at fault.
  void report_at(Code code, const Segment& segment, std::uint32_t position, std::string message,
                 std::uint32_t element = 0, std::uint32_t component = 0) const;

  void count(const Segment& segment) const {
    ++stats.segments;
    stats.elements += segment.size();
  }
};

// What a walker keeps while a transaction and its group are open; the same for both
// standards, only the codes differ.
// Control numbers seen in one envelope, to find duplicates. Senders number sets in increasing
// order, so insertion is nearly always an append to a sorted vector: no hashing, and no
// allocation once the vector has grown (clear() keeps its capacity, short strings stay SSO).
class ControlNumberSet {
 public:
  // False when `control` was already in the set.
  bool insert(std::string_view control);
  void clear() { sorted_.clear(); }

 private:
  std::vector<std::string> sorted_;
};

// The count in a trailer (SE01, GE01, IEA01, UNT 0074, ...) equals `expected`.
bool count_matches(std::string_view declared, std::uint64_t expected);

struct OpenEnvelopes {
  bool group_open = false;
  std::string group_control;
  std::uint32_t group_transactions = 0;
  ControlNumberSet transaction_controls;  // duplicates within the group

  bool transaction_open = false;
  std::string transaction_control;
  std::uint32_t position = 0;  // of the last segment seen in the open transaction

  std::uint32_t groups = 0;  // in the interchange
};

std::string trim_right(std::string_view value);
// "ISA09" style names for messages.
std::string element_name(std::string_view tag, std::uint32_t element);

bool walk_x12_interchange(WalkContext& ctx);      // reader is at "ISA"
bool walk_edifact_interchange(WalkContext& ctx);  // reader is at "UNA" or "UNB"

}  // namespace ordex::edi::detail
