// Fuzzes the reader and the envelope walker on any bytes, and checks the fast delimiter
// index against the scalar reference: both readers must produce the same segments.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "edi/byte_source.h"
#include "edi/envelope_walker.h"
#include "edi/segment_reader.h"

namespace {

using namespace ordex::edi;

// Not contiguous: makes the reader take its buffered path.
class StreamedSource final : public ByteSource {
 public:
  explicit StreamedSource(std::string_view bytes) : inner_(bytes) {}
  std::size_t read(char* dst, std::size_t n) override {
    return inner_.read(dst, n < 333 ? n : 333);
  }

 private:
  MemorySource inner_;
};

// block 0: read in place; otherwise streamed through a buffer of `block` bytes.
std::vector<std::string> segments(std::string_view bytes, const Delimiters& d, IndexKernel kernel,
                                  std::size_t block) {
  MemorySource memory(bytes);
  StreamedSource streamed(bytes);
  ByteSource& source = block == 0 ? static_cast<ByteSource&>(memory) : streamed;
  SegmentReaderOptions options;
  options.kernel = kernel;
  options.block_size = block == 0 ? 4096 : block;
  options.index_chunk = 256;
  options.max_segment = 1 << 16;
  SegmentReader reader(source, options);
  reader.set_delimiters(d);
  std::vector<std::string> out;
  Segment seg;
  SegmentReader::Next next;
  while ((next = reader.next(seg)) == SegmentReader::Next::kSegment) {
    std::string line(seg.tag());
    for (std::size_t i = 1; i <= seg.size(); ++i) line.append("|").append(seg.element(i));
    out.push_back(std::move(line));
  }
  out.push_back("end " + std::to_string(static_cast<int>(next)));
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);

  // 1. The walker survives any bytes.
  {
    MemorySource source(bytes);
    SegmentReaderOptions options;
    options.block_size = 4096;
    options.max_segment = 1 << 16;
    SegmentReader reader(source, options);
    EnvelopeHandler ignore;
    walk_envelopes(reader, ignore, "fuzz");
  }

  // 2. Differential: the dispatched kernel agrees with the scalar one, delimiters taken from
  // the first bytes so the fuzzer explores them too.
  if (size < 4) return 0;
  Delimiters d;
  d.segment = bytes[0];
  d.element = bytes[1];
  d.release = bytes[2] == bytes[0] || bytes[2] == bytes[1] ? 0 : bytes[2];
  const std::string_view body = bytes.substr(3);
  if (d.segment == d.element) return 0;
  // Scalar kernel streamed vs the dispatched kernel read in place: same segments, same end.
  if (segments(body, d, IndexKernel::kScalar, 4096) != segments(body, d, best_index_kernel(), 0)) {
    std::abort();
  }
  return 0;
}
