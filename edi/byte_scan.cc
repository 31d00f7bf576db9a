#include "edi/byte_scan.h"

namespace ordex::edi {

void ByteScanner::configure(const Delimiters& d) {
  classes_.fill(0);
  for (int c = 0; c < 0x20; ++c) classes_[static_cast<std::size_t>(c)] = kControl;
  classes_[0x7F] = kControl;
  const auto mark = [&](char c, Class cls) {
    if (c != 0) classes_[static_cast<unsigned char>(c)] |= cls;
  };
  mark(d.component, kComponent);
  mark(d.repetition, kRepetition);
  mark(d.release, kRelease);
  const auto broadcast = [](char c) { return kOnes * static_cast<unsigned char>(c); };
  component8_ = broadcast(d.component);
  repetition8_ = broadcast(d.repetition);
  release8_ = broadcast(d.release);
#if defined(__SSE2__)
  component16_ = _mm_set1_epi8(d.component);
  repetition16_ = _mm_set1_epi8(d.repetition);
  release16_ = _mm_set1_epi8(d.release);
#endif
}

}  // namespace ordex::edi
