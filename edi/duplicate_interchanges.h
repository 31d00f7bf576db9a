#pragma once
// Finds an interchange control number a sender has already used (TA1 note code 025; EDIFACT
// CONTRL 26 "duplicate detected") across every file one run reads.
//
// Sits before the validator (walker -> DuplicateInterchanges -> Validator -> ...) so that
// its finding counts against the interchange like any other envelope error. Keeps one
// short key per interchange seen; a run over millions of interchanges should use the store
// (issue 4) instead. Not thread-safe.

#include <set>
#include <string>

#include "edi/envelope.h"

namespace ordex::edi {

class DuplicateInterchanges final : public EnvelopeHandler {
 public:
  // Lives for the whole run; the chain after it is set per file.
  void set_next(EnvelopeHandler& next) { next_ = &next; }

  void begin_file(std::string_view name) override { next_->begin_file(name); }
  void begin_interchange(const InterchangeHeader& h) override;
  void begin_group(const GroupHeader& h) override { next_->begin_group(h); }
  void begin_transaction(const TransactionHeader& h) override { next_->begin_transaction(h); }
  void transaction_segment(const Segment& s, std::uint32_t position) override {
    next_->transaction_segment(s, position);
  }
  void interchange_segment(const Segment& s) override { next_->interchange_segment(s); }
  void end_transaction(const TransactionSummary& s) override { next_->end_transaction(s); }
  void end_group(const GroupSummary& s) override { next_->end_group(s); }
  void end_interchange(const InterchangeSummary& s) override { next_->end_interchange(s); }
  void finding(const Finding& f) override { next_->finding(f); }
  void end_file() override { next_->end_file(); }

 private:
  EnvelopeHandler* next_ = nullptr;
  std::set<std::string> seen_;  // standard|sender qualifier|sender id|control number
};

}  // namespace ordex::edi
