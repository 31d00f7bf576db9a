#include "edi/schema_tables.h"

#include <algorithm>
#include <bit>

namespace ordex::edi {

void TagTable::build(const std::vector<std::string>& tags) {
  // At most half full, so a probe sequence ends at an empty slot after a step or two.
  const std::uint32_t capacity =
      std::max<std::uint32_t>(8, std::bit_ceil(static_cast<std::uint32_t>(tags.size() * 2 + 1)));
  mask_ = capacity - 1;
  shift_ = 32 - static_cast<std::uint32_t>(std::countr_zero(capacity));
  keys_.assign(capacity, 0);
  values_.assign(capacity, -1);
  for (std::size_t i = 0; i < tags.size(); ++i) {
    const std::uint32_t key = pack(tags[i]);
    if (key == 0) continue;
    std::uint32_t slot = hash(key);
    while (keys_[slot] != 0 && keys_[slot] != key) slot = (slot + 1) & mask_;
    keys_[slot] = key;
    values_[slot] = static_cast<std::int32_t>(i);
  }
}

void LoopIndex::build(const std::vector<Occurrence>& occurrences) {
  // Group by key, keeping entry order within a key.
  std::vector<Occurrence> sorted = occurrences;
  std::stable_sort(sorted.begin(), sorted.end(), [](const Occurrence& a, const Occurrence& b) {
    return a.loop != b.loop ? a.loop < b.loop : a.segment < b.segment;
  });
  const std::size_t capacity = std::bit_ceil(sorted.size() * 2 + 1);
  mask_ = capacity - 1;
  slots_.assign(capacity, Slot{});
  entries_.clear();
  for (std::size_t i = 0; i < sorted.size();) {
    const std::uint64_t key = (std::uint64_t{sorted[i].loop} << 16 | sorted[i].segment) + 1;
    Slot slot{key, static_cast<std::uint32_t>(entries_.size()), 0};
    for (;
         i < sorted.size() && (std::uint64_t{sorted[i].loop} << 16 | sorted[i].segment) + 1 == key;
         ++i, ++slot.count) {
      entries_.push_back(sorted[i].entry);
    }
    std::size_t at = hash(key);
    while (slots_[at].key != 0) at = (at + 1) & mask_;
    slots_[at] = slot;
  }
}

void CodeSet::assign(std::vector<std::string> codes) {
  std::vector<std::uint64_t> packed;
  long_.clear();
  for (std::string& code : codes) {
    if (code.empty()) continue;  // absent, never a value to look up
    if (code.size() <= kPackedMax) {
      packed.push_back(pack(code));
    } else {
      long_.push_back(std::move(code));
    }
  }
  std::sort(packed.begin(), packed.end());
  packed.erase(std::unique(packed.begin(), packed.end()), packed.end());
  std::sort(long_.begin(), long_.end());
  long_.erase(std::unique(long_.begin(), long_.end()), long_.end());
  size_ = static_cast<std::uint32_t>(packed.size() + long_.size());
  slots_.clear();
  if (packed.empty()) return;
  const std::size_t capacity = std::bit_ceil(packed.size() * 2 + 1);
  mask_ = capacity - 1;
  shift_ = 64 - static_cast<std::uint32_t>(std::countr_zero(capacity));
  slots_.assign(capacity, 0);
  for (std::uint64_t key : packed) {
    std::size_t slot = hash(key);
    while (slots_[slot] != 0) slot = (slot + 1) & mask_;
    slots_[slot] = key;
  }
}

bool CodeSet::contains_long(std::string_view value) const {
  return std::binary_search(long_.begin(), long_.end(), value);
}

}  // namespace ordex::edi
