#pragma once
// What a generated file contains, so a benchmark or a test can check a parser against it
// without parsing the file a second way.
//
// What is counted:
// - segments: every segment in the file, envelopes included: X12 ISA, GS, ST ... SE, GE, IEA;
//   EDIFACT UNB, UNG/UNE (when groups are on), UNH ... UNT, UNZ. The EDIFACT UNA service
//   string advice is not a segment and is not counted.
// - elements: per segment, the number of element separators after the tag, i.e. element
//   positions including empty ones in the middle ("N1**X" has 2). Component separators and
//   released (escaped) separators do not count. Segments never end in an empty element, so
//   this is also the position of the last element. ISA always has 16.
// - bytes: every byte written, segment terminators and optional newlines included.
// - orders / acknowledgments / shipments / invoices: the 850/855/856/810 (ORDERS / ORDRSP /
//   DESADV / INVOIC) written; carrier_events: the AT7 (X12) or STS (EDIFACT) segments.

#include <cstdint>
#include <map>
#include <ostream>
#include <string>
#include <vector>

namespace ordex::bench {

// One deliberately broken spot. Control numbers are spelled exactly as in the file.
struct InjectedError {
  std::string interchange;  // ISA13 / UNB 0020
  std::string group;        // GS06 / UNG 0048; empty for EDIFACT without functional groups
  std::string transaction;  // ST02 / UNH 0062
  std::string set;          // "850" or "ORDERS"
  // The segment in error. For a missing segment: the one left out, and the position it
  // would have had, which is the position of the segment the validator meets in its place.
  std::string segment;
  std::uint32_t segment_position = 0;    // ST / UNH is 1 (the X12 AK302 convention)
  std::uint32_t element_position = 0;    // 1-based; 0 when the segment itself is in error
  std::uint32_t component_position = 0;  // 1-based within a composite; 0 for a whole element
  std::string code;                      // "AK4:7", "CONTRL:13", ...
};

struct Manifest {
  std::string standard;  // "X12" or "EDIFACT"
  std::string version;   // "004010", "005010", "D96A", "D01B"
  std::uint64_t seed = 0;
  std::uint64_t target_bytes = 0;
  std::uint64_t bytes = 0;
  std::uint64_t interchanges = 0;
  std::uint64_t groups = 0;
  std::uint64_t transactions = 0;
  std::map<std::string, std::uint64_t> transactions_by_set;  // "850" -> n, "ORDERS" -> n
  std::uint64_t segments = 0;
  std::uint64_t elements = 0;
  std::uint64_t orders = 0;
  std::uint64_t acknowledgments = 0;
  std::uint64_t shipments = 0;
  std::uint64_t carrier_events = 0;
  std::uint64_t invoices = 0;
  // The one list that grows with the file: about error_rate * transactions entries.
  std::vector<InjectedError> errors;
};

// One JSON object, keys in a fixed order, snake_case, so two manifests can be diffed.
void write_manifest_json(const Manifest& manifest, std::ostream& out);

}  // namespace ordex::bench
