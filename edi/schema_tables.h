#pragma once
// Lookup tables built when schemas load and read on the validator's hot path: segment tags
// and code values packed into integers, so a lookup is a few integer compares and never
// allocates or hashes a string.
//
// Both are immutable after construction and safe to read from many threads.

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "edi/segment.h"

namespace ordex::edi {

// Segment tag (1 to 3 bytes, as in X12 and EDIFACT) -> index, by open addressing on the
// tag's bytes packed into an integer.
class TagTable {
 public:
  // The tag's bytes packed into an integer, as edi::tag_code() and Segment::tag_code() pack
  // them; 0 when the tag is empty or longer than 3 bytes (no segment can have such a tag).
  static std::uint32_t pack(std::string_view tag) { return tag_code(tag); }

  // Builds the table; `tags[i]` maps to i. Tags must be distinct and packable.
  void build(const std::vector<std::string>& tags);

  // Index of `tag`, or -1.
  std::int32_t find(std::string_view tag) const { return find_code(pack(tag)); }

  // Index of the tag packed as `code` (Segment::tag_code()), or -1.
  std::int32_t find_code(std::uint32_t key) const {
    if (key == 0 || keys_.empty()) return -1;
    for (std::uint32_t slot = hash(key);; slot = (slot + 1) & mask_) {
      if (keys_[slot] == key) return values_[slot];
      if (keys_[slot] == 0) return -1;
    }
  }

 private:
  std::uint32_t hash(std::uint32_t key) const { return ((key * 0x9E3779B1u) >> shift_) & mask_; }

  std::vector<std::uint32_t> keys_;  // 0 = empty slot
  std::vector<std::int32_t> values_;
  std::uint32_t mask_ = 0;
  std::uint32_t shift_ = 0;
};

// Where each segment occurs among the entries of each loop of a transaction set, so the
// sequencer finds "the next entry of this loop holding segment S, at or after entry i"
// with one hash probe instead of a scan of the loop. Keyed by (loop, segment) packed into
// an integer; the entry indices of one key are contiguous and increasing.
class LoopIndex {
 public:
  static constexpr std::uint32_t kNotFound = 0xFFFFFFFFu;

  struct Occurrence {
    std::uint32_t loop;
    std::uint16_t segment;
    std::uint32_t entry;
  };
  // `occurrences` in increasing entry order.
  void build(const std::vector<Occurrence>& occurrences);

  std::uint32_t find(std::uint32_t loop, std::uint16_t segment, std::uint32_t from) const {
    const std::uint64_t key = (std::uint64_t{loop} << 16 | segment) + 1;
    for (std::size_t slot = hash(key);; slot = (slot + 1) & mask_) {
      const Slot& s = slots_[slot];
      if (s.key == 0) return kNotFound;
      if (s.key != key) continue;
      for (std::uint32_t i = s.first; i < s.first + s.count; ++i) {
        if (entries_[i] >= from) return entries_[i];
      }
      return kNotFound;
    }
  }

 private:
  struct Slot {
    std::uint64_t key = 0;  // (loop << 16 | segment) + 1; 0 = empty
    std::uint32_t first = 0;
    std::uint32_t count = 0;
  };
  std::size_t hash(std::uint64_t key) const {
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> 40) & mask_;
  }

  std::vector<Slot> slots_;  // at most half full
  std::vector<std::uint32_t> entries_;
  std::size_t mask_ = 0;
};

// A code list. Codes of up to 7 bytes (nearly all of them) are packed into integers, with
// their length, and kept in an open-addressing table; longer ones as sorted strings.
class CodeSet {
 public:
  void assign(std::vector<std::string> codes);
  bool empty() const { return size_ == 0; }
  std::size_t size() const { return size_; }

  bool contains(std::string_view value) const {
    if (value.size() > kPackedMax || slots_.empty()) return contains_long(value);
    const std::uint64_t key = pack(value);
    for (std::size_t slot = hash(key);; slot = (slot + 1) & mask_) {
      if (slots_[slot] == key) return true;
      if (slots_[slot] == 0) return false;
    }
  }

 private:
  static constexpr std::size_t kPackedMax = 7;
  // The code's bytes in the low 7 bytes (from two overlapping loads, no loop), its length in
  // the top byte: never 0 for a non-empty code. `code` has at most kPackedMax bytes.
  static std::uint64_t pack(std::string_view code) {
    const char* p = code.data();
    const std::size_t n = code.size();
    std::uint64_t key = 0;
    if (n >= 4) {
      std::uint32_t first, last;
      std::memcpy(&first, p, 4);
      std::memcpy(&last, p + n - 4, 4);
      key = first | (std::uint64_t{last} << (8 * (n - 4)));
    } else if (n >= 2) {
      std::uint16_t first, last;
      std::memcpy(&first, p, 2);
      std::memcpy(&last, p + n - 2, 2);
      key = first | (std::uint64_t{last} << (8 * (n - 2)));
    } else if (n == 1) {
      key = static_cast<unsigned char>(p[0]);
    }
    return key | (static_cast<std::uint64_t>(n) << 56);
  }
  std::size_t hash(std::uint64_t key) const {
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> shift_) & mask_;
  }
  bool contains_long(std::string_view value) const;

  std::uint32_t size_ = 0;
  std::uint32_t shift_ = 0;
  std::size_t mask_ = 0;
  std::vector<std::uint64_t> slots_;  // 0 = empty; at most half full
  std::vector<std::string> long_;
};

}  // namespace ordex::edi
