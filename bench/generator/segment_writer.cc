#include "segment_writer.h"

#include <cstring>
#include <stdexcept>

namespace ordex::bench {
namespace {

// Big enough that the stream sees few, large writes; small enough to be irrelevant for RSS.
constexpr std::size_t kBufferSize = std::size_t{1} << 20;

}  // namespace

SegmentWriter::SegmentWriter(std::ostream& out, Separators separators)
    : out_(out), separators_(separators), buffer_(new char[kBufferSize]) {
  if (separators_.release != 0) {
    for (const char c :
         {separators_.segment, separators_.element, separators_.component, separators_.release}) {
      needs_release_[static_cast<unsigned char>(c)] = true;
    }
  }
}

void SegmentWriter::reserve(std::size_t n) {
  if (len_ + n <= kBufferSize) return;
  // Only finished segments leave the buffer: the open one may still lose trailing empties.
  const std::size_t done = segment_start_;
  if (done > 0) {
    out_.write(buffer_.get(), static_cast<std::streamsize>(done));
    if (!out_) throw std::runtime_error("write to the output failed");
    flushed_ += done;
    std::memmove(buffer_.get(), buffer_.get() + done, len_ - done);
    len_ -= done;
    kept_len_ -= done;
    segment_start_ = 0;
  }
  if (len_ + n > kBufferSize) throw std::length_error("segment larger than the output buffer");
}

void SegmentWriter::flush() {
  // Called between segments only, so everything buffered is final.
  if (len_ > 0) {
    out_.write(buffer_.get(), static_cast<std::streamsize>(len_));
    flushed_ += len_;
    len_ = kept_len_ = segment_start_ = 0;
  }
  out_.flush();
  if (!out_) throw std::runtime_error("write to the output failed");
}

void SegmentWriter::service_string(std::string_view text) {
  reserve(text.size() + 1);
  std::memcpy(buffer_.get() + len_, text.data(), text.size());
  len_ += text.size();
  if (separators_.newline) put('\n');
  segment_start_ = kept_len_ = len_;
}

SegmentWriter& SegmentWriter::seg(std::string_view tag) {
  reserve(tag.size());
  segment_start_ = len_;
  std::memcpy(buffer_.get() + len_, tag.data(), tag.size());
  len_ += tag.size();
  segment_elements_ = 0;
  keep();
  return *this;
}

SegmentWriter& SegmentWriter::el() {
  reserve(1);
  put(separators_.element);
  ++segment_elements_;
  return *this;
}

SegmentWriter& SegmentWriter::comp() {
  reserve(1);
  put(separators_.component);
  return *this;
}

SegmentWriter& SegmentWriter::text(std::string_view value) {
  if (value.empty()) return *this;
  reserve(2 * value.size());
  char* p = buffer_.get() + len_;
  if (separators_.release == 0) {
    std::memcpy(p, value.data(), value.size());
    p += value.size();
  } else {
    // A local cursor: stores through char* would otherwise make the compiler reload len_.
    const char release = separators_.release;
    for (const char c : value) {
      if (needs_release_[static_cast<unsigned char>(c)]) *p++ = release;
      *p++ = c;
    }
  }
  len_ = static_cast<std::size_t>(p - buffer_.get());
  keep();
  return *this;
}

SegmentWriter& SegmentWriter::digits(std::uint64_t value, int width) {
  char tmp[24];
  int n = 0;
  do {
    tmp[n++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value != 0);
  while (n < width) tmp[n++] = '0';
  reserve(static_cast<std::size_t>(n));
  char* p = buffer_.get() + len_;
  while (n > 0) *p++ = tmp[--n];
  len_ = static_cast<std::size_t>(p - buffer_.get());
  keep();
  return *this;
}

SegmentWriter& SegmentWriter::decimal(std::int64_t hundredths) {
  if (hundredths < 0) {
    reserve(1);
    put('-');
    hundredths = -hundredths;
  }
  const auto whole = static_cast<std::uint64_t>(hundredths / 100);
  const auto cents = static_cast<int>(hundredths % 100);
  digits(whole);
  if (cents != 0) {
    reserve(3);
    put('.');
    put(static_cast<char>('0' + cents / 10));
    if (cents % 10 != 0) put(static_cast<char>('0' + cents % 10));
    keep();
  }
  return *this;
}

SegmentWriter& SegmentWriter::date8(const CivilTime& t) {
  digits(static_cast<std::uint64_t>(t.year), 4);
  digits(static_cast<std::uint64_t>(t.month), 2);
  return digits(static_cast<std::uint64_t>(t.day), 2);
}

SegmentWriter& SegmentWriter::date6(const CivilTime& t) {
  digits(static_cast<std::uint64_t>(t.year % 100), 2);
  digits(static_cast<std::uint64_t>(t.month), 2);
  return digits(static_cast<std::uint64_t>(t.day), 2);
}

SegmentWriter& SegmentWriter::time4(const CivilTime& t) {
  digits(static_cast<std::uint64_t>(t.hour), 2);
  return digits(static_cast<std::uint64_t>(t.minute), 2);
}

void SegmentWriter::end() {
  len_ = kept_len_;
  reserve(2);
  put(separators_.segment);
  if (separators_.newline) put('\n');
  ++segments_;
  elements_ += kept_elements_;
  segment_start_ = kept_len_ = len_;
}

}  // namespace ordex::bench
