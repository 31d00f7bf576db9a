#pragma once
// Stage 1 of tokenizing: find every byte that ends an element or a segment.
//
// The segment reader (stage 2) walks the offsets this produces instead of scanning bytes
// itself, so the per-byte work happens here, 16 or 32 bytes at a time where the CPU allows.
//
// PERF NOTES
// - Kernels compare 64 bytes at a time (AVX2: two 32-byte compares; SSE2: four 16-byte ones)
//   with the segment terminator, the element separator and the release character, and turn
//   the matches into 64-bit masks. No branch per byte.
// - Release characters (EDIFACT `?`) are resolved in the masks too: which bytes a release
//   escapes (including a release escaping another release) is computed from the release mask
//   without branching, and a pending escape is carried to the next block and the next call.
//   Sending blocks with a release to a scalar path measured 40 % slower on EDIFACT text.
// - Offsets are written from each mask byte through a 256-entry table of positions, eight
//   stores at a time whether or not they are all real (hence kIndexSlack); EDI has ~13
//   delimiters per 64 bytes, so a count-trailing-zeros loop mispredicts. Measured ~2x faster.
// - The kernels also say which offsets are segment terminators, as their positions in the
//   offset array (IndexOutput::terminators): from the terminator bits of each block, the
//   rank of each is the count of structural bits below it (one popcount), four written
//   unconditionally per block (EDI has two or three terminators per 64 bytes). Stage 2
//   then finds the end of a segment with one load instead of a loop over its elements whose
//   exit mispredicted once per segment: X12 tokenizing went from ~1.5x to ~2.2x the memchr
//   split (see segment_reader.h).
// - Round 4: with AVX512-VBMI2, one byte compress of the positions 0..63 per block replaces
//   the four dword compresses of the AVX-512 kernel, and the AVX-512 kernels write the
//   terminator ranks with popcounts (emit_ranks) instead of four more compresses. Stage 1
//   alone on the 64 MB X12 benchmark file (Zen 5): 8.35 -> 6.6 ms; X12 tokenizing ~2.15x ->
//   ~2.4x the memchr split (structural_index_x86.cc).
// - The scalar kernel is the reference: the fuzzer and the property test check that every
//   kernel produces the same offsets on the same bytes.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "edi/delimiters.h"

namespace ordex::edi {

// Carried from one call to the next when a stream is indexed in pieces.
struct IndexState {
  // The last byte of the previous piece was a release character that escapes the first
  // byte of this piece.
  bool escaped = false;
};

// kAvx512 needs AVX-512F/BW, BMI2 and POPCNT; kAvx512Vbmi2 also AVX512-VBMI2 (byte compress).
// Off x86-64 every kernel runs the scalar one.
enum class IndexKernel : std::uint8_t { kScalar, kSse2, kAvx2, kAvx512, kAvx512Vbmi2 };

std::string_view to_string(IndexKernel kernel);

// The fastest kernel this CPU supports (decided once, at first call).
IndexKernel best_index_kernel();

// Extra room `out` needs past `len` entries: kernels may store a whole block of offsets
// before they know how many of them are real.
inline constexpr std::size_t kIndexSlack = 64;

// Writes to `out` the offset (plus `base`) of every element separator and segment
// terminator in data[0, len) that is not escaped by a release character, in increasing
// order, and returns how many it wrote. `out` must have room for len + kIndexSlack entries.
// Only `d.segment`, `d.element` and `d.release` (0 = none) are used. `state` is read at the
// start and updated for the next piece. Offsets must fit in 32 bits (base + len < 2^32).
std::size_t index_structurals(IndexKernel kernel, const char* data, std::size_t len,
                              std::uint32_t base, const Delimiters& d, IndexState& state,
                              std::uint32_t* out);

// Where index_structurals() with terminator ranks writes.
struct IndexOutput {
  // As `out` above: room for len + kIndexSlack entries.
  std::uint32_t* offsets = nullptr;
  // For each segment terminator written to `offsets`, its position there plus `first_rank`,
  // in increasing order: stage 2 reaches the end of a segment without looking at the bytes
  // or the offsets of its elements. Room for len + kIndexSlack entries.
  std::uint32_t* terminators = nullptr;
  std::uint32_t first_rank = 0;
};

struct IndexCounts {
  std::size_t offsets = 0;
  std::size_t terminators = 0;
};

// index_structurals(), also writing the terminator ranks (see IndexOutput). Every kernel
// writes the same offsets and ranks for the same bytes.
IndexCounts index_structurals(IndexKernel kernel, const char* data, std::size_t len,
                              std::uint32_t base, const Delimiters& d, IndexState& state,
                              const IndexOutput& out);

// Same, with best_index_kernel().
std::size_t index_structurals(const char* data, std::size_t len, std::uint32_t base,
                              const Delimiters& d, IndexState& state, std::uint32_t* out);

}  // namespace ordex::edi
