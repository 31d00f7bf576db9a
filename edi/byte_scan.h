#pragma once
// Finds the bytes of a segment that the element checks must treat specially: control
// characters (invalid in every data type), the component and repetition separators, and
// the release character.
//
// PERF NOTES
// - scan() looks at a whole segment at once, 16 bytes per SSE2 step, with an overlapping
//   load for the last bytes; a segment shorter than 16 bytes is assembled into one vector
//   from overlapping 8-, 4- and 2-byte loads (never reading past the segment), so every
//   segment takes the vector path. Nearly every segment holds no control character, no
//   repetition separator and no release character: its values then need no byte-level
//   look at all. Measured: the scan is ~9% of X12 validation time (validation without it
//   ran 9% faster). An AVX-512BW kernel (one masked 64-byte load per segment, no branch on
//   the length) measured the same as SSE2 in alternating runs of one binary, so it was
//   not kept. Tried and not kept either (round 2): marking these classes in bulk, 16 KiB
//   ahead, into a ring of 64-bit words indexed by file offset, which each segment then reads
//   with two word loads (the segment carrying a pointer to its reader's ring). In
//   instructions per segment (callgrind) the lookup plus the bulk pass cost more than this
//   scan, the validation timings did not improve, and the bigger Segment slowed the
//   tokenizer; folding the marks into stage 1 itself would still leave the per-segment
//   lookup. A second try of the AVX-512 kernel (one masked load per 64 bytes) cut the scan
//   from ~79 to ~25 instructions per segment but again measured no faster on Zen.
// - Round 3: a segment of at most 32 bytes that has 32 - n readable bytes of the reader's
//   buffer before it (every one but the first few of a buffer) is scanned with two loads
//   ending at its last byte and a shift, instead of the short-segment assembly or the
//   16-byte loop with its overlapping tail, whose branches follow the segment's length.
//   Callgrind (8 MB X12 file): the scan ~90 -> ~48 instructions a segment; EDIFACT's
//   validation 351.3M -> 340.6M instructions in all.
// - Round 4: the same for segments of 33 to 64 bytes, four loads ending at the last byte
//   (the reader's buffer nearly always has the 64 - n bytes before the segment), which took
//   the 16-byte loop with its overlapping tail, ~113 instructions a call, for a third of
//   the X12 benchmark's segments.
// - The same pass records where the component separators are, one bit per byte
//   (ComponentMap), so a composite is split by counting trailing zeros instead of by looking
//   for its separators byte by byte: EDIFACT, where most segments hold composites, spent a
//   fifth of its validation time in that byte loop.
// - classify() is the exact, byte-by-byte answer, kept for the values of the rare segment
//   scan() flags.
// - scan_scalar() is the reference (and what other targets than x86 use); the SSE2 kernel
//   gives the same answers, which a differential test of random segments checks.
//
// Immutable once configured; cheap to copy.

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "edi/delimiters.h"

namespace ordex::edi {

// Where the component separators of one segment are: bit i % 64 of words[i / 64] is set when
// byte i of the segment is one. Covers the segment's first kMaxBytes bytes.
struct ComponentMap {
  static constexpr std::size_t kWords = 8;
  static constexpr std::size_t kMaxBytes = kWords * 64;

  // Whether the `length` bytes from `offset` are covered and few enough for slice().
  bool covers(std::size_t offset, std::size_t length) const {
    return length <= 64 && offset + length <= bytes;
  }
  // The separators among the `length` bytes from `offset`, bit 0 for byte `offset`.
  // Precondition: covers(offset, length).
  std::uint64_t slice(std::size_t offset, std::size_t length) const {
    const std::size_t word = offset / 64, bit = offset % 64;
    std::uint64_t bits = words[word] >> bit;
    if (bit != 0 && bit + length > 64) bits |= words[word + 1] << (64 - bit);
    return length == 64 ? bits : bits & ((std::uint64_t{1} << length) - 1);
  }

  std::uint64_t words[kWords + 1] = {};
  std::size_t bytes = 0;  // how many bytes of the segment the words describe
};

class ByteScanner {
 public:
  enum Class : std::uint8_t { kControl = 1, kComponent = 2, kRepetition = 4, kRelease = 8 };
  enum class Kernel : std::uint8_t { kScalar, kSse2 };

  // The fastest kernel this build supports.
  static constexpr Kernel best_kernel() {
#if defined(__SSE2__)
    return Kernel::kSse2;
#else
    return Kernel::kScalar;
#endif
  }

  struct SegmentBytes {
    bool dirty = false;       // may hold a control byte, repetition or release character
    bool components = false;  // holds a component separator
  };

  // `release` and `repetition` are 0 when the interchange has none. Both kernels give the
  // same answers; kSse2 where the build has no SSE2 means kScalar.
  void configure(const Delimiters& d, Kernel kernel = best_kernel());

  // Scans a segment and fills `map` with where its component separators are.
  SegmentBytes scan(std::string_view bytes, ComponentMap& map) const {
#if defined(__SSE2__)
    if (kernel_ == Kernel::kSse2) return scan_sse2(bytes.data(), bytes.size(), map);
#endif
    return scan_scalar(bytes, map);
  }

  // The same, when the `before` bytes ahead of `bytes` may be read too (the reader's buffer
  // holds them): a segment of at most 32 bytes is then scanned with two loads that end at
  // its last byte, and one of 33 to 64 bytes with four, with no loop and no branch on the
  // length within each (see PERF NOTES).
  SegmentBytes scan(std::string_view bytes, std::size_t before, ComponentMap& map) const {
#if defined(__SSE2__)
    if (kernel_ == Kernel::kSse2 && before + bytes.size() >= 64) {
      if (bytes.size() <= 32) return scan_sse2_32(bytes.data() + bytes.size(), bytes.size(), map);
      if (bytes.size() <= 64) return scan_sse2_64(bytes.data() + bytes.size(), bytes.size(), map);
    } else if (kernel_ == Kernel::kSse2 && bytes.size() <= 32 && before + bytes.size() >= 32) {
      return scan_sse2_32(bytes.data() + bytes.size(), bytes.size(), map);
    }
#else
    (void)before;
#endif
    return scan(bytes, map);
  }

  // The exact classes of `value`'s bytes.
  std::uint8_t classify(std::string_view value) const {
    std::uint8_t seen = 0;
    for (char c : value) seen |= classes_[static_cast<unsigned char>(c)];
    return seen;
  }

 private:
  SegmentBytes scan_scalar(std::string_view bytes, ComponentMap& map) const;

#if defined(__SSE2__)
  SegmentBytes scan_sse2(const char* p, std::size_t n, ComponentMap& map) const {
    map.bytes = n < ComponentMap::kMaxBytes ? n : ComponentMap::kMaxBytes;
    if (n < 16) {
      const __m128i x = load_short(p, n);
      const unsigned valid = (1u << n) - 1;  // the padding never counts
      const unsigned components = movemask(_mm_cmpeq_epi8(x, component16_)) & valid;
      map.words[0] = components;
      return {(movemask(dirty16(x)) & valid) != 0, components != 0};
    }
    __m128i dirty = _mm_setzero_si128();
    std::uint64_t word = 0, any = 0;
    std::size_t at = 0;
    for (; at + 16 <= n; at += 16) {
      const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + at));
      dirty = _mm_or_si128(dirty, dirty16(x));
      word |= std::uint64_t{movemask(_mm_cmpeq_epi8(x, component16_))} << (at % 64);
      if (at % 64 == 48) store(map, at / 64, word, any);
    }
    if (at < n) {  // the last bytes, from a load that overlaps the ones before
      const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + n - 16));
      dirty = _mm_or_si128(dirty, dirty16(x));
      const unsigned seen = movemask(_mm_cmpeq_epi8(x, component16_)) >> (16 - (n - at));
      word |= std::uint64_t{seen} << (at % 64);
    }
    if (at % 64 != 0 || at < n) store(map, at / 64, word, any);
    return {movemask(dirty) != 0, any != 0};
  }

  // The n <= 32 bytes that end at `end`, from the two 16-byte loads that end there; the
  // 32 - n bytes they also cover, before the segment, are shifted out.
  SegmentBytes scan_sse2_32(const char* end, std::size_t n, ComponentMap& map) const {
    const __m128i lo = _mm_loadu_si128(reinterpret_cast<const __m128i*>(end - 32));
    const __m128i hi = _mm_loadu_si128(reinterpret_cast<const __m128i*>(end - 16));
    const std::uint64_t dirty = movemask(dirty16(lo)) | movemask(dirty16(hi)) << 16;
    const std::uint64_t components = movemask(_mm_cmpeq_epi8(lo, component16_)) |
                                     movemask(_mm_cmpeq_epi8(hi, component16_)) << 16;
    const unsigned before = static_cast<unsigned>(32 - n);
    map.bytes = n;
    map.words[0] = components >> before;
    return {(dirty >> before) != 0, map.words[0] != 0};
  }

  // The 33 <= n <= 64 bytes that end at `end`, from the four 16-byte loads that end there
  // (the 64 - n bytes before the segment are shifted out, as in scan_sse2_32()).
  SegmentBytes scan_sse2_64(const char* end, std::size_t n, ComponentMap& map) const {
    std::uint64_t dirty = 0, components = 0;
    for (int k = 0; k < 4; ++k) {
      const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(end - 64 + 16 * k));
      dirty |= std::uint64_t{movemask(dirty16(x))} << (16 * k);
      components |= std::uint64_t{movemask(_mm_cmpeq_epi8(x, component16_))} << (16 * k);
    }
    const unsigned before = static_cast<unsigned>(64 - n);  // < 32
    map.bytes = n;
    map.words[0] = components >> before;
    return {(dirty >> before) != 0, map.words[0] != 0};
  }

  static void store(ComponentMap& map, std::size_t index, std::uint64_t& word, std::uint64_t& any) {
    if (index < ComponentMap::kWords) map.words[index] = word;
    any |= word;
    word = 0;
  }
  static unsigned movemask(__m128i x) { return static_cast<unsigned>(_mm_movemask_epi8(x)); }

  // The n < 16 bytes at p in one vector, from overlapping fixed-size loads (never reading
  // past p + n); the bytes past n are 'A' (masked out by the caller anyway).
  static __m128i load_short(const char* p, std::size_t n) {
    constexpr std::uint64_t kPad = 0x4141414141414141ull;
    std::uint64_t lo = kPad, hi = kPad;
    if (n >= 8) {
      std::memcpy(&lo, p, 8);
      std::uint64_t last;
      std::memcpy(&last, p + n - 8, 8);                          // bytes n-8 .. n-1
      const unsigned shift = static_cast<unsigned>(16 - n) * 8;  // 8..64 bits
      hi = shift == 64 ? kPad : (last >> shift) | (kPad << (64 - shift));
    } else if (n >= 4) {
      std::uint32_t a, b;
      std::memcpy(&a, p, 4);
      std::memcpy(&b, p + n - 4, 4);
      lo = a | (std::uint64_t{b} << (8 * (n - 4))) | (kPad << (8 * n));
    } else if (n >= 2) {
      std::uint16_t a, b;
      std::memcpy(&a, p, 2);
      std::memcpy(&b, p + n - 2, 2);
      lo = a | (std::uint64_t{b} << (8 * (n - 2))) | (kPad << (8 * n));
    } else if (n == 1) {
      lo = static_cast<unsigned char>(p[0]) | (kPad << 8);
    }
    return _mm_set_epi64x(static_cast<long long>(hi), static_cast<long long>(lo));
  }

  __m128i dirty16(__m128i x) const {
    __m128i r = _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(0x1F)), x);  // x <= 0x1F
    r = _mm_or_si128(r, _mm_cmpeq_epi8(x, _mm_set1_epi8(0x7F)));
    r = _mm_or_si128(r, _mm_cmpeq_epi8(x, repetition16_));
    return _mm_or_si128(r, _mm_cmpeq_epi8(x, release16_));
  }

  __m128i component16_ = _mm_setzero_si128();
  __m128i repetition16_ = _mm_setzero_si128();
  __m128i release16_ = _mm_setzero_si128();
#endif
  Kernel kernel_ = Kernel::kScalar;
  char component_ = 0;
  std::array<std::uint8_t, 256> classes_{};
};

}  // namespace ordex::edi
