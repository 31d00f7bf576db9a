#include "edi/byte_scan.h"

namespace ordex::edi {

void ByteScanner::configure(const Delimiters& d, Kernel kernel) {
  kernel_ = kernel;
  classes_.fill(0);
  for (int c = 0; c < 0x20; ++c) classes_[static_cast<std::size_t>(c)] = kControl;
  classes_[0x7F] = kControl;
  const auto mark = [&](char c, Class cls) {
    if (c != 0) classes_[static_cast<unsigned char>(c)] |= cls;
  };
  mark(d.component, kComponent);
  mark(d.repetition, kRepetition);
  mark(d.release, kRelease);
  component_ = d.component;
#if defined(__SSE2__)
  component16_ = _mm_set1_epi8(d.component);
  repetition16_ = _mm_set1_epi8(d.repetition);
  release16_ = _mm_set1_epi8(d.release);
#endif
}

// The reference: the other kernels give the same answers (a NUL counts as a control byte
// whether or not the interchange has a repetition or release character).
ByteScanner::SegmentBytes ByteScanner::scan_scalar(std::string_view bytes,
                                                   ComponentMap& map) const {
  map.bytes = bytes.size() < ComponentMap::kMaxBytes ? bytes.size() : ComponentMap::kMaxBytes;
  for (std::size_t w = 0; w * 64 < map.bytes; ++w) map.words[w] = 0;
  std::uint8_t seen = 0;
  bool components = false;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const std::uint8_t c = classes_[static_cast<unsigned char>(bytes[i])];
    seen |= c;
    if (bytes[i] != component_) continue;
    components = true;
    if (i < map.bytes) map.words[i / 64] |= std::uint64_t{1} << (i % 64);
  }
  return {(seen & (kControl | kRepetition | kRelease)) != 0, components};
}

}  // namespace ordex::edi
