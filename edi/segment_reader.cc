#include "edi/segment_reader.h"

#include <algorithm>
#include <cstring>

namespace ordex::edi {

SegmentReader::SegmentReader(ByteSource& source, SegmentReaderOptions options)
    : source_(source), options_(options) {
  const std::string_view whole = source_.contiguous();
  if (!whole.empty() && whole.size() < (std::size_t{1} << 31)) {
    data_ = whole.data();
    capacity_ = end_ = whole.size();
    eof_ = true;
  } else {
    capacity_ = std::max<std::size_t>(options_.block_size, 4096);
    buffer_ = std::make_unique<char[]>(capacity_ + kBufferPadding);
    data_ = buffer_.get();
  }
  options_.index_chunk = std::max<std::size_t>(options_.index_chunk, 64);
  index_capacity_ = options_.index_chunk * 2 + kIndexSlack;
  // Not zeroed: stage 1 writes every entry before stage 2 reads it, and zeroing the ~1 MB of
  // the two arrays cost every reader (one per input) a pass over memory it never reads.
  index_ = std::make_unique_for_overwrite<std::uint32_t[]>(index_capacity_);
  terminators_ = std::make_unique_for_overwrite<std::uint32_t[]>(index_capacity_);
}

void SegmentReader::reset_index() {
  index_begin_ = index_end_ = term_begin_ = term_end_ = 0;
  indexed_to_ = begin_;
  index_state_ = {};
}

void SegmentReader::set_delimiters(const Delimiters& d) {
  if (delimiters_set_ && d == delimiters_) return;
  // The index depends on these three only: a new repetition or component separator (the
  // walker sets the repetition separator after reading ISA11 / UNB, every interchange)
  // keeps the offsets already found.
  const bool same_index = delimiters_set_ && d.segment == delimiters_.segment &&
                          d.element == delimiters_.element && d.release == delimiters_.release;
  delimiters_ = d;
  delimiters_set_ = true;
  if (same_index) return;
  // CR/LF between segments are skipped only when neither is a service character: a release
  // character CR, say, escapes the byte after it and must reach the index.
  auto line_break = [](char c) { return c == '\r' || c == '\n'; };
  skip_crlf_ = !line_break(d.segment) && !line_break(d.element) && !line_break(d.release);
  // Offsets found with the old delimiters mean nothing now.
  reset_index();
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

// Only for the owned buffer: moves the unconsumed bytes to its start (offsets shift with them).
void SegmentReader::compact() {
  const std::size_t keep = end_ - begin_;
  std::memmove(buffer_.get(), buffer_.get() + begin_, keep);
  const auto shift = static_cast<std::uint32_t>(begin_);
  for (std::size_t i = index_begin_; i < index_end_; ++i) index_[i] -= shift;
  indexed_to_ -= begin_;
  buffer_file_offset_ += begin_;
  end_ = keep;
  begin_ = 0;
}

bool SegmentReader::grow() {
  if (capacity_ >= options_.max_segment) return false;
  const std::size_t bigger = std::min(capacity_ * 2, options_.max_segment);
  auto buffer = std::make_unique<char[]>(bigger + kBufferPadding);
  std::memcpy(buffer.get(), buffer_.get(), end_);
  buffer_ = std::move(buffer);
  data_ = buffer_.get();
  capacity_ = bigger;
  return true;
}

// Room for `entries` more offsets: reuse the index from its start when the consumed entries
// are in the way, grow it only when one unfinished segment needs more than that.
// The terminator ranks move with the entries they point at.
void SegmentReader::make_index_room(std::size_t entries) {
  if (index_end_ + entries + kIndexSlack <= index_capacity_) return;
  const std::size_t pending = index_end_ - index_begin_;
  const std::size_t pending_terms = term_end_ - term_begin_;
  if (pending + entries + kIndexSlack > index_capacity_) {
    index_capacity_ = (pending + entries + kIndexSlack) * 2;
    auto bigger = std::make_unique_for_overwrite<std::uint32_t[]>(index_capacity_);
    std::memcpy(bigger.get(), index_.get() + index_begin_, pending * sizeof(std::uint32_t));
    index_ = std::move(bigger);
    auto terms = std::make_unique_for_overwrite<std::uint32_t[]>(index_capacity_);
    std::memcpy(terms.get(), terminators_.get() + term_begin_,
                pending_terms * sizeof(std::uint32_t));
    terminators_ = std::move(terms);
  } else {
    std::memmove(index_.get(), index_.get() + index_begin_, pending * sizeof(std::uint32_t));
    std::memmove(terminators_.get(), terminators_.get() + term_begin_,
                 pending_terms * sizeof(std::uint32_t));
  }
  const auto shift = static_cast<std::uint32_t>(index_begin_);
  for (std::size_t i = 0; i < pending_terms; ++i) terminators_[i] -= shift;
  index_begin_ = 0;
  index_end_ = pending;
  term_begin_ = 0;
  term_end_ = pending_terms;
}

void SegmentReader::index_more() {
  const std::size_t len = std::min(options_.index_chunk, end_ - indexed_to_);
  make_index_room(len);
  IndexOutput out;
  out.offsets = index_.get() + index_end_;
  out.terminators = terminators_.get() + term_end_;
  out.first_rank = static_cast<std::uint32_t>(index_end_);
  const IndexCounts n =
      index_structurals(options_.kernel, data_ + indexed_to_, len,
                        static_cast<std::uint32_t>(indexed_to_), delimiters_, index_state_, out);
  index_end_ += n.offsets;
  term_end_ += n.terminators;
  indexed_to_ += len;
}

void SegmentReader::drop_index_before_begin() {
  while (index_begin_ < index_end_ && index_[index_begin_] < begin_) ++index_begin_;
  while (term_begin_ < term_end_ && terminators_[term_begin_] < index_begin_) ++term_begin_;
  // Consumed past what was indexed (raw ISA / UNA handling): start indexing afresh there.
  if (indexed_to_ < begin_) reset_index();
}

bool SegmentReader::skip_filler() {
  for (;;) {
    if (!fill(1)) return false;
    const auto c = static_cast<unsigned char>(data_[begin_]);
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
  return {data_ + begin_, std::min(n, end_ - begin_)};
}

void SegmentReader::consume(std::size_t n) {
  begin_ += std::min(n, end_ - begin_);
  drop_index_before_begin();
}

void SegmentReader::skip_line_breaks() {
  // Many senders put CR/LF after each terminator; they belong to no segment. CR and LF are
  // never delimiters here (skip_crlf_), so skipping them moves past no index entry.
  for (;;) {
    while (begin_ < end_ && (data_[begin_] == '\r' || data_[begin_] == '\n')) ++begin_;
    if (begin_ < end_ || !fill(1)) break;
  }
  if (indexed_to_ < begin_) drop_index_before_begin();
}

void SegmentReader::unread(const Segment& segment) {
  begin_ = static_cast<std::size_t>(segment.file_offset() - buffer_file_offset_);
  reset_index();
}

SegmentReader::Next SegmentReader::next_slow(Segment& out) {
  if (skip_crlf_) {
    while (begin_ < end_ && (data_[begin_] == '\r' || data_[begin_] == '\n')) ++begin_;
  }
  if (begin_ == end_) {
    if (skip_crlf_) skip_line_breaks();
    if (begin_ == end_ && !fill(1)) return read_failed_ ? Next::kReadError : Next::kEnd;
  }
  for (;;) {
    if (term_begin_ < term_end_) {
      emit(out);
      return Next::kSegment;
    }
    // The same limit whether the input is buffered or read in place.
    if (indexed_to_ > begin_ && indexed_to_ - begin_ > options_.max_segment) return Next::kTooLong;
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
