#pragma once
// A rate kept as its two counts, so that writers print both and no rate is invented for an
// empty population.

#include <cstdint>
#include <optional>

namespace ordex::reports {

struct Ratio {
  std::int64_t hits = 0;
  std::int64_t total = 0;
  // hits and total are quantities in the store's fixed point (orders::Decimal, 1/10,000 of a
  // unit), not counts: writers print them as decimals ("14.5"), never raw.
  bool decimal = false;

  void add(bool hit) {
    ++total;
    if (hit) ++hits;
  }
  // hits / total in percent; nullopt when total is 0.
  std::optional<double> percent() const {
    if (total == 0) return std::nullopt;
    return 100.0 * static_cast<double>(hits) / static_cast<double>(total);
  }
};

}  // namespace ordex::reports
