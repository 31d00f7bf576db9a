#pragma once
// Checks the data elements of one segment against its definition: presence, count,
// repetitions, composites and their components, values, and the syntax notes.
//
// PERF NOTES
// - Each dictionary is compiled once per checker into compact per-position descriptors
//   (element_checks_plan.h): kind of check, length bounds, code list, mandatory, composite,
//   16 bytes each and contiguous per segment. A value that is fine is recognized by a few
//   integer compares on its descriptor (digits and dates by short inline loops,
//   value_checks.h); only a value the fast test does not pass goes through the careful
//   path, which works out and reports its problems. The careful path is the reference: the
//   fast one only ever answers "no problem here", so findings do not depend on it.
// - One SIMD pass over the whole segment (byte_scan.h) tells whether it may hold a control
//   character, a repetition separator or a release character, and where its component
//   separators are. The common segment holds none of the first: its text values need no
//   look at their bytes, and its composites are split by walking the bits of the
//   component map (count trailing zeros) rather than their bytes. Every value of a flagged
//   segment takes the careful path.
// - Syntax notes depend only on which elements are present, and a segment type nearly
//   always comes with the same few presence patterns: the last two patterns that passed
//   every note of each segment type are remembered, and a segment with one of them skips
//   the notes altogether.
// - Release characters: a value is unescaped (into a buffer reused for the whole input)
//   only when the scan saw one; otherwise every check works on the view in place.
// - Presence of elements and components is a 64-bit mask; syntax notes are mask tests.
// - Nothing allocates unless a problem is reported or a value needs unescaping (the
//   descriptors are built once per dictionary, on its first set).
// Measured (callgrind, generated 8 MB benchmark files, per segment, scan included): X12
// ~490 instructions before the descriptors and the component map, ~435 after; EDIFACT
// ~760 -> ~580, most of it from composites no longer split byte by byte.
//
// Not thread-safe; one per Validator.

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "edi/byte_scan.h"
#include "edi/delimiters.h"
#include "edi/element_checks_plan.h"
#include "edi/schema.h"
#include "edi/segment.h"
#include "edi/validation_codes.h"
#include "edi/value_checks.h"

namespace ordex::edi {

// One problem in a segment's elements. Views point into the segment (valid during the
// report call only).
struct ElementIssue {
  Problem problem = Problem::kNone;
  std::uint32_t element = 0;                    // 1-based position in the segment
  std::uint32_t component = 0;                  // 1-based; 0 when the whole element is at fault
  std::uint32_t repetition = 0;                 // 1-based for a repeating element; 0 otherwise
  const ElementDef* element_def = nullptr;      // the simple element at fault, when known
  const CompositeDef* composite_def = nullptr;  // the composite it is in, if any
  std::string_view value;                       // the bytes at fault, as received
  const SyntaxRule* rule = nullptr;             // the syntax note broken, if any
};

class ElementIssueSink {
 public:
  virtual ~ElementIssueSink() = default;
  virtual void element_issue(const ElementIssue& issue) = 0;
};

class ElementChecker {
 public:
  // Per interchange: its separators and character set.
  void configure(const Delimiters& delimiters, Standard standard, bool utf8);
  // Per transaction: the dictionary the segments come from.
  void set_dictionary(const Dictionary& dictionary);

  // `index` is the segment's place in the dictionary (Dictionary::find_segment).
  void check(const Segment& segment, std::size_t index, ElementIssueSink& sink);

 private:
  static constexpr std::uint8_t kControl = ByteScanner::kControl;
  static constexpr std::uint8_t kComponent = ByteScanner::kComponent;
  static constexpr std::uint8_t kRepetition = ByteScanner::kRepetition;
  static constexpr std::uint8_t kRelease = ByteScanner::kRelease;
  std::uint8_t classify(std::string_view value) const { return bytes_.classify(value); }

  char release_in(std::uint8_t classes) const {
    return (classes & kRelease) != 0 ? delimiters_.release : 0;
  }

  // Where the value being checked is; kept in members rather than passed down, so the
  // hot path moves no issue structs around (they are built only in report()).
  void at(std::size_t element, std::uint32_t repetition) {
    at_element_ = static_cast<std::uint32_t>(element);
    at_component_ = 0;
    at_repetition_ = repetition;
    at_composite_ = nullptr;
  }
  const ElementDef* element_of(const ElementUse& use) const {
    return use.composite ? nullptr : &dictionary_->elements[use.index];
  }
  const CompositeDef* composite_of(const ElementUse& use) const {
    return use.composite ? &dictionary_->composites[use.index] : nullptr;
  }

  // Checks the elements of segment `index` and returns which are present (bit p-1).
  // `kComposites` false: the segment defines no composite (SegmentPlan::has_composites).
  template <bool kComposites>
  std::uint64_t check_elements(const Segment& segment, const SegmentPlan& plan, std::size_t index);
  const ElementUse& use_of(std::size_t segment, std::size_t element) const {
    return dictionary_->segments[segment].elements[element - 1];
  }
  // The fast tests: true when the value certainly has no problem (see PERF NOTES).
  template <bool kComposites>
  [[gnu::always_inline]] bool element_ok(std::string_view value, const FieldPlan& field,
                                         bool components) const;
  // `separators`: where the component separators of `value` are, bit j for its byte j.
  [[gnu::always_inline]] bool composite_ok(std::string_view value, std::uint64_t separators,
                                           const CompositePlan& plan) const;
  // The component separators of a value of the segment being checked, as composite_ok()
  // takes them; false when the component map does not cover the value.
  [[gnu::always_inline]] bool component_bits(std::string_view value, std::uint64_t& bits) const {
    const auto offset = static_cast<std::size_t>(value.data() - segment_start_);
    if (short_segment_) {
      // The whole map is words[0], and the value (without the tag) is under 64 bytes.
      bits = (components_.words[0] >> offset) & ((std::uint64_t{1} << value.size()) - 1);
      return true;
    }
    if (!components_.covers(offset, value.size())) return false;
    bits = components_.slice(offset, value.size());
    return true;
  }
  // The careful path for one present element of a segment whose scan was clean.
  void check_clean_element(std::size_t i, std::string_view value, const ElementUse& use,
                           bool components);
  void report_missing_element(std::size_t i, const ElementUse& use);
  // Returns whether every note held.
  bool check_segment_rules(const Segment& segment, const SegmentDef& def, std::uint64_t present);
  void check_element(std::string_view value, const ElementUse& use);
  void check_occurrence(std::string_view value, std::uint8_t classes, const ElementUse& use);
  void check_composite(std::string_view value, std::uint8_t classes, const CompositeDef& def);
  void check_components_missing(const CompositeDef& def, std::size_t after);
  void check_composite_rules(const CompositeDef& def, std::uint64_t present, std::string_view value,
                             std::uint8_t classes);
  void check_simple(std::string_view value, std::uint8_t classes, const ElementDef& def);
  void check_date_pair(std::string_view format, std::string_view value,
                       const ElementDef* value_def);
  // `value` without its release characters; a view of scratch_ (valid until the next call)
  // when it has any, else `value` itself.
  std::string_view unescaped(std::string_view value, std::uint8_t classes);
  // Reports at the current position (at_*), for the element or component `def` (null for a
  // composite as a whole, or a position the segment does not define).
  void report(Problem problem, std::string_view value, const ElementDef* def,
              const SyntaxRule* rule = nullptr);

  // Per dictionary segment: presence masks known to satisfy all its syntax notes.
  struct RulesPassed {
    std::uint64_t masks[2] = {0, 0};
    std::uint8_t valid = 0;  // bit i: masks[i] is set
    std::uint8_t next = 0;   // which slot the next pass overwrites
  };
  bool rules_known_to_pass(std::size_t segment, std::uint64_t present) const {
    const RulesPassed& r = state_->rules_passed[segment];
    return ((r.valid & 1) != 0 && r.masks[0] == present) ||
           ((r.valid & 2) != 0 && r.masks[1] == present);
  }
  void remember_rules_passed(std::size_t segment, std::uint64_t present) {
    RulesPassed& r = state_->rules_passed[segment];
    r.masks[r.next] = present;
    r.valid |= static_cast<std::uint8_t>(1u << r.next);
    r.next ^= 1u;
  }

  // What is kept per dictionary seen: its compiled plan and its syntax-note cache.
  struct DictionaryState {
    std::unique_ptr<DictionaryPlan> plan;
    std::vector<RulesPassed> rules_passed;
  };

  ByteScanner bytes_;
  ComponentMap components_;              // of the segment being checked
  const char* segment_start_ = nullptr;  // where that segment's bytes start
  bool short_segment_ = false;           // it has at most 64 bytes
  Delimiters delimiters_;
  ValueRules rules_;
  const Dictionary* dictionary_ = nullptr;
  DictionaryState* state_ = nullptr;      // the one for dictionary_
  const DictionaryPlan* plan_ = nullptr;  // state_->plan
  std::vector<std::unique_ptr<DictionaryState>> states_;
  ElementIssueSink* sink_ = nullptr;
  std::string scratch_;  // unescaped values; keeps its capacity
  // Elements (components of the composite being checked) already reported, so a date
  // format pair is not checked on top of a bad value.
  std::uint64_t faulty_elements_ = 0;
  std::uint64_t faulty_components_ = 0;
  std::uint32_t at_element_ = 0;
  std::uint32_t at_component_ = 0;
  std::uint32_t at_repetition_ = 0;
  const CompositeDef* at_composite_ = nullptr;
};

}  // namespace ordex::edi
