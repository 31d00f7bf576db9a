#pragma once
// Private to the element checks: a dictionary's segments and composites compiled into compact
// per-position descriptors, so that checking a value that is fine costs a few integer
// compares and no pointer chasing through the schema model.
//
// A FieldPlan says, for one element position of a segment (or one component position of a
// composite), what a present value must satisfy: its length bounds, its code list, or that
// it needs the full check of its data type (check_value). The plans only ever decide that a
// value is fine; anything else goes to the careful path (element_checks.cc), which reports.
//
// Built per Validator from an immutable Dictionary (it is not part of the registry because
// the registry's model stays the public one); the pointers into the dictionary stay valid as
// long as the registry does. Not thread-safe.

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "edi/schema.h"

namespace ordex::edi {

// How a present simple value is checked when its segment holds no special byte.
// Each kind has an inline acceptance test (value_checks.h) that agrees with check_value().
enum class ValueCheck : std::uint8_t {
  kLength,       // text or identifier: the length only (no control byte, as the scan said)
  kLengthCodes,  // the same, and the code list
  kInteger,      // X12 Nn without a code list
  kDecimal,      // X12 R, EDIFACT n, without a code list
  kDate,         // X12 DT
  kTime,         // X12 TM
  kFull,         // anything else (EDIFACT a, X12 B, numbers with code lists): check_value()
};

// 16 bytes; a segment's fields are contiguous in DictionaryPlan::fields.
struct FieldPlan {
  ValueCheck check = ValueCheck::kFull;
  bool mandatory = false;
  bool composite = false;  // `index` is into Dictionary::composites (and composite plans)
  bool repeats = false;    // more than one repetition allowed
  std::uint16_t min_length = 0;
  std::uint16_t max_length = 0;
  std::uint16_t index = 0;  // Dictionary::elements or ::composites
  const CodeSet* codes = nullptr;
};

// What the hot path needs of a CompositeDef, without touching the definition itself.
struct CompositePlan {
  std::uint32_t first = 0;  // its components: fields[first, first + count)
  std::uint16_t count = 0;
  DateFormatPair date_format;
  std::uint64_t mandatory = 0;                     // bit p-1 for every mandatory component p
  const std::vector<SyntaxRule>* rules = nullptr;  // null when it has none
};

// The same for a SegmentDef.
struct SegmentPlan {
  std::uint32_t first = 0;  // its elements: fields[first, first + count)
  std::uint16_t count = 0;
  std::uint8_t last_mandatory = 0;
  bool has_rules = false;
  bool has_composites = false;
  DateFormatPair date_format;
};

// Every segment and composite of one dictionary, indexed like the dictionary's own arrays,
// with all their fields in one array so that the checks of a segment touch few cache lines.
struct DictionaryPlan {
  const Dictionary* dictionary = nullptr;
  std::vector<FieldPlan> fields;
  std::vector<SegmentPlan> segments;
  std::vector<CompositePlan> composites;

  static std::unique_ptr<DictionaryPlan> compile(const Dictionary& dictionary);
};

}  // namespace ordex::edi
