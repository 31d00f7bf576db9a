#pragma once
// Passes every envelope event to several handlers, in the order they were added.
//
// PERF NOTES
// Transaction segments go only to the handlers that read them (segment_interest(), asked
// at each begin_transaction): an acknowledgment builder reads the header alone and a
// verdict counter none, and a virtual call per segment and handler measured 3-5 % of
// validation with a 997.

#include <algorithm>
#include <vector>

#include "edi/envelope.h"

namespace ordex::edi {

class HandlerTee final : public EnvelopeHandler {
 public:
  void add(EnvelopeHandler& h) {
    handlers_.push_back(&h);
    all_.push_back(&h);
    header_.push_back(&h);
  }

  SegmentInterest segment_interest() const override {
    SegmentInterest most = SegmentInterest::kNone;
    for (const EnvelopeHandler* h : handlers_) most = std::max(most, h->segment_interest());
    return most;
  }

  void begin_file(std::string_view name) override {
    each([&](auto& h) { h.begin_file(name); });
  }
  void begin_interchange(const InterchangeHeader& x) override {
    each([&](auto& h) { h.begin_interchange(x); });
  }
  void begin_group(const GroupHeader& x) override {
    each([&](auto& h) { h.begin_group(x); });
  }
  void begin_transaction(const TransactionHeader& x) override {
    each([&](auto& h) { h.begin_transaction(x); });
    all_.clear();
    header_.clear();
    for (EnvelopeHandler* h : handlers_) {
      const SegmentInterest interest = h->segment_interest();
      if (interest == SegmentInterest::kAll) all_.push_back(h);
      if (interest != SegmentInterest::kNone) header_.push_back(h);
    }
  }
  void transaction_segment(const Segment& s, std::uint32_t p) override {
    for (EnvelopeHandler* h : p == 1 ? header_ : all_) h->transaction_segment(s, p);
  }
  void interchange_segment(const Segment& s) override {
    each([&](auto& h) { h.interchange_segment(s); });
  }
  void end_transaction(const TransactionSummary& x) override {
    each([&](auto& h) { h.end_transaction(x); });
  }
  void end_group(const GroupSummary& x) override {
    each([&](auto& h) { h.end_group(x); });
  }
  void end_interchange(const InterchangeSummary& x) override {
    each([&](auto& h) { h.end_interchange(x); });
  }
  void finding(const Finding& f) override {
    each([&](auto& h) { h.finding(f); });
  }
  void end_file() override {
    each([&](auto& h) { h.end_file(); });
  }

 private:
  template <typename F>
  void each(F f) {
    for (EnvelopeHandler* h : handlers_) f(*h);
  }
  std::vector<EnvelopeHandler*> handlers_;
  // Of handlers_, those that read every transaction segment, and those that read at least
  // the header (as of the last begin_transaction; every handler before the first).
  std::vector<EnvelopeHandler*> all_;
  std::vector<EnvelopeHandler*> header_;
};

}  // namespace ordex::edi
