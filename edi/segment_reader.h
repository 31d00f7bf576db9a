#pragma once
// Stage 2 of tokenizing: turns indexed bytes into segments, streaming.
//
// The reader owns one buffer (a block of the input plus the unfinished segment carried over
// from the previous block) and one offset index for it. Memory is bounded by the block size
// and the longest segment, never by the file size.
//
// PERF NOTES
// - Bytes are indexed lazily, `index_chunk` at a time, so a change of delimiters between
//   interchanges re-indexes at most one chunk; the offset index only holds the entries of
//   the unconsumed part of that chunk and is reused from its start.
// - Input that is already in memory (ByteSource::contiguous) is read in place: no copy.
// - A Segment is a pointer into the offset index; next() allocates nothing once the buffers
//   have reached their working size.
// - Stage 1 also writes where in the offset index each terminator is (IndexOutput), so
//   next() finds the end of a segment with one load: no loop over the element separators
//   (whose exit mispredicted on every segment), and no look at the bytes.
//
// Not thread-safe; one reader per input.

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "edi/byte_source.h"
#include "edi/delimiters.h"
#include "edi/segment.h"
#include "edi/structural_index.h"

namespace ordex::edi {

struct SegmentReaderOptions {
  std::size_t block_size = std::size_t{1} << 20;
  std::size_t index_chunk = std::size_t{64} << 10;
  // A segment longer than this is reported as kTooLong rather than buffered.
  std::size_t max_segment = std::size_t{16} << 20;
  IndexKernel kernel = best_index_kernel();
};

class SegmentReader {
 public:
  enum class Next : std::uint8_t {
    kSegment,    // `out` holds the next segment
    kEnd,        // no more bytes (only filler was left)
    kTruncated,  // the input ended inside a segment; pending() holds its bytes
    kTooLong,    // a segment exceeds max_segment; the reader cannot go on
    kReadError,  // the source failed; source.error() says why
  };

  explicit SegmentReader(ByteSource& source, SegmentReaderOptions options = {});

  // Bytes allocated past the buffer's capacity so that fixed-width loads near the end of the
  // data (Segment::tag_code) stay inside the allocation.
  static constexpr std::size_t kBufferPadding = 8;

  void set_delimiters(const Delimiters& d);
  const Delimiters& delimiters() const { return delimiters_; }

  // Skips what may stand between interchanges: whitespace, NUL, a UTF-8 byte-order mark and
  // the DOS end-of-file byte 0x1A. Returns false when the input is exhausted.
  bool skip_filler();

  // Up to `n` bytes from the current position without consuming them (fewer only at end of
  // input). Valid until the next call that moves the reader.
  std::string_view peek(std::size_t n);
  void consume(std::size_t n);

  // Inline fast path: the next terminator is already indexed. CR/LF between segments are
  // never delimiters (skip_crlf_), so stepping over them passes no index entry.
  Next next(Segment& out) {
    if (term_begin_ < term_end_) {
      // A terminator lies ahead, so the skip needs no bounds check.
      if (skip_crlf_) begin_ = past_line_breaks(data_, begin_);
      emit(out);
      return Next::kSegment;
    }
    return next_slow(out);
  }

  // Reads the segments that are already indexed, as next() would, and hands each to
  // `take(out)` until it returns false (true then) or they run out (false then: call next()
  // for the rest). The reader's position stays in registers across the calls, where next()
  // must reload it from memory after every opaque call the caller makes: the walker's loop
  // over transaction bodies, with a virtual handler call per segment, runs on this.
  // `take` must not use the reader.
  template <typename Take>
  bool next_indexed(Segment& out, Take&& take) {
    const char* const data = data_;
    const std::uint32_t* const index = index_.get();
    const std::uint32_t* const terminators = terminators_.get();
    const std::uint64_t file_base = buffer_file_offset_;
    const bool skip_crlf = skip_crlf_;
    std::size_t term = term_begin_;
    const std::size_t term_end = term_end_;
    std::size_t first = index_begin_;
    std::size_t begin = begin_;
    bool stopped = false;
    while (term < term_end) {
      if (skip_crlf) begin = past_line_breaks(data, begin);
      const std::size_t rank = terminators[term++];
      const std::uint32_t at = index[rank];
      assert(data[at] == delimiters_.segment);
      out = Segment(data, static_cast<std::uint32_t>(begin), index + first,
                    static_cast<std::uint32_t>(rank - first + 1), file_base + begin);
      begin = at + std::size_t{1};
      first = rank + 1;
      if (!take(static_cast<const Segment&>(out))) {
        stopped = true;
        break;
      }
    }
    term_begin_ = term;
    index_begin_ = first;
    begin_ = begin;
    return stopped;
  }

  // Steps back to the start of `segment`, the one next() just returned, so that it is read
  // again (after new delimiters, when an interchange header turns up where a trailer was due).
  void unread(const Segment& segment);

  // Bytes left unconsumed after kTruncated (capped at what is buffered).
  std::string_view pending() const { return {data_ + begin_, end_ - begin_}; }

  // File offset of the current position.
  std::uint64_t offset() const { return buffer_file_offset_ + begin_; }
  bool read_failed() const { return read_failed_; }

 private:
  // The position of the first byte at or after `at` that is neither CR nor LF. A segment
  // nearly always starts with a letter: one compare rules both out (they are below 0x0E),
  // where testing for each was two branches per segment.
  static std::size_t past_line_breaks(const char* data, std::size_t at) {
    if (static_cast<unsigned char>(data[at]) > '\r') [[likely]] {
      return at;
    }
    while (data[at] == '\n' || data[at] == '\r') ++at;
    return at;
  }
  Next next_slow(Segment& out);
  // Precondition: term_begin_ < term_end_.
  void emit(Segment& out) {
    const std::size_t rank = terminators_[term_begin_++];
    const std::uint32_t at = index_[rank];
    assert(data_[at] == delimiters_.segment);
    out =
        Segment(data_, static_cast<std::uint32_t>(begin_), index_.get() + index_begin_,
                static_cast<std::uint32_t>(rank - index_begin_ + 1), buffer_file_offset_ + begin_);
    begin_ = at + std::size_t{1};
    index_begin_ = rank + 1;
  }
  void reset_index();
  bool fill(std::size_t want);  // makes at least `want` unconsumed bytes available if it can
  void compact();
  bool grow();
  void index_more();
  void make_index_room(std::size_t entries);
  void drop_index_before_begin();
  void skip_line_breaks();

  ByteSource& source_;
  SegmentReaderOptions options_;
  Delimiters delimiters_;
  bool delimiters_set_ = false;
  bool skip_crlf_ = true;  // CR and LF are not delimiters, so they may stand between segments

  std::unique_ptr<char[]> buffer_;  // owned block buffer; empty when reading in place
  const char* data_ = nullptr;      // buffer_.get(), or the source's own bytes
  std::size_t capacity_ = 0;
  std::size_t begin_ = 0;  // first unconsumed byte
  std::size_t end_ = 0;    // one past the last byte read
  std::uint64_t buffer_file_offset_ = 0;
  bool eof_ = false;
  bool read_failed_ = false;

  std::unique_ptr<std::uint32_t[]> index_;
  std::size_t index_capacity_ = 0;
  std::size_t index_begin_ = 0;  // first entry not yet handed out
  std::size_t index_end_ = 0;
  // Positions in index_ of the terminators among its entries (same capacity as index_).
  std::unique_ptr<std::uint32_t[]> terminators_;
  std::size_t term_begin_ = 0;  // the first whose position is index_begin_ or later
  std::size_t term_end_ = 0;
  std::size_t indexed_to_ = 0;  // buffer offset up to which bytes are indexed
  IndexState index_state_;
};

}  // namespace ordex::edi
