#pragma once
// Passes every envelope event to several handlers, in the order they were added.

#include <vector>

#include "edi/envelope.h"

namespace ordex::edi {

class HandlerTee final : public EnvelopeHandler {
 public:
  void add(EnvelopeHandler& h) { handlers_.push_back(&h); }

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
  }
  void transaction_segment(const Segment& s, std::uint32_t p) override {
    each([&](auto& h) { h.transaction_segment(s, p); });
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
};

}  // namespace ordex::edi
