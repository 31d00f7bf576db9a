#pragma once
// Private to edi/: the kernels behind index_structurals(). Each has the contract of
// index_structurals() in structural_index.h.

#include <cstddef>
#include <cstdint>

#include "edi/structural_index.h"

namespace ordex::edi::detail {

std::size_t index_scalar(const char* data, std::size_t len, std::uint32_t base,
                         const Delimiters& d, IndexState& state, std::uint32_t* out);
std::size_t index_sse2(const char* data, std::size_t len, std::uint32_t base,
                       const Delimiters& d, IndexState& state, std::uint32_t* out);
std::size_t index_avx2(const char* data, std::size_t len, std::uint32_t base,
                       const Delimiters& d, IndexState& state, std::uint32_t* out);
IndexKernel detect_best_kernel();

}  // namespace ordex::edi::detail
