#pragma once
// Finds the bytes of a segment that the element checks must treat specially: control
// characters (invalid in every data type), the component and repetition separators, and
// the release character.
//
// PERF NOTES
// - scan() looks at a whole segment at once, 16 bytes per SSE2 step (8 per SWAR step on
//   other targets, and for segments shorter than 16 bytes), with overlapping loads at the
//   end instead of a byte loop. Nearly every segment holds no control character, no
//   repetition separator and no release character: its values then need no byte-level
//   look at all, and are split at component separators with a plain loop.
// - classify() is the exact, byte-by-byte answer, kept for the values of the rare segment
//   scan() flags.
//
// Immutable once configured; cheap to copy.

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "edi/delimiters.h"

namespace ordex::edi {

class ByteScanner {
 public:
  enum Class : std::uint8_t { kControl = 1, kComponent = 2, kRepetition = 4, kRelease = 8 };

  struct SegmentBytes {
    bool dirty = false;       // may hold a control byte, repetition or release character
    bool components = false;  // holds a component separator
  };

  // `release` and `repetition` are 0 when the interchange has none.
  void configure(const Delimiters& d);

  SegmentBytes scan(std::string_view bytes) const {
    const char* p = bytes.data();
    std::size_t n = bytes.size();
#if defined(__SSE2__)
    if (n >= 16) {
      __m128i dirty = _mm_setzero_si128(), component = _mm_setzero_si128();
      for (;; p += 16, n -= 16) {
        const __m128i x =
            _mm_loadu_si128(reinterpret_cast<const __m128i*>(n > 16 ? p : p + n - 16));
        dirty = _mm_or_si128(dirty, dirty16(x));
        component = _mm_or_si128(component, _mm_cmpeq_epi8(x, component16_));
        if (n <= 16) break;  // that was the last 16 bytes, overlapping the ones before
      }
      return {_mm_movemask_epi8(dirty) != 0, _mm_movemask_epi8(component) != 0};
    }
#endif
    std::uint64_t dirty = 0, component = 0;
    const auto step = [&](std::uint64_t x) {
      dirty |= dirty8(x);
      component |= zero_byte(x ^ component8_);
    };
    if (n >= 8) {
      for (; n > 8; p += 8, n -= 8) step(load8(p));
      step(load8(p + n - 8));
    } else {
      step(load_short(p, n));
    }
    return {(dirty & kHigh) != 0, (component & kHigh) != 0};
  }

  // The exact classes of `value`'s bytes.
  std::uint8_t classify(std::string_view value) const {
    std::uint8_t seen = 0;
    for (char c : value) seen |= classes_[static_cast<unsigned char>(c)];
    return seen;
  }

 private:
  static constexpr std::uint64_t kOnes = 0x0101010101010101ull;
  static constexpr std::uint64_t kHigh = 0x8080808080808080ull;

  static std::uint64_t zero_byte(std::uint64_t v) { return (v - kOnes) & ~v; }  // & kHigh
  std::uint64_t dirty8(std::uint64_t x) const {
    // A byte < 0x20 (exact once masked with kHigh: bytes >= 0x80 never match), 0x7F, and
    // the repetition and release bytes (0 when absent: a NUL, already a control byte).
    return ((x - 0x20 * kOnes) & ~x) | zero_byte(x ^ (0x7F * kOnes)) | zero_byte(x ^ repetition8_) |
           zero_byte(x ^ release8_);
  }
  static std::uint64_t load8(const char* p) {
    std::uint64_t x;
    std::memcpy(&x, p, 8);
    return x;
  }
  // The n < 8 bytes at p by overlapping fixed-size loads; the bytes left over are 'A'.
  static std::uint64_t load_short(const char* p, std::size_t n) {
    std::uint32_t a = 0x41414141u, b = 0x41414141u;
    if (n >= 4) {
      std::memcpy(&a, p, 4);
      std::memcpy(&b, p + n - 4, 4);
    } else if (n >= 2) {
      std::uint16_t lo, hi;
      std::memcpy(&lo, p, 2);
      std::memcpy(&hi, p + n - 2, 2);
      a = lo | static_cast<std::uint32_t>(hi) << 16;
    } else if (n == 1) {
      a = 0x41414100u | static_cast<unsigned char>(p[0]);
    }
    return a | static_cast<std::uint64_t>(b) << 32;
  }
#if defined(__SSE2__)
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
  std::uint64_t component8_ = 0;
  std::uint64_t repetition8_ = 0;
  std::uint64_t release8_ = 0;
  std::array<std::uint8_t, 256> classes_{};
};

}  // namespace ordex::edi
