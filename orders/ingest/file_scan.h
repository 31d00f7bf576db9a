#pragma once
// The first look at an input file, before anything is written: what it is (by content, not by
// name), its SHA-256, and for EDI where each interchange lies and the SHA-256 of its bytes.
//
// Idempotent import needs an interchange's content hash when the interchange *begins* (to
// decide "new, same or different" before writing), but a hash is only known at its end, so
// EDI files are read twice: this scan (tokenizer and envelope walk only, no validation, about
// 1 GB/s) finds the interchange boundaries, and the interchange bytes are then hashed from
// the file. The import proper streams the file a third time; all reads stream, so memory does
// not grow with the file.
//
// Errors are values: an unreadable file is a Failure with the system's reason.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "edi/result.h"

namespace ordex::orders::ingest {

enum class InputKind : std::uint8_t { kEdi, kXmlFeed, kCsvFeed, kUnknown };
const char* to_string(InputKind kind);

// Decides from the first bytes of a file (a few hundred are enough): X12 / EDIFACT (ISA, UNA,
// UNB after an optional byte-order mark and white space), the XML tracking feed, or a CSV
// tracking feed (its header row names carrier_scac and status_code). kUnknown otherwise; the
// EDI path then reports the file as not EDI.
InputKind detect_input(std::string_view head);

// One interchange of an EDI file: [offset, end) in the file, and the SHA-256 of those bytes.
struct InterchangeSpan {
  std::uint32_t ordinal = 0;  // 1-based, as InterchangeHeader::ordinal
  std::uint64_t offset = 0;   // its header segment (ISA / UNB)
  std::uint64_t end = 0;      // just past its trailer (or where the next one starts)
  std::string sha256;         // of [offset, end)
  // Where to read the interchange again on its own: `offset`, or the UNA before its UNB (which
  // sets the delimiters; not part of the hash, which stays what earlier versions stored).
  std::uint64_t read_offset = 0;
};

struct FileScan {
  InputKind kind = InputKind::kUnknown;
  std::string sha256;
  std::uint64_t bytes = 0;
  std::vector<InterchangeSpan> interchanges;  // EDI only, in file order

  // The span of interchange `ordinal`, or null (an interchange whose header was unreadable).
  const InterchangeSpan* span(std::uint32_t ordinal) const;
};

// The SHA-256 of a file's bytes alone.
edi::Result<std::string> file_sha256(const std::string& path);

// Reads `path`: kind, file hash and, for EDI, the interchange spans with their hashes.
edi::Result<FileScan> scan_file(const std::string& path);

}  // namespace ordex::orders::ingest
