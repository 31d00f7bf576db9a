#pragma once
// Private to edi/: the UN/EDIFACT CONTRL syntax and service report message (ISO 9735-4;
// message CONTRL:D:3:UN for syntax versions 1-3, CONTRL:4:1:UN for version 4), streaming.
//
//   UNA UNB UNH UCI [UCM [UCS [UCD]...]...] | [UCF [UCM [UCS [UCD]...]...]...] UNT UNZ
//
// Choices where the standard leaves room:
// - Every message gets a UCM: action 7 (acknowledged) or 4 (rejected), so the partner sees
//   each message named rather than inferring it from the UCI.
// - UCS/UCD appear only under a rejected message. Syntax 3 has no "accepted with errors"
//   action, and an error report under action 7 would contradict it, so warnings go unsaid.
// - A rejected interchange (UCI action 4) lists no groups or messages: 4 already rejects
//   every lower level, as a TA1 R does for X12.
// - Errors of an implicit group (messages directly in the interchange, no UNG) have no UCF
//   to go on; they reject every message in the interchange, so they go on the UCI.
// - `uci_only` (for --ack ta1): the UCI alone, action 8 "interchange received", or 4.
// - Sender and recipient in UCI are the subject interchange's as received (the standard
//   copies them); in UNB they are swapped. The received service characters are used.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "edi/ack_common.h"
#include "edi/envelope.h"

namespace ordex::edi::detail {

// A received message as the CONTRL needs it.
struct ReceivedMessage {
  const TransactionHeader& header;
  std::span<const std::string> s009;  // UNH S009 components, release characters removed
  const TransactionSummary& summary;
  std::span<const Finding> findings;  // CONTRL findings reported while it was open
};

class ContrlAck {
 public:
  ContrlAck(const InterchangeHeader& received, bool uci_only);
  // As if newly made for the next interchange (`received` is still the same object),
  // keeping the capacity of its writers: nothing allocates per interchange once they have
  // grown.
  void restart(bool uci_only);

  void begin_group(const GroupHeader& received);
  void message(const ReceivedMessage& m);
  void end_group(const GroupSummary& summary, std::span<const Finding> findings);

  // The CONTRL interchange; `findings` are the interchange-level ones.
  std::string finish(const InterchangeSummary& summary, std::span<const Finding> findings,
                     std::uint32_t control, const AckStamp& stamp);

 private:
  void write_segment_errors(SegmentWriter& w, std::span<const Finding> findings) const;
  void write_unb(SegmentWriter& w, std::uint32_t control, const AckStamp& stamp) const;
  // UNH to UNT.
  void write_message(SegmentWriter& m, const InterchangeSummary& summary,
                     std::span<const Finding> findings) const;
  std::string una() const;
  bool syntax4() const;
  // Header values are as received, release characters included; the writer escapes anew.
  std::string plain(const std::string& value) const;

  const InterchangeHeader& received_;
  Delimiters d_;
  bool uci_only_;
  SegmentWriter body_;     // UCM... or UCF UCM... for the groups that have ended
  SegmentWriter group_;    // UCMs of the open explicit group
  SegmentWriter whole_;    // what finish() writes
  SegmentWriter message_;  // its UNH..UNT
  std::optional<GroupHeader> explicit_group_;
  std::optional<Finding> implicit_group_error_;
};

}  // namespace ordex::edi::detail
