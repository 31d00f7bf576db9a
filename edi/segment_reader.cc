#include "edi/segment_reader.h"

#include <algorithm>
#include <cstring>

namespace ordex::edi {

SegmentReader::SegmentReader(ByteSource& source, SegmentReaderOptions options)
    : source_(source), options_(options) {
  capacity_ = std::max<std::size_t>(options_.block_size, 4096);
  buffer_ = std::make_unique<char[]>(capacity_);
  index_ = std::make_unique<std::uint32_t[]>(capacity_ + kIndexSlack);
}

void SegmentReader::set_delimiters(const Delimiters& d) {
  if (delimiters_set_ && d == delimiters_) return;
  delimiters_ = d;
  delimiters_set_ = true;
  // Offsets found with the old delimiters mean nothing now.
  index_begin_ = index_end_ = scan_ = 0;
  indexed_to_ = begin_;
  index_state_ = {};
}

bool SegmentReader::fill(std::size_t want) {
  while (end_ - begin_ < want && !eof_) {
    if (end_ == capacity_) {
      if (begin_ > 0) {
        compact();
      } else if (!grow()) {
        return false;
      }
    }
    const std::size_t got = source_.read(buffer_.get() + end_, capacity_ - end_);
    if (got == 0) {
      eof_ = true;
      read_failed_ = !source_.error().empty();
    }
    end_ += got;
  }
  return end_ - begin_ >= want;
}

void SegmentReader::compact() {
  const std::size_t keep = end_ - begin_;
  std::memmove(buffer_.get(), buffer_.get() + begin_, keep);
  const auto shift = static_cast<std::uint32_t>(begin_);
  const std::size_t entries = index_end_ - index_begin_;
  for (std::size_t i = 0; i < entries; ++i) index_[i] = index_[index_begin_ + i] - shift;
  scan_ -= index_begin_;
  index_begin_ = 0;
  index_end_ = entries;
  indexed_to_ -= begin_;
  buffer_file_offset_ += begin_;
  end_ = keep;
  begin_ = 0;
}

bool SegmentReader::grow() {
  if (capacity_ >= options_.max_segment) return false;
  const std::size_t bigger = std::min(capacity_ * 2, options_.max_segment);
  auto buffer = std::make_unique<char[]>(bigger);
  std::memcpy(buffer.get(), buffer_.get(), end_);
  auto index = std::make_unique<std::uint32_t[]>(bigger + kIndexSlack);
  std::memcpy(index.get(), index_.get(), index_end_ * sizeof(std::uint32_t));
  buffer_ = std::move(buffer);
  index_ = std::move(index);
  capacity_ = bigger;
  return true;
}

void SegmentReader::index_more() {
  const std::size_t len = std::min(options_.index_chunk, end_ - indexed_to_);
  index_end_ += index_structurals(options_.kernel, buffer_.get() + indexed_to_, len,
                                  static_cast<std::uint32_t>(indexed_to_), delimiters_,
                                  index_state_, index_.get() + index_end_);
  indexed_to_ += len;
}

void SegmentReader::drop_index_before_begin() {
  while (index_begin_ < index_end_ && index_[index_begin_] < begin_) ++index_begin_;
  scan_ = std::max(scan_, index_begin_);
  if (indexed_to_ < begin_) {
    // Consumed past what was indexed (raw ISA / UNA handling): start indexing afresh there.
    index_begin_ = index_end_ = scan_ = 0;
    indexed_to_ = begin_;
    index_state_ = {};
  }
}

bool SegmentReader::skip_filler() {
  for (;;) {
    if (!fill(1)) return false;
    const auto c = static_cast<unsigned char>(buffer_[begin_]);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0x1A || c == 0) {
      ++begin_;
      continue;
    }
    if (c == 0xEF) {
      const std::string_view bom = peek(3);
      if (bom == "\xEF\xBB\xBF") {
        begin_ += 3;
        continue;
      }
    }
    drop_index_before_begin();
    return true;
  }
}

std::string_view SegmentReader::peek(std::size_t n) {
  fill(n);
  return {buffer_.get() + begin_, std::min(n, end_ - begin_)};
}

void SegmentReader::consume(std::size_t n) {
  begin_ += std::min(n, end_ - begin_);
  drop_index_before_begin();
}

void SegmentReader::skip_line_breaks() {
  // Many senders put CR/LF after each terminator; they belong to no segment.
  for (;;) {
    while (begin_ < end_ && (buffer_[begin_] == '\r' || buffer_[begin_] == '\n') &&
           buffer_[begin_] != delimiters_.segment) {
      ++begin_;
    }
    if (begin_ < end_ || !fill(1)) break;
  }
  drop_index_before_begin();
}

void SegmentReader::unread(const Segment& segment) {
  begin_ = static_cast<std::size_t>(segment.file_offset() - buffer_file_offset_);
  index_begin_ = index_end_ = scan_ = 0;
  indexed_to_ = begin_;
  index_state_ = {};
}

SegmentReader::Next SegmentReader::next(Segment& out) {
  skip_line_breaks();
  if (begin_ == end_ && !fill(1)) return read_failed_ ? Next::kReadError : Next::kEnd;
  for (;;) {
    for (; scan_ < index_end_; ++scan_) {
      const std::uint32_t at = index_[scan_];
      if (buffer_[at] != delimiters_.segment) continue;
      out = Segment(buffer_.get(), static_cast<std::uint32_t>(begin_), index_.get() + index_begin_,
                    static_cast<std::uint32_t>(scan_ - index_begin_ + 1),
                    buffer_file_offset_ + begin_);
      begin_ = at + std::size_t{1};
      index_begin_ = ++scan_;
      return Next::kSegment;
    }
    if (indexed_to_ < end_) {
      index_more();
      continue;
    }
    if (eof_) return read_failed_ ? Next::kReadError : Next::kTruncated;
    const std::size_t before = end_ - begin_;
    if (!fill(before + 1)) {
      if (end_ - begin_ == before && !eof_) return Next::kTooLong;
      if (end_ - begin_ == before) return read_failed_ ? Next::kReadError : Next::kTruncated;
    }
  }
}

}  // namespace ordex::edi
