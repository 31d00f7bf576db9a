#pragma once
// The hierarchy of an 856 ship notice (schema flag "hl_integrity"): every HL names itself
// (HL01), its parent (HL02) and its level (HL03). Checked per transaction set:
//  - HL01 is unique within the set and increasing (numerically when both are numbers);
//  - HL02, when present, names an HL01 already seen (a parent precedes its children, and
//    no HL is its own parent);
//  - HL03 is present.
//
// Codes (X12 has no hierarchy-specific AK4 code; these are the nearest in list 723):
// AK4:7 "invalid code value" on HL01 for a duplicate or decreasing id and on HL02 for a
// parent that does not exist (yet); AK4:1 "mandatory data element missing" on HL03.
//
// Keeps the ids seen in vectors that keep their capacity between sets: no allocation per
// HL in the steady state for numeric ids (the usual 1, 2, 3, ...). Not thread-safe.

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "edi/segment.h"
#include "edi/validation_codes.h"

namespace ordex::edi {

struct HlIssue {
  Problem problem = Problem::kNone;
  std::uint32_t element = 0;  // 1, 2 or 3
  std::string_view value;     // the HL01 / HL02 at fault (a view into the segment)
  const char* reason = "";    // the why, for the message
};

class HlIntegrity {
 public:
  void reset();

  // Checks one HL segment; returns the number of issues written to `out` (at most 3).
  std::size_t check(const Segment& hl, HlIssue (&out)[3]);

 private:
  bool seen(std::string_view id) const;
  void remember(std::string_view id);

  std::vector<std::uint64_t> numeric_;     // numeric ids, increasing (so sorted)
  std::unordered_set<std::string> other_;  // ids that are not plain numbers (rare)
  bool any_ = false;
  bool last_numeric_ = false;
  std::uint64_t last_ = 0;
};

}  // namespace ordex::edi
