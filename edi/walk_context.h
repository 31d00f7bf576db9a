#pragma once
// Private to edi/: state shared by the X12 and EDIFACT interchange walkers.

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>

#include "edi/envelope.h"
#include "edi/envelope_walker.h"
#include "edi/segment_reader.h"

namespace ordex::edi::detail {

struct WalkContext {
  SegmentReader& reader;
  EnvelopeHandler& handler;
  WalkStats& stats;
  std::uint32_t interchange_ordinal = 0;

  void report(Code code, std::string message) const;
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
struct OpenEnvelopes {
  bool group_open = false;
  std::string group_control;
  std::uint32_t group_transactions = 0;
  std::unordered_set<std::string> transaction_controls;  // duplicates within the group

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
