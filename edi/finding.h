#pragma once
// A finding is one problem in the input, named with the standards' own error codes.
// Findings are data: the walker and validator report them to an EnvelopeHandler and go on.

#include <cstdint>
#include <string>
#include <string_view>

namespace ordex::edi {

// Which standard list a code comes from. X12: TA1 note codes (I18), AK9/AK905 group codes
// (716), AK5/AK502 set codes (718), AK3/AK304 segment codes (720), AK4/AK403 element codes
// (723). EDIFACT: CONTRL syntax error codes (0085). kFile: the input is not EDI at all.
enum class CodeList : std::uint8_t { kTA1, kAK9, kAK5, kAK3, kAK4, kCONTRL, kFile };

struct Code {
  CodeList list = CodeList::kFile;
  std::uint16_t value = 0;
  // "TA1:001", "AK4:7", "CONTRL:12", "file:1".
  std::string str() const;
  friend bool operator==(const Code&, const Code&) = default;
};

// File-level codes (CodeList::kFile), for input no standard's codes can describe.
inline constexpr std::uint16_t kFileEmpty = 1;
inline constexpr std::uint16_t kFileNotEdi = 2;
inline constexpr std::uint16_t kFileUnreadable = 3;
inline constexpr std::uint16_t kFileSegmentTooLong = 4;

enum class Severity : std::uint8_t { kError, kWarning };
std::string_view to_string(Severity severity);

struct Finding {
  Code code;
  Severity severity = Severity::kError;
  std::string message;
  std::string segment;                 // tag of the segment at fault; empty when n/a
  std::uint32_t segment_position = 0;  // from ST/UNH as 1; 0 outside a transaction
  std::uint32_t element = 0;           // 1-based position in the segment; 0 when n/a
  std::uint32_t component = 0;         // 1-based; 0 when n/a
  std::uint32_t repetition = 0;        // 1-based; 0 when n/a
  std::string element_ref;             // data element reference number (AK404, UCD)
  std::string bad_value;               // copy of the bad data, at most 99 bytes (AK404)
  std::string loop_id;                 // AK303: loop the segment is in, when in one
  // The segment that opened that loop (999 CTX segment context), when it is not the
  // faulty segment itself.
  std::string loop_trigger;
  std::uint32_t loop_trigger_position = 0;
  std::uint64_t offset = 0;  // byte offset in the file of the segment at fault
};

}  // namespace ordex::edi
