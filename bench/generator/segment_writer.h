#pragma once
// Builds segments straight into a fixed output buffer and counts what it writes. The buffer
// is flushed to the stream in large blocks, so memory stays constant however big the file.
//
//   w.seg("PO1").el(1).el(12).el("EA").el().decimal(999).end();   // PO1*1*12*EA*9.99~
//
// el() opens the next element, comp() the next component of the current element; the value
// calls (text, digits, decimal, date8 ...) append to whatever is open. end() drops trailing
// empty elements, because both standards forbid sending them.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <ostream>
#include <string_view>

#include "civil_time.h"

namespace ordex::bench {

struct Separators {
  char segment = '~';
  char element = '*';
  char component = '>';
  char release = 0;      // 0 when the syntax has none (X12): values must then avoid separators
  bool newline = false;  // a '\n' after each segment terminator
};

class SegmentWriter {
 public:
  SegmentWriter(std::ostream& out, Separators separators);
  SegmentWriter(const SegmentWriter&) = delete;
  SegmentWriter& operator=(const SegmentWriter&) = delete;

  // Bytes that are not a segment (the EDIFACT UNA service string advice).
  void service_string(std::string_view text);

  SegmentWriter& seg(std::string_view tag);
  SegmentWriter& el();
  SegmentWriter& el(std::string_view value) { return el().text(value); }
  SegmentWriter& el(std::uint64_t value) { return el().digits(value); }
  SegmentWriter& comp();
  SegmentWriter& comp(std::string_view value) { return comp().text(value); }

  // Data characters; separators in `value` are released (EDIFACT) and must not occur in X12.
  SegmentWriter& text(std::string_view value);
  // `value` in decimal, left-padded with zeros to `width`.
  SegmentWriter& digits(std::uint64_t value, int width = 0);
  // An amount in hundredths with trailing fraction zeros suppressed: 999 -> 9.99, 1000 -> 10.
  SegmentWriter& decimal(std::int64_t hundredths);
  SegmentWriter& date8(const CivilTime& t);  // CCYYMMDD
  SegmentWriter& date6(const CivilTime& t);  // YYMMDD
  SegmentWriter& time4(const CivilTime& t);  // HHMM
  void end();

  // Hands everything buffered to the stream; throws std::runtime_error when it fails.
  void flush();

  std::uint64_t bytes() const { return flushed_ + len_; }
  std::uint64_t segments() const { return segments_; }
  std::uint64_t elements() const { return elements_; }
  const Separators& separators() const { return separators_; }

 private:
  void reserve(std::size_t n);
  void put(char c) { buffer_[len_++] = c; }
  void keep() {
    kept_len_ = len_;
    kept_elements_ = segment_elements_;
  }

  std::ostream& out_;
  Separators separators_;
  bool needs_release_[256] = {};
  std::unique_ptr<char[]> buffer_;
  std::size_t len_ = 0;
  std::size_t segment_start_ = 0;
  std::size_t kept_len_ = 0;  // end of the last non-empty element of the open segment
  std::uint32_t segment_elements_ = 0;
  std::uint32_t kept_elements_ = 0;
  std::uint64_t flushed_ = 0;
  std::uint64_t segments_ = 0;
  std::uint64_t elements_ = 0;
};

}  // namespace ordex::bench
