#pragma once
// A segment as views into the reader's buffer.
//
// Lifetime: a Segment and every string_view it hands out point into the SegmentReader's
// buffer and stay valid only until the next call to SegmentReader::next(). Copy what you
// need to keep.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "edi/delimiters.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace ordex::edi {

// A tag of up to three bytes as one integer, so the hot path compares tags with one
// instruction instead of a memcmp. Longer tags (not valid in X12 or EDIFACT) map to 0.
constexpr std::uint32_t tag_code(std::string_view tag) {
  if (tag.size() > 3) return 0;
  std::uint32_t code = static_cast<std::uint32_t>(tag.size()) << 24;
  for (std::size_t i = 0; i < tag.size(); ++i) {
    code |= static_cast<std::uint32_t>(static_cast<unsigned char>(tag[i])) << (16 - 8 * i);
  }
  return code;
}

class Segment {
 public:
  Segment() = default;
  // `separators` holds the buffer offsets of the element separators of this segment followed
  // by the offset of its terminator; `start` is the buffer offset of the tag.
  Segment(const char* buffer, std::uint32_t start, const std::uint32_t* separators,
          std::uint32_t separator_count, std::uint64_t file_offset)
      : buffer_(buffer),
        start_(start),
        separators_(separators),
        count_(separator_count),
        tag_code_(compute_tag_code()),
        file_offset_(file_offset) {}

  std::string_view tag() const { return view(start_, separators_[0]); }
  // Same as edi::tag_code(tag()); worked out once, when the reader makes the segment, since
  // the walker and the validator both dispatch on it.
  std::uint32_t tag_code() const { return tag_code_; }

  // Number of data elements, counting empty ones between separators (not the tag).
  std::size_t size() const { return count_ - 1; }

  // Element i, counting from 1 as the standards do; empty when absent.
  std::string_view element(std::size_t i) const {
    if (i == 0 || i >= count_) return {};
    return view(separators_[i - 1] + 1, separators_[i]);
  }

  // The whole segment without its terminator.
  std::string_view raw() const { return view(start_, separators_[count_ - 1]); }

  // For loops over every element (the element checks): element i, 1 <= i <= size(), is
  // the bytes of buffer() from separators()[i - 1] + 1 up to separators()[i].
  const char* buffer() const { return buffer_; }
  const std::uint32_t* separators() const { return separators_; }

  // Byte offset of the tag in the input file.
  std::uint64_t file_offset() const { return file_offset_; }

 private:
  std::string_view view(std::uint32_t from, std::uint32_t to) const {
    return {buffer_ + from, static_cast<std::size_t>(to - from)};
  }

  // edi::tag_code(tag()) without a loop, and without a branch on the length of a two- or
  // three-byte tag (X12 mixes both, so such a branch mispredicts). Reads only bytes of the
  // segment: p[1] is at most the separator after a one-byte tag, p[len - 1] is the tag's
  // last byte; the bytes past the tag are masked off.
  std::uint32_t compute_tag_code() const {
    const std::uint32_t len = separators_[0] - start_;
    if (len - 1 > 2) return edi::tag_code(tag());  // 0 or more than 3 bytes: rare
    const auto* p = reinterpret_cast<const unsigned char*>(buffer_ + start_);
    const std::uint32_t bytes =
        std::uint32_t{p[0]} << 16 | std::uint32_t{p[1]} << 8 | std::uint32_t{p[len - 1]};
    const std::uint32_t keep = (0xFFFFFFu << (8 * (3 - len))) & 0xFFFFFFu;
    return (len << 24) | (bytes & keep);
  }

  const char* buffer_ = nullptr;
  std::uint32_t start_ = 0;
  const std::uint32_t* separators_ = nullptr;
  std::uint32_t count_ = 0;
  std::uint32_t tag_code_ = 0;
  std::uint64_t file_offset_ = 0;
};

// Splits a composite element or a repeating element. `separator` is the component or
// repetition separator; a byte escaped by `release` (0 = none) does not split.
// Part `n` counts from 1; empty when absent.
std::string_view part(std::string_view value, std::size_t n, char separator, char release);

// Number of parts `value` splits into (1 for a value without separators, 0 for empty).
std::size_t part_count(std::string_view value, char separator, char release);

// Where `separator` is in a short value, bit i for value[i], from one vector compare: for the
// few composites split once a message (UNH S009, by the walker and the CONTRL builder),
// where a byte loop with a release test per byte cost ~2 % of EDIFACT tokenize + walk time.
// Only for a value of 1 to 16 bytes that holds no `release` (0: none) and has at least
// 16 - size() readable bytes ahead of it (`before`); nothing otherwise, and the caller splits
// it byte by byte.
// Inline (round 7): out of line, GCC built the returned optional on the stack with a 4-byte
// and a 1-byte store and read it back as one 8-byte word, a failed store forwarding that
// stalled every call (the function's `ret` held ~3 % of EDIFACT tokenize + walk samples,
// perf); inlined, the optional stays in registers.
inline std::optional<std::uint32_t> short_value_separators(std::string_view value,
                                                           std::size_t before, char separator,
                                                           char release) {
#if defined(__SSE2__)
  if (value.empty() || value.size() > 16 || before < 16 - value.size()) return std::nullopt;
  // The 16 bytes that end where the value ends; the 16 - size() ahead of it are shifted out.
  const __m128i x =
      _mm_loadu_si128(reinterpret_cast<const __m128i*>(value.data() + value.size() - 16));
  const auto where = [&](char c) {
    return static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8(c)))) >>
           (16 - value.size());
  };
  if (release != 0 && where(release) != 0) return std::nullopt;
  return where(separator);
#else
  (void)value, (void)before, (void)separator, (void)release;
  return std::nullopt;
#endif
}

// The value with release characters removed. Allocates; call only when the value is needed
// as text and may contain `release`.
std::string unescape(std::string_view value, char release);

}  // namespace ordex::edi
