#include "test_handler.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <sstream>

#include "edi/byte_source.h"

namespace ordex::edi::testing {

void RecordingHandler::begin_interchange(const InterchangeHeader& h) {
  events.push_back("ISA " + h.control_number);
  interchanges.push_back(h);
}
void RecordingHandler::begin_group(const GroupHeader& h) {
  events.push_back("GS " + h.control_number);
}
void RecordingHandler::begin_transaction(const TransactionHeader& h) {
  events.push_back("ST " + h.set_id + " " + h.control_number + " " + h.version);
}
void RecordingHandler::transaction_segment(const Segment& s, std::uint32_t position) {
  events.push_back("SEG " + std::to_string(position) + " " + std::string(s.tag()));
}
void RecordingHandler::interchange_segment(const Segment& s) {
  events.push_back("OUT " + std::string(s.tag()));
}
void RecordingHandler::end_transaction(const TransactionSummary& s) {
  events.push_back("SE " + std::to_string(s.segment_count) +
                   (s.trailer_seen ? " trailer" : " open"));
}
void RecordingHandler::end_group(const GroupSummary& s) {
  events.push_back("GE " + std::to_string(s.transactions) +
                   (s.trailer_seen ? " trailer" : " open"));
}
void RecordingHandler::end_interchange(const InterchangeSummary& s) {
  events.push_back("IEA " + std::to_string(s.groups) + (s.trailer_seen ? " trailer" : " open"));
}
void RecordingHandler::finding(const Finding& f) {
  findings.push_back(f);
  events.push_back("! " + f.code.str());
}

std::vector<std::string> RecordingHandler::codes() const {
  std::vector<std::string> out;
  for (const Finding& f : findings) out.push_back(f.code.str());
  return out;
}

std::size_t TrickleSource::read(char* dst, std::size_t n) {
  const std::size_t count = std::min({n, step_, bytes_.size() - pos_});
  std::memcpy(dst, bytes_.data() + pos_, count);
  pos_ += count;
  return count;
}

RecordingHandler walk_bytes(std::string_view bytes, std::size_t block_size, WalkStats* stats) {
  TrickleSource source(bytes, 777);
  SegmentReaderOptions options;
  options.block_size = block_size;
  options.index_chunk = 1024;
  SegmentReader reader(source, options);
  RecordingHandler handler;
  const WalkStats s = walk_envelopes(reader, handler, "test");
  if (stats) *stats = s;
  return handler;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace ordex::edi::testing
