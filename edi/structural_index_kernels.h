#pragma once
// Private to edi/: the kernels behind index_structurals(). Each has the contract of
// index_structurals() with an IndexOutput in structural_index.h; with
// `out.terminators` null they write the offsets alone.

#include <cstddef>
#include <cstdint>

#include "edi/structural_index.h"

namespace ordex::edi::detail {

IndexCounts index_scalar(const char* data, std::size_t len, std::uint32_t base, const Delimiters& d,
                         IndexState& state, const IndexOutput& out);
IndexCounts index_sse2(const char* data, std::size_t len, std::uint32_t base, const Delimiters& d,
                       IndexState& state, const IndexOutput& out);
IndexCounts index_avx2(const char* data, std::size_t len, std::uint32_t base, const Delimiters& d,
                       IndexState& state, const IndexOutput& out);
IndexCounts index_avx512(const char* data, std::size_t len, std::uint32_t base, const Delimiters& d,
                         IndexState& state, const IndexOutput& out);
IndexCounts index_avx512_vbmi2(const char* data, std::size_t len, std::uint32_t base,
                               const Delimiters& d, IndexState& state, const IndexOutput& out);
IndexKernel detect_best_kernel();

}  // namespace ordex::edi::detail
