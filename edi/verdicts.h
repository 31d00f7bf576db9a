#pragma once
// Rolls findings up into verdicts, the way a functional acknowledgment reports them.
//
// Sits in a handler chain (walker -> validator -> VerdictTracker -> consumers) and fills in
// the error/warning counts and the verdict of every transaction, group and interchange
// summary before passing it on. Which level a finding counts against follows its code list
// (X12: AK5/AK3/AK4 transaction, AK9 group, TA1 interchange); EDIFACT CONTRL findings count
// against the innermost envelope open when they are reported.

#include "edi/envelope.h"

namespace ordex::edi {

// The verdict a set earns from its own findings alone, before its envelope's errors are
// taken into account. A functional acknowledgment reports this per set (AK5/IK5, UCM) and
// the envelope's errors at their own level (AK9, TA1, UCI).
Verdict own_verdict(const TransactionSummary& s);

class VerdictTracker final : public EnvelopeHandler {
 public:
  explicit VerdictTracker(EnvelopeHandler& next) : next_(next) {}

  void begin_file(std::string_view name) override { next_.begin_file(name); }
  void begin_interchange(const InterchangeHeader& h) override;
  void begin_group(const GroupHeader& h) override;
  void begin_transaction(const TransactionHeader& h) override;
  SegmentInterest segment_interest() const override { return next_.segment_interest(); }
  void transaction_segment(const Segment& s, std::uint32_t position) override {
    if (next_interest_ == SegmentInterest::kAll ||
        (next_interest_ == SegmentInterest::kHeader && position == 1)) {
      next_.transaction_segment(s, position);
    }
  }
  void interchange_segment(const Segment& s) override { next_.interchange_segment(s); }
  void end_transaction(const TransactionSummary& s) override;
  void end_group(const GroupSummary& s) override;
  void end_interchange(const InterchangeSummary& s) override;
  void finding(const Finding& f) override;
  void end_file() override { next_.end_file(); }

 private:
  struct Tally {
    std::uint32_t errors = 0;
    std::uint32_t warnings = 0;
    void add(Severity s) { ++(s == Severity::kError ? errors : warnings); }
  };
  enum class Level { kTransaction, kGroup, kInterchange, kNone };
  Level level_of(const Finding& f) const;

  EnvelopeHandler& next_;
  // next_.segment_interest() as of the last begin_transaction (see HandlerTee).
  SegmentInterest next_interest_ = SegmentInterest::kAll;
  Standard standard_ = Standard::kX12;
  bool in_interchange_ = false, in_group_ = false, in_transaction_ = false;
  Tally interchange_, group_, transaction_;
  std::uint32_t sets_ = 0, sets_accepted_ = 0, sets_with_errors_ = 0;
};

}  // namespace ordex::edi
