#pragma once
// Records what a walker or validator reports, for assertions.

#include <string>
#include <vector>

#include "edi/byte_source.h"
#include "edi/envelope.h"
#include "edi/envelope_walker.h"

namespace ordex::edi::testing {

class RecordingHandler : public EnvelopeHandler {
 public:
  void begin_interchange(const InterchangeHeader& h) override;
  void begin_group(const GroupHeader& h) override;
  void begin_transaction(const TransactionHeader& h) override;
  void transaction_segment(const Segment& s, std::uint32_t position) override;
  void interchange_segment(const Segment& s) override;
  void end_transaction(const TransactionSummary& s) override;
  void end_group(const GroupSummary& s) override;
  void end_interchange(const InterchangeSummary& s) override;
  void finding(const Finding& f) override;

  // One line per event, e.g. "ISA 000000101", "ST 850 0001", "SEG 2 BEG", "SE 7 trailer".
  std::vector<std::string> events;
  std::vector<Finding> findings;
  std::vector<InterchangeHeader> interchanges;
  std::vector<std::string> codes() const;  // findings' codes in order
};

// Hands out bytes a few at a time and never as one contiguous view, so the reader takes its
// buffered path: blocks, segments across block edges, compaction.
class TrickleSource final : public ByteSource {
 public:
  TrickleSource(std::string_view bytes, std::size_t step) : bytes_(bytes), step_(step) {}
  std::size_t read(char* dst, std::size_t n) override;

 private:
  std::string_view bytes_;
  std::size_t step_;
  std::size_t pos_ = 0;
};

// Walks `bytes` with a reader of small blocks (so segments cross block edges) and records.
RecordingHandler walk_bytes(std::string_view bytes, std::size_t block_size = 4096,
                            WalkStats* stats = nullptr);

std::string read_file(const std::string& path);

}  // namespace ordex::edi::testing
