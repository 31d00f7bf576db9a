// SSE2, AVX2 and AVX-512 kernels for index_structurals().
//
// Every kernel walks the piece in 64-byte blocks: compare with the segment terminator, the
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
// The AVX2 and AVX-512 kernels carry per-function target attributes so the file builds for baseline
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
//
// Round 6: a block with no release character that follows no pending escape (nearly every
// block, even of EDIFACT free text) returns at once. Its ~12 operations, and the chain of
// carries through `pending` from one block to the next, were paid on every block of every
// interchange that declares a release character.
inline std::uint64_t unescaped(std::uint64_t structural, std::uint64_t release, bool& pending) {
  if ((release | static_cast<std::uint64_t>(pending)) == 0) return structural;
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
inline IndexCounts finish(IndexCounts n, std::size_t pos, bool pending, const char* data,
                          std::size_t len, std::uint32_t base, const Delimiters& d,
                          IndexState& state, const IndexOutput& out) {
  state.escaped = pending;
  IndexOutput rest;
  rest.offsets = out.offsets + n.offsets;
  if (out.terminators != nullptr) {
    rest.terminators = out.terminators + n.terminators;
    rest.first_rank = out.first_rank + static_cast<std::uint32_t>(n.offsets);
  }
  const IndexCounts tail =
      index_scalar(data + pos, len - pos, base + static_cast<std::uint32_t>(pos), d, state, rest);
  return {n.offsets + tail.offsets, n.terminators + tail.terminators};
}

// Writes the rank of each terminator of a block: `rank` (the count of offsets written before
// the block) plus the number of structural bits below the terminator's bit. Four are written
// whatever the count (the extra ones land in the slack and are overwritten), so the usual
// block, with two or three segment ends, takes no branch that depends on the data; a fifth
// and more go through the loop.
[[gnu::always_inline]] inline std::size_t emit_ranks(std::uint32_t* out, std::size_t t,
                                                     std::uint64_t terminators,
                                                     std::uint64_t structural, std::uint32_t rank) {
  std::uint32_t* p = out + t;
  const auto count = static_cast<std::size_t>(__builtin_popcountll(terminators));
  auto one = [&] {
    const std::uint64_t below = (terminators & (0 - terminators)) - 1;
    *p++ = rank + static_cast<std::uint32_t>(__builtin_popcountll(structural & below));
    terminators &= terminators - 1;
  };
  one();
  one();
  one();
  one();
  if (count > 4) {
    while (terminators != 0) one();
  }
  return t + count;
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

template <bool kHasRelease, bool kRanks>
IndexCounts sse2_kernel(const char* data, std::size_t len, std::uint32_t base, const Delimiters& d,
                        IndexState& state, const IndexOutput& out) {
  const __m128i seg = _mm_set1_epi8(d.segment);
  const __m128i elem = _mm_set1_epi8(d.element);
  const __m128i rel = _mm_set1_epi8(d.release);
  IndexCounts n;
  std::size_t pos = 0;
  bool pending = state.escaped;
  auto either = [&](__m128i v) {
    return _mm_or_si128(_mm_cmpeq_epi8(v, seg), _mm_cmpeq_epi8(v, elem));
  };
  auto mask = [](__m128i v0, __m128i v1, __m128i v2, __m128i v3, __m128i c) {
    return sse2_mask(_mm_cmpeq_epi8(v0, c), _mm_cmpeq_epi8(v1, c), _mm_cmpeq_epi8(v2, c),
                     _mm_cmpeq_epi8(v3, c));
  };
  for (; len - pos >= kBlock; pos += kBlock) {
    const auto* p = reinterpret_cast<const __m128i*>(data + pos);
    const __m128i v0 = _mm_loadu_si128(p);
    const __m128i v1 = _mm_loadu_si128(p + 1);
    const __m128i v2 = _mm_loadu_si128(p + 2);
    const __m128i v3 = _mm_loadu_si128(p + 3);
    std::uint64_t terminators = 0;
    std::uint64_t structural;
    if constexpr (kRanks) {
      terminators = mask(v0, v1, v2, v3, seg);
      structural = terminators | mask(v0, v1, v2, v3, elem);
    } else {
      structural = sse2_mask(either(v0), either(v1), either(v2), either(v3));
    }
    std::uint64_t release = 0;
    if constexpr (kHasRelease) release = mask(v0, v1, v2, v3, rel);
    structural = unescaped(structural, release, pending);
    if constexpr (kRanks) {
      n.terminators =
          emit_ranks(out.terminators, n.terminators, terminators & structural, structural,
                     out.first_rank + static_cast<std::uint32_t>(n.offsets));
    }
    n.offsets =
        sse2_emit(out.offsets, n.offsets, structural, base + static_cast<std::uint32_t>(pos));
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

template <bool kHasRelease, bool kRanks>
ORDEX_TARGET_AVX2 IndexCounts avx2_kernel(const char* data, std::size_t len, std::uint32_t base,
                                          const Delimiters& d, IndexState& state,
                                          const IndexOutput& out) {
  const __m256i seg = _mm256_set1_epi8(d.segment);
  const __m256i elem = _mm256_set1_epi8(d.element);
  const __m256i rel = _mm256_set1_epi8(d.release);
  IndexCounts n;
  std::size_t pos = 0;
  bool pending = state.escaped;
  for (; len - pos >= kBlock; pos += kBlock) {
    const __m256i lo = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(data + pos));
    const __m256i hi = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(data + pos + 32));
    const __m256i lo_seg = _mm256_cmpeq_epi8(lo, seg);
    const __m256i hi_seg = _mm256_cmpeq_epi8(hi, seg);
    std::uint64_t structural = avx2_mask(_mm256_or_si256(lo_seg, _mm256_cmpeq_epi8(lo, elem)),
                                         _mm256_or_si256(hi_seg, _mm256_cmpeq_epi8(hi, elem)));
    std::uint64_t release = 0;
    if constexpr (kHasRelease) {
      release = avx2_mask(_mm256_cmpeq_epi8(lo, rel), _mm256_cmpeq_epi8(hi, rel));
    }
    structural = unescaped(structural, release, pending);
    if constexpr (kRanks) {
      n.terminators =
          emit_ranks(out.terminators, n.terminators, avx2_mask(lo_seg, hi_seg) & structural,
                     structural, out.first_rank + static_cast<std::uint32_t>(n.offsets));
    }
    n.offsets =
        avx2_emit(out.offsets, n.offsets, structural, base + static_cast<std::uint32_t>(pos));
  }
  return finish(n, pos, pending, data, len, base, d, state, out);
}

}  // namespace

// Without a release character no byte is ever escaped, so the kernels skip that comparison
// (a pending escape from the caller is still honoured).
IndexCounts index_sse2(const char* data, std::size_t len, std::uint32_t base, const Delimiters& d,
                       IndexState& state, const IndexOutput& out) {
  const bool ranks = out.terminators != nullptr;
  if (d.release != 0) {
    return ranks ? sse2_kernel<true, true>(data, len, base, d, state, out)
                 : sse2_kernel<true, false>(data, len, base, d, state, out);
  }
  return ranks ? sse2_kernel<false, true>(data, len, base, d, state, out)
               : sse2_kernel<false, false>(data, len, base, d, state, out);
}

ORDEX_TARGET_AVX2 IndexCounts index_avx2(const char* data, std::size_t len, std::uint32_t base,
                                         const Delimiters& d, IndexState& state,
                                         const IndexOutput& out) {
  const bool ranks = out.terminators != nullptr;
  if (d.release != 0) {
    return ranks ? avx2_kernel<true, true>(data, len, base, d, state, out)
                 : avx2_kernel<true, false>(data, len, base, d, state, out);
  }
  return ranks ? avx2_kernel<false, true>(data, len, base, d, state, out)
               : avx2_kernel<false, false>(data, len, base, d, state, out);
}

#undef ORDEX_TARGET_AVX2

// ---- AVX-512 ---------------------------------------------------------------------------

#define ORDEX_TARGET_AVX512 __attribute__((target("avx512f,avx512bw,bmi,bmi2,popcnt")))
#define ORDEX_TARGET_VBMI2 __attribute__((target("avx512f,avx512bw,avx512vbmi2,bmi,bmi2,popcnt")))

namespace {

// The same blocks with one 64-byte load and compares straight into 64-bit masks.
//
// Offsets: without VBMI2, a compress per 16 bytes (the lanes whose byte is a delimiter,
// packed, stored whole: the extra entries land in the slack), so no table and no loop per
// mask byte. With VBMI2, one byte compress of the positions 0..63 for the whole block, then
// those bytes widened to offsets 16 at a time: two stores always (EDI has ~13 delimiters
// per 64 bytes), two more only for a block with over 32. Stage 1 alone on the 64 MB X12
// benchmark file (Zen 5, 64 KiB pieces): 8.35 ms with four dword compresses per block,
// 6.6 ms with the byte compress.
//
// Terminator ranks: emit_ranks(), a popcount per terminator (two or three a block). A dword
// compress of the ranks per 16 bytes, with pext for their places, was ~1 ms slower on that
// file (8.35 -> 7.3 ms with the same offsets code): four compresses a block for a couple of
// values.

// One block's structural mask (escapes resolved); its terminators in `terminators`.
template <bool kHasRelease>
[[gnu::always_inline]] ORDEX_TARGET_AVX512 inline std::uint64_t avx512_structural(
    __m512i v, __m512i seg, __m512i elem, __m512i rel, bool& pending, std::uint64_t& terminators) {
  terminators = _mm512_cmpeq_epi8_mask(v, seg);
  const std::uint64_t structural = terminators | _mm512_cmpeq_epi8_mask(v, elem);
  std::uint64_t release = 0;
  if constexpr (kHasRelease) release = _mm512_cmpeq_epi8_mask(v, rel);
  return unescaped(structural, release, pending);
}

template <bool kHasRelease, bool kRanks>
ORDEX_TARGET_AVX512 IndexCounts avx512_kernel(const char* data, std::size_t len, std::uint32_t base,
                                              const Delimiters& d, IndexState& state,
                                              const IndexOutput& out) {
  const __m512i seg = _mm512_set1_epi8(d.segment);
  const __m512i elem = _mm512_set1_epi8(d.element);
  const __m512i rel = _mm512_set1_epi8(d.release);
  const __m512i lanes = _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
  IndexCounts n;
  std::size_t pos = 0;
  bool pending = state.escaped;
  for (; len - pos >= kBlock; pos += kBlock) {
    std::uint64_t terminators;
    const std::uint64_t structural = avx512_structural<kHasRelease>(
        _mm512_loadu_si512(data + pos), seg, elem, rel, pending, terminators);
    if constexpr (kRanks) {
      n.terminators =
          emit_ranks(out.terminators, n.terminators, terminators & structural, structural,
                     out.first_rank + static_cast<std::uint32_t>(n.offsets));
    }
    const __m512i offsets =
        _mm512_add_epi32(lanes, _mm512_set1_epi32(static_cast<int>(base + pos)));
#pragma GCC unroll 4
    for (unsigned g = 0; g < 4; ++g) {
      const auto mask = static_cast<std::uint32_t>(structural >> (16 * g)) & 0xFFFFu;
      const __m512i at = _mm512_add_epi32(offsets, _mm512_set1_epi32(static_cast<int>(16 * g)));
      _mm512_storeu_si512(out.offsets + n.offsets,
                          _mm512_maskz_compress_epi32(static_cast<__mmask16>(mask), at));
      n.offsets += static_cast<std::size_t>(_mm_popcnt_u32(mask));
    }
  }
  return finish(n, pos, pending, data, len, base, d, state, out);
}

// GCC 12's extract and zero-extend intrinsics pass an "undefined" vector as the merge
// operand of an all-ones mask, which -Wmaybe-uninitialized reports once they are inlined.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
// Stores `at` plus each of the 16 bytes of `positions`: 16 offsets.
[[gnu::always_inline]] ORDEX_TARGET_AVX512 inline void store_widened(std::uint32_t* to, __m512i at,
                                                                     __m128i positions) {
  _mm512_storeu_si512(to, _mm512_add_epi32(at, _mm512_cvtepu8_epi32(positions)));
}

template <bool kHasRelease, bool kRanks>
ORDEX_TARGET_VBMI2 IndexCounts avx512_vbmi2_kernel(const char* data, std::size_t len,
                                                   std::uint32_t base, const Delimiters& d,
                                                   IndexState& state, const IndexOutput& out) {
  const __m512i seg = _mm512_set1_epi8(d.segment);
  const __m512i elem = _mm512_set1_epi8(d.element);
  const __m512i rel = _mm512_set1_epi8(d.release);
  // Byte i holds i: compressed by the structural mask, the positions of the delimiters.
  const __m512i positions = _mm512_set_epi64(
      0x3F3E3D3C3B3A3938, 0x3736353433323130, 0x2F2E2D2C2B2A2928, 0x2726252423222120,
      0x1F1E1D1C1B1A1918, 0x1716151413121110, 0x0F0E0D0C0B0A0908, 0x0706050403020100);
  IndexCounts n;
  std::size_t pos = 0;
  bool pending = state.escaped;
  for (; len - pos >= kBlock; pos += kBlock) {
    std::uint64_t terminators;
    const std::uint64_t structural = avx512_structural<kHasRelease>(
        _mm512_loadu_si512(data + pos), seg, elem, rel, pending, terminators);
    if constexpr (kRanks) {
      n.terminators =
          emit_ranks(out.terminators, n.terminators, terminators & structural, structural,
                     out.first_rank + static_cast<std::uint32_t>(n.offsets));
    }
    const __m512i packed = _mm512_maskz_compress_epi8(structural, positions);
    const __m512i at = _mm512_set1_epi32(static_cast<int>(base + pos));
    std::uint32_t* const to = out.offsets + n.offsets;
    store_widened(to, at, _mm512_castsi512_si128(packed));
    store_widened(to + 16, at, _mm512_extracti32x4_epi32(packed, 1));
    const auto count = static_cast<std::size_t>(_mm_popcnt_u64(structural));
    if (count > 32) {
      store_widened(to + 32, at, _mm512_extracti32x4_epi32(packed, 2));
      store_widened(to + 48, at, _mm512_extracti32x4_epi32(packed, 3));
    }
    n.offsets += count;
  }
  return finish(n, pos, pending, data, len, base, d, state, out);
}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

}  // namespace

ORDEX_TARGET_AVX512 IndexCounts index_avx512(const char* data, std::size_t len, std::uint32_t base,
                                             const Delimiters& d, IndexState& state,
                                             const IndexOutput& out) {
  const bool ranks = out.terminators != nullptr;
  if (d.release != 0) {
    return ranks ? avx512_kernel<true, true>(data, len, base, d, state, out)
                 : avx512_kernel<true, false>(data, len, base, d, state, out);
  }
  return ranks ? avx512_kernel<false, true>(data, len, base, d, state, out)
               : avx512_kernel<false, false>(data, len, base, d, state, out);
}

ORDEX_TARGET_VBMI2 IndexCounts index_avx512_vbmi2(const char* data, std::size_t len,
                                                  std::uint32_t base, const Delimiters& d,
                                                  IndexState& state, const IndexOutput& out) {
  const bool ranks = out.terminators != nullptr;
  if (d.release != 0) {
    return ranks ? avx512_vbmi2_kernel<true, true>(data, len, base, d, state, out)
                 : avx512_vbmi2_kernel<true, false>(data, len, base, d, state, out);
  }
  return ranks ? avx512_vbmi2_kernel<false, true>(data, len, base, d, state, out)
               : avx512_vbmi2_kernel<false, false>(data, len, base, d, state, out);
}

#undef ORDEX_TARGET_VBMI2
#undef ORDEX_TARGET_AVX512

IndexKernel detect_best_kernel() {
  // Needed when the first call comes from a static initializer that runs before libgcc has
  // filled in its CPU model; harmless otherwise.
  __builtin_cpu_init();
  // libgcc reports AVX-512 only when the OS saves the registers.
  if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
      __builtin_cpu_supports("avx512vbmi2") && __builtin_cpu_supports("bmi2") &&
      __builtin_cpu_supports("popcnt")) {
    return IndexKernel::kAvx512Vbmi2;
  }
  if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
      __builtin_cpu_supports("bmi2") && __builtin_cpu_supports("popcnt")) {
    return IndexKernel::kAvx512;
  }
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi") &&
      __builtin_cpu_supports("bmi2") && __builtin_cpu_supports("popcnt")) {
    return IndexKernel::kAvx2;
  }
  return IndexKernel::kSse2;  // every x86-64 CPU has SSE2
}

#else  // !defined(__x86_64__)

IndexCounts index_sse2(const char* data, std::size_t len, std::uint32_t base, const Delimiters& d,
                       IndexState& state, const IndexOutput& out) {
  return index_scalar(data, len, base, d, state, out);
}

IndexCounts index_avx2(const char* data, std::size_t len, std::uint32_t base, const Delimiters& d,
                       IndexState& state, const IndexOutput& out) {
  return index_scalar(data, len, base, d, state, out);
}

IndexCounts index_avx512(const char* data, std::size_t len, std::uint32_t base, const Delimiters& d,
                         IndexState& state, const IndexOutput& out) {
  return index_scalar(data, len, base, d, state, out);
}

IndexCounts index_avx512_vbmi2(const char* data, std::size_t len, std::uint32_t base,
                               const Delimiters& d, IndexState& state, const IndexOutput& out) {
  return index_scalar(data, len, base, d, state, out);
}

IndexKernel detect_best_kernel() { return IndexKernel::kScalar; }

#endif  // defined(__x86_64__)

}  // namespace ordex::edi::detail
