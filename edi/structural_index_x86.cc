// SSE2 / AVX2 kernels for index_structurals().
//
// Both kernels share one shape: load a block, compare it with the segment terminator and the
// element separator, turn the matches into a bitmask and emit an offset per set bit. A block
// that holds a release character emits only the offsets before the first release and then
// restarts just past the byte that release escapes, so the escape rules stay in one place
// (this file never reasons about runs of releases) and a release costs one extra block load.
// The last partial block goes to the scalar kernel.
//
// The AVX2 kernel carries per-function target attributes so this file builds for baseline
// x86-64 and the binary still runs on CPUs without AVX2; detect_best_kernel() picks at run
// time. Elsewhere every kernel is the scalar one.
#include <cstddef>
#include <cstdint>

#include "edi/structural_index_kernels.h"

#if defined(__x86_64__)
#include <immintrin.h>
#endif

#ifndef ORDEX_EMIT_MODE
#define ORDEX_EMIT_MODE 1
#endif
#ifndef ORDEX_SSE2_WIDE
#define ORDEX_SSE2_WIDE 1
#endif

namespace ordex::edi::detail {

#if defined(__x86_64__)

namespace {

// Index of the lowest set bit; any value when `bits` is 0. Setting bit 63 keeps the builtin
// defined for 0 without BMI (a set bit 63 changes nothing when a lower bit is set, and if
// bit 63 is the only one the answer is 63 anyway).
inline unsigned lowest_bit(std::uint64_t bits) {
  return static_cast<unsigned>(__builtin_ctzll(bits | (std::uint64_t{1} << 63)));
}

inline std::uint64_t bits_below(unsigned pos) { return (std::uint64_t{1} << pos) - 1; }

// Writes `offset + i` for every set bit i of `bits` at out[n...] and returns the new count.
// One store per offset; for the few offsets before a release.
inline std::size_t emit_exact(std::uint32_t* out, std::size_t n, std::uint64_t bits,
                              std::uint32_t offset) {
  while (bits != 0) {
    out[n++] = offset + lowest_bit(bits);
    bits &= bits - 1;
  }
  return n;
}

// Same as emit_exact() for a whole block. Stores eight offsets per round whatever the count,
// so the common case has no branch per bit; the extra stores land in the slack and are
// overwritten by the next block.
struct BitPositions {
  std::uint8_t pos[256][8] = {};
  std::uint8_t count[256] = {};
};

constexpr BitPositions make_bit_positions() {
  BitPositions t;
  for (int b = 0; b < 256; ++b) {
    for (int i = 0; i < 8; ++i) {
      if (b & (1 << i)) t.pos[b][t.count[b]++] = static_cast<std::uint8_t>(i);
    }
  }
  return t;
}

alignas(64) constexpr BitPositions kBitPositions = make_bit_positions();

inline std::size_t emit_block(std::uint32_t* out, std::size_t n, std::uint64_t bits,
                              std::uint32_t offset) {
#if ORDEX_EMIT_MODE == 2
  std::uint32_t* p = out + n;
  const __m128i zero = _mm_setzero_si128();
  __m128i lo_base = _mm_add_epi32(_mm_set1_epi32(static_cast<int>(offset)), _mm_setzero_si128());
  const __m128i step = _mm_set1_epi32(8);
  for (int k = 0; k < 8; ++k) {
    const unsigned byte = static_cast<unsigned>(bits >> (8 * k)) & 0xFF;
    const __m128i idx8 = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(kBitPositions.pos[byte]));
    const __m128i idx16 = _mm_unpacklo_epi8(idx8, zero);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(p), _mm_add_epi32(_mm_unpacklo_epi16(idx16, zero), lo_base));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(p + 4), _mm_add_epi32(_mm_unpackhi_epi16(idx16, zero), lo_base));
    p += kBitPositions.count[byte];
    lo_base = _mm_add_epi32(lo_base, step);
  }
  return static_cast<std::size_t>(p - out);
#elif ORDEX_EMIT_MODE == 0
  return emit_exact(out, n, bits, offset);
#else
  const auto count = static_cast<std::size_t>(__builtin_popcountll(bits));
  std::uint32_t* p = out + n;
  for (int k = 0; k < 8; ++k) {
    p[k] = offset + lowest_bit(bits);
    bits &= bits - 1;
  }
  if (count > 8) {
    for (int k = 8; k < 16; ++k) {
      p[k] = offset + lowest_bit(bits);
      bits &= bits - 1;
    }
    emit_exact(p, 16, bits, offset);
  }
  return n + count;
#endif
}

// Where a kernel is in its piece.
struct Cursor {
  std::size_t pos = 0;  // next byte to look at
  std::size_t n = 0;    // offsets written so far
};

// Consumes the block at `cur.pos` whose structural bitmask is `structural` and whose release
// bitmask is `release` (nonzero). Returns false when the piece ends on that release.
inline bool step_past_release(Cursor& cur, std::uint64_t structural, std::uint64_t release,
                              std::size_t len, std::uint32_t base, IndexState& state,
                              std::uint32_t* out) {
  const unsigned r = lowest_bit(release);
  const auto offset = base + static_cast<std::uint32_t>(cur.pos);
  cur.n = emit_exact(out, cur.n, structural & bits_below(r), offset);
  const std::size_t escaped = cur.pos + r + 1;
  if (escaped == len) {
    state.escaped = true;
    return false;
  }
  cur.pos = escaped + 1;
  return true;
}

// A pending escape from the previous piece swallows this piece's first byte; the block loops
// then start with no escape in flight.
inline Cursor start(std::size_t len, IndexState& state) {
  Cursor cur;
  if (state.escaped && len > 0) {
    state.escaped = false;
    cur.pos = 1;
  }
  return cur;
}

inline std::size_t finish(const Cursor& cur, const char* data, std::size_t len, std::uint32_t base,
                          const Delimiters& d, IndexState& state, std::uint32_t* out) {
  return cur.n + index_scalar(data + cur.pos, len - cur.pos,
                              base + static_cast<std::uint32_t>(cur.pos), d, state, out + cur.n);
}

// ---- SSE2 ------------------------------------------------------------------------------

inline std::uint64_t sse2_match(__m128i block, __m128i a, __m128i b) {
  const __m128i eq = _mm_or_si128(_mm_cmpeq_epi8(block, a), _mm_cmpeq_epi8(block, b));
  return static_cast<std::uint32_t>(_mm_movemask_epi8(eq));
}

inline std::uint64_t sse2_match(__m128i block, __m128i a) {
  return static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(block, a)));
}

#if ORDEX_SSE2_WIDE
constexpr std::size_t kSse2Block = 64;
#else
constexpr std::size_t kSse2Block = 16;
#endif

template <bool kHasRelease>
std::size_t sse2_loop(const char* data, std::size_t len, std::uint32_t base, const Delimiters& d,
                      IndexState& state, std::uint32_t* out) {
  Cursor cur = start(len, state);
  const __m128i seg = _mm_set1_epi8(d.segment);
  const __m128i elem = _mm_set1_epi8(d.element);
  const __m128i rel = _mm_set1_epi8(d.release);
  while (len - cur.pos >= kSse2Block) {
    const char* p = data + cur.pos;
    std::uint64_t structural = 0;
    std::uint64_t release = 0;
    for (std::size_t k = 0; k < kSse2Block / 16; ++k) {
      const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
      structural |= sse2_match(block, seg, elem) << (16 * k);
      if constexpr (kHasRelease) release |= sse2_match(block, rel) << (16 * k);
    }
    if (kHasRelease && release != 0) {
      if (!step_past_release(cur, structural, release, len, base, state, out)) return cur.n;
      continue;
    }
    cur.n = emit_block(out, cur.n, structural, base + static_cast<std::uint32_t>(cur.pos));
    cur.pos += kSse2Block;
  }
  return finish(cur, data, len, base, d, state, out);
}

// ---- AVX2 ------------------------------------------------------------------------------

#define ORDEX_AVX2 __attribute__((target("avx2,bmi,bmi2,popcnt")))

ORDEX_AVX2 inline std::uint64_t avx2_mask(__m256i eq) {
  return static_cast<std::uint32_t>(_mm256_movemask_epi8(eq));
}

constexpr std::size_t kAvx2Block = 64;

template <bool kHasRelease>
ORDEX_AVX2 std::size_t avx2_loop(const char* data, std::size_t len, std::uint32_t base,
                                 const Delimiters& d, IndexState& state, std::uint32_t* out) {
  Cursor cur = start(len, state);
  const __m256i seg = _mm256_set1_epi8(d.segment);
  const __m256i elem = _mm256_set1_epi8(d.element);
  const __m256i rel = _mm256_set1_epi8(d.release);
  while (len - cur.pos >= kAvx2Block) {
    const char* p = data + cur.pos;
    const __m256i lo = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
    const __m256i hi = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 32));
    const std::uint64_t structural =
        avx2_mask(_mm256_or_si256(_mm256_cmpeq_epi8(lo, seg), _mm256_cmpeq_epi8(lo, elem))) |
        avx2_mask(_mm256_or_si256(_mm256_cmpeq_epi8(hi, seg), _mm256_cmpeq_epi8(hi, elem))) << 32;
    if constexpr (kHasRelease) {
      const std::uint64_t release =
          avx2_mask(_mm256_cmpeq_epi8(lo, rel)) | avx2_mask(_mm256_cmpeq_epi8(hi, rel)) << 32;
      if (release != 0) {
        if (!step_past_release(cur, structural, release, len, base, state, out)) return cur.n;
        continue;
      }
    }
    cur.n = emit_block(out, cur.n, structural, base + static_cast<std::uint32_t>(cur.pos));
    cur.pos += kAvx2Block;
  }
  return finish(cur, data, len, base, d, state, out);
}

}  // namespace

std::size_t index_sse2(const char* data, std::size_t len, std::uint32_t base, const Delimiters& d,
                       IndexState& state, std::uint32_t* out) {
  if (d.release != 0) return sse2_loop<true>(data, len, base, d, state, out);
  return sse2_loop<false>(data, len, base, d, state, out);
}

ORDEX_AVX2 std::size_t index_avx2(const char* data, std::size_t len, std::uint32_t base,
                                  const Delimiters& d, IndexState& state, std::uint32_t* out) {
  if (d.release != 0) return avx2_loop<true>(data, len, base, d, state, out);
  return avx2_loop<false>(data, len, base, d, state, out);
}

IndexKernel detect_best_kernel() {
  // Also safe when this runs from a static initializer, before libgcc has filled in its model.
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi") &&
      __builtin_cpu_supports("bmi2") && __builtin_cpu_supports("popcnt")) {
    return IndexKernel::kAvx2;
  }
  return IndexKernel::kSse2;  // part of x86-64 itself
}

#else  // !defined(__x86_64__)

std::size_t index_sse2(const char* data, std::size_t len, std::uint32_t base, const Delimiters& d,
                       IndexState& state, std::uint32_t* out) {
  return index_scalar(data, len, base, d, state, out);
}

std::size_t index_avx2(const char* data, std::size_t len, std::uint32_t base, const Delimiters& d,
                       IndexState& state, std::uint32_t* out) {
  return index_scalar(data, len, base, d, state, out);
}

IndexKernel detect_best_kernel() { return IndexKernel::kScalar; }

#endif  // defined(__x86_64__)

}  // namespace ordex::edi::detail
