#include "edi/structural_index.h"

#include "edi/structural_index_kernels.h"

namespace ordex::edi {

std::string_view to_string(IndexKernel kernel) {
  switch (kernel) {
    case IndexKernel::kScalar:
      return "scalar";
    case IndexKernel::kSse2:
      return "sse2";
    case IndexKernel::kAvx2:
      return "avx2";
    case IndexKernel::kAvx512:
      return "avx512";
    case IndexKernel::kAvx512Vbmi2:
      return "avx512vbmi2";
  }
  return "unknown";
}

namespace detail {

IndexCounts index_scalar(const char* data, std::size_t len, std::uint32_t base, const Delimiters& d,
                         IndexState& state, const IndexOutput& out) {
  IndexCounts n;
  std::size_t i = 0;
  if (state.escaped && len > 0) {
    state.escaped = false;
    i = 1;
  }
  for (; i < len; ++i) {
    const char c = data[i];
    if (c == d.release && d.release != 0) {
      if (i + 1 == len) {
        state.escaped = true;
        break;
      }
      ++i;  // the released byte is data, whatever it is
      continue;
    }
    if (c == d.element || c == d.segment) {
      if (c == d.segment && out.terminators != nullptr) {
        out.terminators[n.terminators++] = out.first_rank + static_cast<std::uint32_t>(n.offsets);
      }
      out.offsets[n.offsets++] = base + static_cast<std::uint32_t>(i);
    }
  }
  return n;
}

}  // namespace detail

IndexKernel best_index_kernel() {
  static const IndexKernel kernel = detail::detect_best_kernel();
  return kernel;
}

IndexCounts index_structurals(IndexKernel kernel, const char* data, std::size_t len,
                              std::uint32_t base, const Delimiters& d, IndexState& state,
                              const IndexOutput& out) {
  switch (kernel) {
    case IndexKernel::kAvx512Vbmi2:
      return detail::index_avx512_vbmi2(data, len, base, d, state, out);
    case IndexKernel::kAvx512:
      return detail::index_avx512(data, len, base, d, state, out);
    case IndexKernel::kAvx2:
      return detail::index_avx2(data, len, base, d, state, out);
    case IndexKernel::kSse2:
      return detail::index_sse2(data, len, base, d, state, out);
    case IndexKernel::kScalar:
      break;
  }
  return detail::index_scalar(data, len, base, d, state, out);
}

std::size_t index_structurals(IndexKernel kernel, const char* data, std::size_t len,
                              std::uint32_t base, const Delimiters& d, IndexState& state,
                              std::uint32_t* out) {
  IndexOutput to;
  to.offsets = out;
  return index_structurals(kernel, data, len, base, d, state, to).offsets;
}

std::size_t index_structurals(const char* data, std::size_t len, std::uint32_t base,
                              const Delimiters& d, IndexState& state, std::uint32_t* out) {
  return index_structurals(best_index_kernel(), data, len, base, d, state, out);
}

}  // namespace ordex::edi
