#include "edi/hl_integrity.h"

#include <algorithm>

namespace ordex::edi {

namespace {

// The id as a number, when it is one that fits (at most 18 digits).
bool as_number(std::string_view id, std::uint64_t& out) {
  if (id.empty() || id.size() > 18) return false;
  out = 0;
  for (char c : id) {
    if (c < '0' || c > '9') return false;
    out = out * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return true;
}

}  // namespace

void HlIntegrity::reset() {
  numeric_.clear();
  other_.clear();
  any_ = false;
  last_numeric_ = false;
  last_ = 0;
}

bool HlIntegrity::seen(std::string_view id) const {
  std::uint64_t n = 0;
  if (as_number(id, n)) return std::binary_search(numeric_.begin(), numeric_.end(), n);
  return other_.count(std::string(id)) != 0;
}

void HlIntegrity::remember(std::string_view id) {
  std::uint64_t n = 0;
  if (as_number(id, n)) {
    // Keep the vector sorted even after a decreasing id (already reported).
    numeric_.insert(std::upper_bound(numeric_.begin(), numeric_.end(), n), n);
  } else {
    other_.emplace(id);
  }
}

// The usual HL01 is a number above every id seen so far (1, 2, 3, ...): it is then known
// to be new without a search, parsed once, and appended. Anything else takes the general
// path (seen() / remember()), which gives the same answers.
std::size_t HlIntegrity::check(const Segment& hl, HlIssue (&out)[3]) {
  std::size_t count = 0;
  const std::string_view id = hl.element(1);
  const std::string_view parent = hl.element(2);
  std::uint64_t number = 0;
  const bool numeric = as_number(id, number);
  const bool ascending = numeric && (numeric_.empty() || number > numeric_.back());
  bool id_seen = false;
  if (!id.empty()) {
    id_seen = !ascending && seen(id);
    if (id_seen) {
      out[count++] = {Problem::kInvalidCode, 1, id, "is used by an earlier HL in this set"};
    } else if (numeric && any_ && last_numeric_ && number < last_) {
      out[count++] = {Problem::kInvalidCode, 1, id, "is lower than the HL01 before it"};
    }
  }
  if (!parent.empty() && (parent == id || !seen(parent))) {
    out[count++] = {Problem::kInvalidCode, 2, parent,
                    parent == id ? "names the HL itself as its parent"
                                 : "names a parent HL01 that does not precede it in this set"};
  }
  if (hl.element(3).empty()) {
    out[count++] = {Problem::kElementMissing, 3, {}, "(hierarchical level code) is missing"};
  }
  if (!id.empty()) {
    if (ascending) {
      numeric_.push_back(number);
    } else if (!id_seen) {
      remember(id);
    }
    any_ = true;
    last_numeric_ = numeric;
    if (numeric) last_ = number;
  }
  return count;
}

}  // namespace ordex::edi
