#pragma once
// Shared by the acknowledgment writers: the segment writer (the one place that joins elements
// and terminates segments), the date-time stamp, our own control numbers, and the X12
// ISA/IEA envelope that 997, 999 and TA1 all travel in.

#include <chrono>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "edi/delimiters.h"
#include "edi/envelope.h"

namespace ordex::edi {

// Which acknowledgment to write. X12 interchanges get the one chosen; EDIFACT interchanges
// get a CONTRL for any kind but kNone (see ack_builder.h).
enum class AckKind : std::uint8_t { kNone, k997, k999, kTA1, kCONTRL };
std::string_view to_string(AckKind kind);  // "none", "997", "999", "ta1", "contrl"
// Parses the CLI spelling (case-insensitive); nullopt when `text` names no kind.
std::optional<AckKind> parse_ack_kind(std::string_view text);

// Where our own interchange and group control numbers come from. Implementations must not
// throw; a persistent one should reserve numbers ahead so that next_*() cannot fail.
// Numbers are 1..999999999 (ISA13 and GS06 hold at most nine digits).
class ControlNumbers {
 public:
  virtual ~ControlNumbers() = default;
  virtual std::uint32_t next_interchange() = 0;
  virtual std::uint32_t next_group() = 0;
};

// In-memory counters; wrap from 999999999 back to 1.
class CountingControlNumbers final : public ControlNumbers {
 public:
  explicit CountingControlNumbers(std::uint32_t first_interchange = 1,
                                  std::uint32_t first_group = 1)
      : interchange_(first_interchange), group_(first_group) {}
  std::uint32_t next_interchange() override { return take(interchange_); }
  std::uint32_t next_group() override { return take(group_); }

 private:
  static std::uint32_t take(std::uint32_t& counter);
  std::uint32_t interchange_;
  std::uint32_t group_;
};

namespace detail {

// The date and time an acknowledgment is stamped with, in the forms the envelopes use.
struct AckStamp {
  std::string ccyymmdd;                                      // GS04, EDIFACT syntax 4 UNB
  std::string hhmm;                                          // ISA10, GS05, UNB
  std::string yymmdd() const { return ccyymmdd.substr(2); }  // ISA09, EDIFACT syntax 1-3 UNB
};
AckStamp make_stamp(std::chrono::sys_seconds at);

// Writes segments with one set of delimiters. Values are made safe for the output: EDIFACT
// escapes service characters with the release character; X12, which has no escape, replaces
// them with a space (callers drop values where that would mislead, such as AK404). Empty
// trailing elements and components are left out, as both standards require.
class SegmentWriter {
 public:
  SegmentWriter(Standard standard, const Delimiters& delimiters);
  // As if newly made with these, keeping the capacity of what was written (acknowledgment
  // builders reuse their writers from one interchange to the next).
  void reset(Standard standard, const Delimiters& delimiters);

  SegmentWriter& begin(std::string_view tag);
  SegmentWriter& add(std::string_view value);
  SegmentWriter& add(std::uint64_t number);
  // A composite element; empty trailing components are dropped.
  SegmentWriter& add_composite(std::initializer_list<std::string_view> components);
  // Bytes written as they are: ISA11/ISA16, which are delimiters by definition.
  SegmentWriter& add_raw(std::string_view bytes);
  void end();

  // Appends another writer's finished segments (same delimiters) and counts them.
  void append(const SegmentWriter& other);
  // Bytes written before any segment (EDIFACT UNA); not counted as a segment.
  void prefix(std::string_view bytes) { put_raw(bytes); }

  std::uint32_t segments() const { return segments_; }
  // What was written; valid until the next write.
  const std::string& text() const {
    out_.resize(size_);
    return out_;
  }
  const Delimiters& delimiters() const { return d_; }

 private:
  // A group's acknowledgment for a few sets, without growing.
  static constexpr std::size_t kInitialCapacity = 256;

  bool is_service_char(char c) const { return service_[static_cast<unsigned char>(c)]; }
  // Room for `n` more bytes at size_. out_ is kept longer than what is written (text()
  // trims it), so that values are copied in with plain stores: std::string's append() was
  // an out-of-line call per value and per separator, ~100 instructions a value in all.
  char* room(std::size_t n) {
    if (size_ + n > out_.size()) grow(n);
    return out_.data() + size_;
  }
  void grow(std::size_t n);
  void put_char(char c) {
    *room(1) = c;
    ++size_;
  }
  void put_raw(std::string_view bytes);
  void put_clean(std::string_view value);
  // Writes service character `c` of a value at `p` as the standard allows; returns the end.
  char* put_service_char(char* p, char c) const;
  void mark_element_end(bool non_empty);

  Standard standard_;
  Delimiters d_;
  // Per byte value: one of d_'s service characters. A byte per value rather than a bit: one
  // load per byte of every value written, where the bit test took four instructions more.
  bool service_[256] = {};
  mutable std::string out_;  // its first size_ bytes are the text
  std::size_t size_ = 0;
  std::size_t last_kept_ = 0;  // end of the last non-empty element of the open segment
  std::uint32_t segments_ = 0;
};

// Right-pads `value` with spaces (or cuts it) to exactly `width` bytes: ISA fixed fields.
std::string fixed_width(std::string_view value, std::size_t width);
// `number` with leading zeros to `width` digits: ISA13, ST02.
std::string zero_padded(std::uint64_t number, std::size_t width);
bool is_digits(std::string_view value);

// The delimiters our X12 acknowledgment uses: `chosen` (or the received ones), with a
// repetition separator exactly when the received version has one (00402 and later).
Delimiters x12_output_delimiters(const InterchangeHeader& received, const Delimiters& chosen);
// The 6-digit version of a received group (GS08 without its implementation suffix), falling
// back to the interchange version (ISA12 "00401" -> "004010").
std::string x12_base_version(std::string_view gs08, std::string_view isa12);
// ISA12 for our envelope: the received version when it is one (5 digits), else 00401.
std::string x12_isa_version(const InterchangeHeader& received);

// ISA with the received sender and receiver swapped, our control number, ISA14 0 and the
// received version and usage indicator.
void write_isa(SegmentWriter& w, const InterchangeHeader& received, std::uint32_t control,
               const AckStamp& stamp);
void write_iea(SegmentWriter& w, std::uint32_t groups, std::uint32_t control);

}  // namespace detail
}  // namespace ordex::edi
