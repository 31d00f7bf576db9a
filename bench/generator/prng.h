#pragma once
// The generator's only source of randomness. std::uniform_*_distribution is
// implementation-defined, so the same seed would give different files on libstdc++ and libc++;
// everything here is fixed arithmetic instead.

#include <cstdint>

namespace ordex::bench {

// SplitMix64's finalizer: a bijective mix, so distinct inputs give distinct outputs.
constexpr std::uint64_t mix64(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// A seed for one entity (item 17, order 4711, ...) of one kind. Entities are regenerated from
// their number whenever a later document needs them, so nothing per entity has to be stored.
constexpr std::uint64_t derive_seed(std::uint64_t base, std::uint64_t kind, std::uint64_t index) {
  return mix64(base ^ mix64(kind ^ mix64(index)));
}

// xoshiro256** (Blackman & Vigna), seeded through SplitMix64 as its authors recommend.
class Rng {
 public:
  explicit constexpr Rng(std::uint64_t seed) {
    for (auto& word : s_) {
      seed += 0x9e3779b97f4a7c15ULL;
      word = mix64(seed - 0x9e3779b97f4a7c15ULL);
    }
  }

  constexpr std::uint64_t next() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }

  // Uniform in [0, n) for n > 0 (Lemire's multiply-shift; the bias is below 2^-32 and the
  // same on every platform, which is what matters here).
  constexpr std::uint32_t below(std::uint32_t n) {
    return static_cast<std::uint32_t>(((next() >> 32) * n) >> 32);
  }

  // Uniform in [lo, hi], both inclusive; the span must fit in 32 bits.
  constexpr std::int64_t between(std::int64_t lo, std::int64_t hi) {
    return lo + below(static_cast<std::uint32_t>(hi - lo + 1));
  }

  // True with probability p.
  constexpr bool chance(double p) { return static_cast<double>(next() >> 11) * 0x1.0p-53 < p; }

 private:
  static constexpr std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

  std::uint64_t s_[4] = {};
};

}  // namespace ordex::bench
