// SSE2 / AVX2 kernels for index_structurals().
//
// Both kernels walk the piece in 64-byte blocks: compare with the segment terminator, the
// element separator and the release character, reduce each comparison to a 64-bit mask,
// clear the bits that releases escape, and write one offset per remaining bit. Only the
// last partial block goes to the scalar kernel.
//
// Releases are resolved on the masks, branch-free, instead of sending blocks that hold one
// to a slower path: EDIFACT free text can hold a release every hundred bytes or so, and
// restarting after each release nearly halved throughput on such text. The property test
// checks the bit arithmetic against the scalar kernel, including escapes across blocks and
// pieces.
//
// The AVX2 kernel carries per-function target attributes so the file builds for baseline
// x86-64 and the binary still runs on CPUs without AVX2; detect_best_kernel() chooses at run
// time. Off x86-64 every kernel is the scalar one.
#include <cstddef>
#include <cstdint>

#include "edi/structural_index_kernels.h"

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace ordex::edi::detail {

#if defined(__x86_64__)

namespace {

constexpr std::size_t kBlock = 64;
constexpr std::uint64_t kEvenBits = 0x5555555555555555;
constexpr std::uint64_t kOddBits = ~kEvenBits;

// Removes from `structural` the delimiters that releases turn into data, and the release
// characters themselves (which are never delimiters, even if one equals a delimiter).
// `pending` says the previous block ended on a release that escapes this block's first byte;
// on return it says the same of the next block.
//
// In a run of releases starting at s, the releases at s, s+2, ... escape the byte after them,
// so the byte after the run is escaped exactly when the run has odd length, i.e. when the
// position after the run has the other parity from s. Adding a run's start bit to the
// release mask carries through the run and lands on the position after it; doing that
// separately for runs that start on even and on odd bits lets a parity mask keep only the
// odd-length runs. A run that reaches the end of the block carries out of bit 63, and if
// it started on an odd bit its last release escapes the next block's first byte.
inline std::uint64_t unescaped(std::uint64_t structural, std::uint64_t release, bool& pending) {
  const std::uint64_t first = pending ? 1 : 0;
  const std::uint64_t escapers = release & ~first;  // an escaped release is plain data
  const std::uint64_t starts = escapers & ~(escapers << 1);
  std::uint64_t after_even_runs = 0;
  std::uint64_t after_odd_runs = 0;
  __builtin_add_overflow(escapers, starts & kEvenBits, &after_even_runs);
  pending = __builtin_add_overflow(escapers, starts & kOddBits, &after_odd_runs);
  const std::uint64_t escaped =
      first | (after_even_runs & ~escapers & kOddBits) | (after_odd_runs & ~escapers & kEvenBits);
  return structural & ~release & ~escaped;
}

// Bit positions of every byte value, for writing up to eight offsets with one store.
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

const __m128i* bit_positions(unsigned byte) {
  return reinterpret_cast<const __m128i*>(kBitPositions.pos[byte]);
}

// The kernel's end: the scalar kernel takes the partial block, starting with the escape
// state the blocks left.
inline std::size_t finish(std::size_t n, std::size_t pos, bool pending, const char* data,
                          std::size_t len, std::uint32_t base, const Delimiters& d,
                          IndexState& state, std::uint32_t* out) {
  state.escaped = pending;
  return n + index_scalar(data + pos, len - pos, base + static_cast<std::uint32_t>(pos), d, state,
                          out + n);
}

// ---- SSE2 ------------------------------------------------------------------------------

// The four 16-byte comparison results of a block as one 64-bit mask.
std::uint64_t sse2_mask(__m128i eq0, __m128i eq1, __m128i eq2, __m128i eq3) {
  auto bits = [](__m128i eq) {
    return std::uint64_t{static_cast<std::uint16_t>(_mm_movemask_epi8(eq))};
  };
  return bits(eq0) | bits(eq1) << 16 | bits(eq2) << 32 | bits(eq3) << 48;
}

// Writes `offset + i` for each set bit i of `bits` at out[n...] and returns the new count.
// Each mask byte becomes eight offsets written unconditionally, of which the table says how
// many are real, so no branch depends on the data. On X12 this measured 1.7x (SSE2) to 2x
// (AVX2) faster than a count-trailing-zeros loop per bit, with or without simdjson-style
// batches of eight unconditional stores, whose "more than eight?" branch mispredicts at
// EDI's density of about thirteen delimiters per 64 bytes. The extra stores land in the slack.
[[gnu::always_inline]] inline std::size_t sse2_emit(std::uint32_t* out, std::size_t n,
                                                    std::uint64_t bits, std::uint32_t offset) {
  std::uint32_t* p = out + n;
  const __m128i zero = _mm_setzero_si128();
  __m128i byte_offset = _mm_set1_epi32(static_cast<int>(offset));
#pragma GCC unroll 8
  for (int k = 0; k < 8; ++k, bits >>= 8) {
    const auto byte = static_cast<unsigned>(bits & 0xFF);
    const __m128i pos16 = _mm_unpacklo_epi8(_mm_loadl_epi64(bit_positions(byte)), zero);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(p),
                     _mm_add_epi32(_mm_unpacklo_epi16(pos16, zero), byte_offset));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(p + 4),
                     _mm_add_epi32(_mm_unpackhi_epi16(pos16, zero), byte_offset));
    p += kBitPositions.count[byte];
    byte_offset = _mm_add_epi32(byte_offset, _mm_set1_epi32(8));
  }
  return static_cast<std::size_t>(p - out);
}

template <bool kHasRelease>
std::size_t sse2_kernel(const char* data, std::size_t len, std::uint32_t base, const Delimiters& d,
                        IndexState& state, std::uint32_t* out) {
  const __m128i seg = _mm_set1_epi8(d.segment);
  const __m128i elem = _mm_set1_epi8(d.element);
  const __m128i rel = _mm_set1_epi8(d.release);
  std::size_t n = 0;
  std::size_t pos = 0;
  bool pending = state.escaped;
  auto either = [&](__m128i v) {
    return _mm_or_si128(_mm_cmpeq_epi8(v, seg), _mm_cmpeq_epi8(v, elem));
  };
  for (; len - pos >= kBlock; pos += kBlock) {
    const auto* p = reinterpret_cast<const __m128i*>(data + pos);
    const __m128i v0 = _mm_loadu_si128(p);
    const __m128i v1 = _mm_loadu_si128(p + 1);
    const __m128i v2 = _mm_loadu_si128(p + 2);
    const __m128i v3 = _mm_loadu_si128(p + 3);
    std::uint64_t structural = sse2_mask(either(v0), either(v1), either(v2), either(v3));
    std::uint64_t release = 0;
    if constexpr (kHasRelease) {
      release = sse2_mask(_mm_cmpeq_epi8(v0, rel), _mm_cmpeq_epi8(v1, rel), _mm_cmpeq_epi8(v2, rel),
                          _mm_cmpeq_epi8(v3, rel));
    }
    structural = unescaped(structural, release, pending);
    n = sse2_emit(out, n, structural, base + static_cast<std::uint32_t>(pos));
  }
  return finish(n, pos, pending, data, len, base, d, state, out);
}

// ---- AVX2 ------------------------------------------------------------------------------

#define ORDEX_TARGET_AVX2 __attribute__((target("avx2,bmi,bmi2,popcnt")))

ORDEX_TARGET_AVX2 std::uint64_t avx2_mask(__m256i lo_eq, __m256i hi_eq) {
  const auto lo = static_cast<std::uint32_t>(_mm256_movemask_epi8(lo_eq));
  const auto hi = static_cast<std::uint32_t>(_mm256_movemask_epi8(hi_eq));
  return std::uint64_t{hi} << 32 | lo;
}

// sse2_emit() with one widening load and one store per mask byte.
ORDEX_TARGET_AVX2 std::size_t avx2_emit(std::uint32_t* out, std::size_t n, std::uint64_t bits,
                                        std::uint32_t offset) {
  std::uint32_t* p = out + n;
  __m256i byte_offset = _mm256_set1_epi32(static_cast<int>(offset));
#pragma GCC unroll 8
  for (int k = 0; k < 8; ++k, bits >>= 8) {
    const auto byte = static_cast<unsigned>(bits & 0xFF);
    const __m256i positions = _mm256_cvtepu8_epi32(_mm_loadl_epi64(bit_positions(byte)));
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(p), _mm256_add_epi32(positions, byte_offset));
    p += _mm_popcnt_u32(byte);
    byte_offset = _mm256_add_epi32(byte_offset, _mm256_set1_epi32(8));
  }
  return static_cast<std::size_t>(p - out);
}

template <bool kHasRelease>
ORDEX_TARGET_AVX2 std::size_t avx2_kernel(const char* data, std::size_t len, std::uint32_t base,
                                          const Delimiters& d, IndexState& state,
                                          std::uint32_t* out) {
  const __m256i seg = _mm256_set1_epi8(d.segment);
  const __m256i elem = _mm256_set1_epi8(d.element);
  const __m256i rel = _mm256_set1_epi8(d.release);
  std::size_t n = 0;
  std::size_t pos = 0;
  bool pending = state.escaped;
  for (; len - pos >= kBlock; pos += kBlock) {
    const __m256i lo = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(data + pos));
    const __m256i hi = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(data + pos + 32));
    std::uint64_t structural =
        avx2_mask(_mm256_or_si256(_mm256_cmpeq_epi8(lo, seg), _mm256_cmpeq_epi8(lo, elem)),
                  _mm256_or_si256(_mm256_cmpeq_epi8(hi, seg), _mm256_cmpeq_epi8(hi, elem)));
    std::uint64_t release = 0;
    if constexpr (kHasRelease) {
      release = avx2_mask(_mm256_cmpeq_epi8(lo, rel), _mm256_cmpeq_epi8(hi, rel));
    }
    structural = unescaped(structural, release, pending);
    n = avx2_emit(out, n, structural, base + static_cast<std::uint32_t>(pos));
  }
  return finish(n, pos, pending, data, len, base, d, state, out);
}

}  // namespace

// Without a release character no byte is ever escaped, so the kernels skip that comparison
// (a pending escape from the caller is still honoured).
std::size_t index_sse2(const char* data, std::size_t len, std::uint32_t base, const Delimiters& d,
                       IndexState& state, std::uint32_t* out) {
  if (d.release != 0) return sse2_kernel<true>(data, len, base, d, state, out);
  return sse2_kernel<false>(data, len, base, d, state, out);
}

ORDEX_TARGET_AVX2 std::size_t index_avx2(const char* data, std::size_t len, std::uint32_t base,
                                         const Delimiters& d, IndexState& state,
                                         std::uint32_t* out) {
  if (d.release != 0) return avx2_kernel<true>(data, len, base, d, state, out);
  return avx2_kernel<false>(data, len, base, d, state, out);
}

#undef ORDEX_TARGET_AVX2

IndexKernel detect_best_kernel() {
  // Needed when the first call comes from a static initializer that runs before libgcc has
  // filled in its CPU model; harmless otherwise.
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi") &&
      __builtin_cpu_supports("bmi2") && __builtin_cpu_supports("popcnt")) {
    return IndexKernel::kAvx2;
  }
  return IndexKernel::kSse2;  // every x86-64 CPU has SSE2
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
