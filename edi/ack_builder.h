#pragma once
// Writes one acknowledgment interchange per received interchange: 997, 999 or TA1 for X12,
// CONTRL for EDIFACT.
//
// AckBuilder is an EnvelopeHandler placed where the verdicts are known: walker -> Validator
// (which owns a VerdictTracker) -> AckBuilder, or walker -> VerdictTracker -> AckBuilder,
// next to a printer through a HandlerTee when both are wanted. It keeps only
// what the acknowledgment needs: the findings of the open transaction and group, and the
// acknowledgment text rendered so far. At each end_interchange it hands the finished
// interchange to an AckSink.
//
// What each received interchange gets:
// - X12, kind 997 or 999: one 997/999 per received functional group, in one interchange of
//   our own. An interchange rejected at the interchange level (a TA1-list error: bad ISA,
//   IEA mismatch, no IEA...) gets a TA1 R with the note code instead, and no 997/999, as
//   translators do: its groups cannot be trusted. An interchange with no group gets nothing
//   unless it is rejected.
// - X12, kind TA1: a TA1 (A, E or R) for every interchange.
// - EDIFACT, any kind but none: a CONTRL, EDIFACT's only syntax acknowledgment. For kind TA1
//   the CONTRL holds the UCI alone (action 8 "received", or 4), the interchange-level answer
//   a TA1 gives in X12. See ack_contrl.h for the CONTRL's shape.
// - ISA14 (acknowledgment requested) is not acted on: which acknowledgment to send is the
//   caller's choice (--ack), so a partner that wants TA1s is run with --ack ta1.
// - An interchange whose header cannot be read at all (no usable ISA/UNB: the walker never
//   announces it) gets nothing: there is no one to address an acknowledgment to.
// - Acknowledgments are never acknowledged: a received 997/999 group (GS01 FA), a received
//   TA1 and a received CONTRL message get no acknowledgment, and an interchange holding only
//   those gets none at all, so two translators never answer each other forever.
//
// Not thread-safe; one builder per input stream. Never throws for anything in the input.

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "edi/ack_common.h"
#include "edi/envelope.h"

namespace ordex::edi {

namespace detail {
class X12FunctionalAck;
class ContrlAck;
}  // namespace detail

struct AckOptions {
  AckKind kind = AckKind::kNone;
  // Our own interchange and group control numbers. Not owned; must outlive the builder.
  // Null: an in-memory counter starting at 1.
  ControlNumbers* control_numbers = nullptr;
  // Stamped into ISA09/ISA10, GS04/GS05 and UNB S004. The CLI passes the current time or
  // --as-of; edi/ never reads the clock. Written as given (treat it as UTC).
  std::chrono::sys_seconds stamp{};
  // Delimiters for X12 acknowledgments. Default: the received interchange's own, so the
  // partner reads them as it writes them. Ignored if check_delimiters() rejects them.
  // EDIFACT acknowledgments always use the received service characters.
  std::optional<Delimiters> x12_delimiters;
};

struct Ack {
  Standard standard = Standard::kX12;
  AckKind kind = AckKind::kNone;          // what was written: kTA1 when a TA1 replaces a 997/999
  std::uint32_t interchange_ordinal = 0;  // the received interchange's place in its file
  std::string interchange_control;        // received ISA13 / UNB 0020, as received
  std::uint32_t control_number = 0;       // our ISA13 / UNB 0020
  // ".<ordinal>.<997|999|ta1|contrl>.<x12|edi>"; file_name is the input stem plus it. The
  // CLI joins file_name with --ack-dir.
  std::string file_suffix;
  std::string file_name;
  std::string bytes;  // the whole interchange, no line breaks
};

class AckSink {
 public:
  virtual ~AckSink() = default;
  virtual void write(const Ack& ack) = 0;
};

class AckBuilder final : public EnvelopeHandler {
 public:
  AckBuilder(AckOptions options, AckSink& sink);
  ~AckBuilder() override;
  AckBuilder(const AckBuilder&) = delete;
  AckBuilder& operator=(const AckBuilder&) = delete;

  void begin_file(std::string_view name) override;
  void begin_interchange(const InterchangeHeader& h) override;
  void begin_group(const GroupHeader& h) override;
  void begin_transaction(const TransactionHeader& h) override;
  // Only the header of a set is read (ST03, UNH S009), and none of a set not acknowledged.
  SegmentInterest segment_interest() const override {
    return skip_transaction_ ? SegmentInterest::kNone : SegmentInterest::kHeader;
  }
  void transaction_segment(const Segment& s, std::uint32_t position) override;
  void interchange_segment(const Segment& s) override;
  void end_transaction(const TransactionSummary& s) override;
  void end_group(const GroupSummary& s) override;
  void end_interchange(const InterchangeSummary& s) override;
  void finding(const Finding& f) override;

  std::uint32_t written() const { return written_; }

 private:
  std::vector<Finding>* findings_for(const Finding& f);
  bool is_x12() const { return header_.standard == Standard::kX12; }
  Delimiters x12_delimiters() const;
  void write_x12(const InterchangeSummary& s);
  void write_ta1(const InterchangeSummary& s);
  void write_contrl(const InterchangeSummary& s);
  void emit(AckKind kind, std::string_view bytes, std::uint32_t control);
  void release_builders();

  AckOptions options_;
  AckSink& sink_;
  CountingControlNumbers own_numbers_;
  ControlNumbers& numbers_;
  detail::AckStamp stamp_;
  std::string stem_ = "input";
  std::uint32_t written_ = 0;

  // The open interchange.
  InterchangeHeader header_;
  bool in_interchange_ = false, in_group_ = false, in_transaction_ = false;
  bool skip_group_ = false, skip_transaction_ = false;  // acknowledgments received
  bool has_content_ = false;                            // something that is not an acknowledgment
  bool has_ack_content_ = false;                        // a received acknowledgment
  std::vector<Finding> interchange_findings_, group_findings_, transaction_findings_;
  TransactionHeader transaction_;  // of the open set: set_id, control_number and offset only
  std::string st03_;
  std::vector<std::string> s009_;  // the first s009_count_ are the open message's S009
  std::size_t s009_count_ = 0;
  std::unique_ptr<detail::X12FunctionalAck> x12_;
  std::unique_ptr<detail::X12FunctionalAck> spare_x12_;  // the last one, for reuse
  Ack ack_;                                              // the last one written
  std::unique_ptr<detail::ContrlAck> contrl_;
  std::unique_ptr<detail::ContrlAck> spare_contrl_;  // the last one, for reuse
};

}  // namespace ordex::edi
