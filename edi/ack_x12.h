#pragma once
// Private to edi/: writes the 997 functional acknowledgment and the 999 implementation
// acknowledgment (005010X231A1) for one received X12 interchange, streaming.
//
// The AckBuilder feeds it each received group and transaction set as they end; the writer
// renders that set's AK2 loop at once and keeps only the text, so memory follows the size of
// the acknowledgment, not of the input. Control numbers are taken in finish(), so an
// acknowledgment that is never sent never uses one.
//
// Shape (one 997/999 per received group, each in its own GS FA group, because AK1 names
// exactly one group and GS02/GS03 must mirror that group's application ids):
//   ISA GS ST AK1 [AK2 [AK3|IK3 [CTX] [AK4|IK4]...]... AK5|IK5]... AK9 SE GE ... IEA
//
// Choices where the standard leaves room:
// - Every received set gets an AK2 loop, accepted ones too, so the partner can reconcile
//   each set it sent.
// - The segments follow the received group's version: AK103/AK203 (GS08/ST03 received)
//   only from 005010 on; a 999 asked for in a 004010 interchange keeps 004010's AK1/AK2 and
//   has no ST03, since the partner reads it with its 004010 dictionary. In 005010 the 999
//   says GS08 = ST03 = 005010X231A1; a 997 says the received GS08's six-digit version.
// - AK304/IK304 is the segment's own AK3 code, else 8 ("has data element errors"). AK502
//   lists the set's AK5 codes, then 5 when any segment is in error; at most five.
// - AK902 is the count GE01 declared (when it differs from what arrived, the walker's AK9:5
//   finding carries it); AK903 the sets received; AK904 the sets accepted.
// - Codes 005010 added (AK905 19, AK502 18/19) are left out of older acknowledgments.
// - CTX (999 only): "SITUATIONAL TRIGGER", the segment that opened the faulty segment's loop
//   and its position (Finding::loop_trigger), written once under the IK3. CTX04-06 are left
//   empty: the finding does not name a trigger element, and the 005010X231A1 examples leave
//   CTX04 empty too.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "edi/ack_common.h"
#include "edi/envelope.h"

namespace ordex::edi::detail {

// A received transaction set as the acknowledgment needs it.
struct ReceivedSet {
  const TransactionHeader& header;
  std::string_view st03;              // ST03 as received; empty when absent
  const TransactionSummary& summary;  // verdict filled by the VerdictTracker
  std::span<const Finding> findings;  // AK5/AK3/AK4 findings reported while it was open
};

class X12FunctionalAck {
 public:
  // `kind` is k997 or k999; `out` the delimiters to write with (x12_output_delimiters).
  X12FunctionalAck(AckKind kind, const InterchangeHeader& received, const Delimiters& out);
  // As if newly made for the next interchange (`received` is still the same object),
  // keeping the capacity of its buffers: no allocation per interchange once they have grown.
  void restart(AckKind kind, const Delimiters& out);

  void begin_group(const GroupHeader& received);
  void transaction(const ReceivedSet& set);
  // `findings`: the AK9 findings of the group (AK905-AK909).
  void end_group(const GroupSummary& summary, std::span<const Finding> findings);

  bool empty() const { return used_ == 0; }
  // The whole acknowledgment interchange, valid until the next restart(). Sets `control` to
  // the ISA13 used.
  const std::string& finish(ControlNumbers& numbers, const AckStamp& stamp, std::uint32_t& control);

 private:
  struct Group {
    std::string sender;    // our GS02 = received GS03
    std::string receiver;  // our GS03 = received GS02
    std::string agency;
    std::string version;  // our GS08
    SegmentWriter set;    // ST..SE, complete once the group has ended
  };

  bool is_999() const { return kind_ == AckKind::k999; }
  const char* tag(const char* ak997, const char* ik999) const { return is_999() ? ik999 : ak997; }
  void write_segment_errors(SegmentWriter& w, std::span<const Finding> findings) const;
  void write_element_note(SegmentWriter& w, const Finding& f, bool repetitions) const;

  AckKind kind_;
  const InterchangeHeader& received_;
  Delimiters out_;
  std::vector<Group> groups_;  // the first used_ are this interchange's; the rest kept for reuse
  std::size_t used_ = 0;
  SegmentWriter whole_;  // what finish() writes
  bool group_open_ = false;
  bool received_5010_ = false;  // the open received group is 005010 or later
};

// The bad value as AK404/IK404 may carry it: trailing spaces dropped, at most 99 bytes, and
// empty when it holds a byte the acknowledgment cannot carry (a delimiter of `out` or a
// control character). The X12 guidance is that a delimiter must never appear in data, and a
// copy with bytes replaced would mislead, so such a value is left out.
std::string printable_bad_value(std::string_view value, const Delimiters& out);

}  // namespace ordex::edi::detail
