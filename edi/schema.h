#pragma once
// The schema model: data dictionaries (elements, composites, segments) and transaction-set
// structures, compiled from the JSON files under edi/schemas/ (format: edi/schemas/README.md)
// into flat arrays and integer-keyed tables the validator walks without allocating.
//
// Lifetime and threads: a SchemaRegistry owns every Dictionary and TransactionSchema it
// hands out; the pointers stay valid as long as the registry (moving it keeps them valid).
// A registry is immutable after loading and may be shared by any number of threads and
// Validators.

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "edi/delimiters.h"
#include "edi/result.h"
#include "edi/schema_tables.h"

namespace ordex::edi {

inline constexpr std::uint32_t kUnbounded = 0xFFFFFFFFu;

// M, O, and X (X12) / C (EDIFACT): conditional, the condition being in the syntax notes.
enum class Usage : std::uint8_t { kMandatory, kOptional, kConditional };

enum class DataType : std::uint8_t {
  kText,            // X12 AN, EDIFACT an
  kIdentifier,      // X12 ID
  kAlphabetic,      // EDIFACT a
  kImpliedDecimal,  // X12 N, N0..N9: optional minus, digits only
  kDecimal,         // X12 R, EDIFACT n: optional minus, digits, at most one decimal mark
  kDate,            // X12 DT: CCYYMMDD or YYMMDD
  kTime,            // X12 TM: HHMM[SS[D[D]]]
  kBinary,          // X12 B: not checked
};

struct ElementDef {
  // What the hot path reads comes first, on one cache line.
  DataType type = DataType::kText;
  std::uint8_t decimals = 0;  // Nn
  std::uint16_t min_length = 0;
  std::uint16_t max_length = 0;
  CodeSet codes;    // empty: the value is not checked against a list
  std::string ref;  // "353", "2380"
  std::string name;
};

// An element (or a composite) at one position of a segment, or a component of a composite.
struct ElementUse {
  std::uint16_t index = 0;  // into Dictionary::elements, or ::composites when `composite`
  bool composite = false;
  Usage usage = Usage::kOptional;
  std::uint32_t repeat = 1;  // kUnbounded for ">1"
};

// X12 relational conditions and EDIFACT dependency notes, normalised to what they require.
enum class RuleKind : std::uint8_t {
  kPaired,           // X12 P, EDIFACT D2: all or none
  kRequired,         // X12 R, EDIFACT D3: at least one
  kExclusion,        // X12 E, EDIFACT D4: at most one
  kConditional,      // X12 C, EDIFACT D5: if the first, then all the others
  kListConditional,  // X12 L, EDIFACT D6: if the first, then at least one of the others
  kExactlyOne,       // EDIFACT D1: one and only one
  kIfFirstThenNone,  // EDIFACT D7: if the first, then none of the others
};

struct SyntaxRule {
  RuleKind kind = RuleKind::kPaired;
  std::uint64_t mask = 0;               // bit p-1 set for every position p
  std::uint64_t first = 0;              // the bit of positions[0]
  std::vector<std::uint8_t> positions;  // 1-based element (or component) positions, <= 64
  std::string text;                     // as published: "P0304", "D3:0102"
};

// Positions (1-based, 0 = none) of a date/time format qualifier and the value it
// describes in one segment or composite: EDIFACT 2379/2380 in C507, X12 1250/1251 in DTM.
struct DateFormatPair {
  std::uint8_t format = 0;
  std::uint8_t value = 0;
};

struct CompositeDef {
  std::string ref;
  std::string name;
  std::vector<ElementUse> components;  // never composite
  std::vector<SyntaxRule> rules;
  DateFormatPair date_format;
  std::uint8_t last_mandatory = 0;  // position of the last mandatory component; 0 if none
};

struct SegmentDef {
  std::string tag;
  std::string name;
  std::vector<ElementUse> elements;
  std::vector<SyntaxRule> rules;
  DateFormatPair date_format;
  std::uint8_t last_mandatory = 0;  // position of the last mandatory element; 0 if none
};

// One dictionary.json: every element, composite and segment of one standard and version.
struct Dictionary {
  Standard standard = Standard::kX12;
  std::string version;  // "004010", "D96A"
  std::string file;     // where it was loaded from, for messages
  std::vector<ElementDef> elements;
  std::vector<CompositeDef> composites;
  std::vector<SegmentDef> segments;
  bool exponent_allowed = false;  // X12 R may carry an exponent from 005010 on
  TagTable segment_tags;
  std::unordered_map<std::string, std::uint16_t> element_index;    // ref -> elements
  std::unordered_map<std::string, std::uint16_t> composite_index;  // ref -> composites

  // Index into `segments`, or -1 when the tag is not in the dictionary.
  std::int32_t find_segment(std::string_view tag) const { return segment_tags.find(tag); }
};

// One position of a transaction-set structure: a segment, or a loop entered on its trigger.
struct StructureEntry {
  std::uint16_t segment = 0;  // Dictionary::segments; for a loop, its trigger segment
  std::int32_t loop = -1;     // TransactionSchema::loops when this entry is a loop
  Usage usage = Usage::kOptional;
  std::uint32_t max = 1;  // uses of the segment, or iterations of the loop; kUnbounded
};

// The entries of one loop are entries[first, end), the first being its trigger segment.
// Loop 0 is the transaction set itself (empty id, parent -1).
struct LoopDef {
  std::string id;  // "PO1", "HL", "SG2": AK303 / the EDIFACT segment group
  std::uint32_t first = 0;
  std::uint32_t end = 0;
  std::int32_t parent = -1;
};

struct TransactionSchema {
  Standard standard = Standard::kX12;
  std::string version;  // as in the file: "004010", "D96A"
  std::string id;       // "850", "ORDERS"
  std::string name;
  std::string functional_group;  // X12 GS01 ("PO"); EDIFACT: the message type
  std::string file;
  bool hl_integrity = false;
  const Dictionary* dictionary = nullptr;
  std::vector<LoopDef> loops;
  std::vector<StructureEntry> entries;
  // Where each segment occurs in each loop: the sequencer's search ahead is one probe.
  LoopIndex loop_index;
  // Per entry: the first mandatory entry at or after it in its loop (the loop's end when
  // none), so finding what a jump ahead skipped hops over the optional ones.
  std::vector<std::uint32_t> next_mandatory;
  std::vector<std::uint8_t> in_set;  // per dictionary segment: 1 if it occurs anywhere here
  std::int32_t hl_segment = -1;      // dictionary index of HL when hl_integrity
};

namespace detail {
class RegistryBuilder;
}

class SchemaRegistry {
 public:
  // Every schema compiled into the binary. Errors (malformed JSON, dangling references)
  // name the file and the JSON path.
  static Result<SchemaRegistry> embedded();
  // Every *.json under `dir`, recursively: one dictionary.json per folder and one file per
  // transaction set.
  static Result<SchemaRegistry> from_directory(const std::string& dir);

  SchemaRegistry(SchemaRegistry&&) noexcept = default;
  SchemaRegistry& operator=(SchemaRegistry&&) noexcept = default;

  // version: X12 GS08/ST03 ("004010", "004010VICS", "005010X231A1": matched on the first 6
  // characters) or EDIFACT "D96A"/"D01B" (case-insensitive). Null when not registered.
  const TransactionSchema* find(Standard standard, std::string_view version,
                                std::string_view set_id) const;

  // "X12 004010 850 Purchase Order", ... sorted, for --help and docs.
  std::vector<std::string> describe() const;

  std::size_t size() const { return sets_.size(); }

 private:
  friend class detail::RegistryBuilder;
  SchemaRegistry() = default;

  std::vector<std::unique_ptr<Dictionary>> dictionaries_;
  std::vector<std::unique_ptr<TransactionSchema>> sets_;
  std::map<std::string, const TransactionSchema*, std::less<>> index_;
};

// The key find() matches on: standard, the version's significant part, the set id.
std::string schema_key(Standard standard, std::string_view version, std::string_view set_id);

}  // namespace ordex::edi
