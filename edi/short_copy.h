#pragma once
// Private to edi/: copying the few bytes of a control number, set id or tag without a call to
// memcpy (a variable-size memcpy is a library call; these run several times a set).

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace ordex::edi {

// Copies the 1 <= n <= 16 bytes at `p` to `d` with fixed-size moves, two that overlap when
// n is not a power of two (memcpy with a variable size is a library call).
inline void copy_short(char* d, const char* p, std::size_t n) {
  if (n >= 8) {
    std::uint64_t x, y;
    std::memcpy(&x, p, 8);
    std::memcpy(&y, p + n - 8, 8);
    std::memcpy(d, &x, 8);
    std::memcpy(d + n - 8, &y, 8);
  } else if (n >= 4) {
    std::uint32_t x, y;
    std::memcpy(&x, p, 4);
    std::memcpy(&y, p + n - 4, 4);
    std::memcpy(d, &x, 4);
    std::memcpy(d + n - 4, &y, 4);
  } else {
    // One to three bytes: p[0], p[n / 2] and p[n - 1] are all of them.
    d[0] = p[0];
    d[n / 2] = p[n / 2];
    d[n - 1] = p[n - 1];
  }
}

}  // namespace ordex::edi
