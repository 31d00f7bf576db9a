#pragma once
// The envelope structure of an interchange as events: what a walker tells its handler.
//
// Handlers are chained: the walker feeds the validator, which adds its own findings and the
// verdicts and passes every event on to the next handler (CLI printer, acknowledgment
// builder, order mapper). Headers are copied out of the input (short strings, no heap in
// practice); segments are views valid only during the call.

#include <cstdint>
#include <string>
#include <string_view>

#include "edi/delimiters.h"
#include "edi/finding.h"
#include "edi/segment.h"

namespace ordex::edi {

enum class Verdict : std::uint8_t {
  kAccepted,
  kAcceptedWithErrors,
  kPartiallyAccepted,  // groups only: some of its sets rejected
  kRejected,
};
std::string_view to_string(Verdict verdict);

struct InterchangeHeader {
  Standard standard = Standard::kX12;
  Delimiters delimiters;
  std::uint32_t ordinal = 0;       // 1-based position in the file
  std::string sender_qualifier;    // ISA05 / UNB S002 0007
  std::string sender_id;           // ISA06 (trimmed) / UNB S002 0004
  std::string receiver_qualifier;  // ISA07 / UNB S003 0007
  std::string receiver_id;         // ISA08 (trimmed) / UNB S003 0010
  std::string date;                // ISA09 YYMMDD / UNB S004 0017
  std::string time;                // ISA10 HHMM / UNB S004 0019
  std::string control_number;      // ISA13 / UNB 0020
  std::string version;             // ISA12 (00401) / UNB S001 0002 syntax version
  std::string syntax_id;           // EDIFACT UNB S001 0001 (UNOC); X12 ISA11
  bool ack_requested = false;      // ISA14 / UNB 0031
  bool test = false;               // ISA15 'T' / UNB 0035
  std::uint64_t offset = 0;
};

struct GroupHeader {
  std::string functional_id;   // GS01 / UNG 0038; EDIFACT without UNG: empty
  std::string sender_id;       // GS02 / UNG S006
  std::string receiver_id;     // GS03 / UNG S007
  std::string date;            // GS04 CCYYMMDD / UNG S004
  std::string time;            // GS05 / UNG S004
  std::string control_number;  // GS06 / UNG 0048
  std::string agency;          // GS07 / UNG 0051
  std::string version;         // GS08 / UNG S008
  bool implicit = false;       // EDIFACT messages directly in the interchange (no UNG)
  std::uint64_t offset = 0;
};

struct TransactionHeader {
  std::string set_id;          // ST01 / UNH S009 0065 (ORDERS)
  std::string control_number;  // ST02 / UNH 0062
  // Version the set is validated against: X12 GS08 (e.g. 004010, 004010VICS,
  // 005010X231A1); EDIFACT S009 0052+0054 (D96A).
  std::string version;
  // X12 ST03, the implementation convention reference (e.g. 005010X231A1); empty when absent.
  std::string implementation;
  std::string association;  // EDIFACT S009 0057 (e.g. EAN008); empty for X12
  std::uint64_t offset = 0;
};

struct TransactionSummary {
  std::uint32_t segment_count = 0;  // ST..SE / UNH..UNT as received
  bool trailer_seen = false;
  std::uint32_t errors = 0;
  std::uint32_t warnings = 0;
  Verdict verdict = Verdict::kAccepted;
};

struct GroupSummary {
  std::uint32_t transactions = 0;
  std::uint32_t accepted = 0;  // counted by the validator
  bool trailer_seen = false;
  std::uint32_t errors = 0;  // group-level findings (AK9 codes)
  Verdict verdict = Verdict::kAccepted;
};

struct InterchangeSummary {
  std::uint32_t groups = 0;
  bool trailer_seen = false;
  std::uint32_t errors = 0;  // interchange-level findings (TA1 codes / CONTRL UCI)
  Verdict verdict = Verdict::kAccepted;
};

// Which transaction segments a handler reads (EnvelopeHandler::segment_interest()).
enum class SegmentInterest : std::uint8_t {
  kNone,    // none: transaction_segment() need not be called
  kHeader,  // only the header (ST / UNH, position 1)
  kAll,
};

class EnvelopeHandler {
 public:
  virtual ~EnvelopeHandler() = default;
  // Asked by handlers that pass events on (HandlerTee, VerdictTracker) at each
  // begin_transaction(), so that they skip calls that would do nothing: a virtual call per
  // segment and handler adds up. A handler that says less than kAll may still be called
  // for other segments, and must then ignore them. It must not change within a transaction.
  virtual SegmentInterest segment_interest() const { return SegmentInterest::kAll; }
  virtual void begin_file(std::string_view /*name*/) {}
  virtual void begin_interchange(const InterchangeHeader&) {}
  virtual void begin_group(const GroupHeader&) {}
  virtual void begin_transaction(const TransactionHeader&) {}
  // Every segment of a transaction, ST/UNH to SE/UNT, with its position from ST/UNH as 1.
  virtual void transaction_segment(const Segment&, std::uint32_t /*position*/) {}
  // A segment inside an interchange but outside any transaction that is not an envelope
  // segment (a TA1 received, or stray data).
  virtual void interchange_segment(const Segment&) {}
  virtual void end_transaction(const TransactionSummary&) {}
  virtual void end_group(const GroupSummary&) {}
  virtual void end_interchange(const InterchangeSummary&) {}
  virtual void finding(const Finding&) {}
  virtual void end_file() {}
};

}  // namespace ordex::edi
