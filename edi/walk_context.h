#pragma once
// Private to edi/: state shared by the X12 and EDIFACT interchange walkers.

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "edi/envelope.h"
#include "edi/envelope_walker.h"
#include "edi/segment_reader.h"
#include "edi/short_copy.h"

namespace ordex::edi::detail {

// PERF NOTES
// Envelope segments are one in ten of the segments of a typical file (ST and SE around sets
// of ~18 segments), so what the walkers do per envelope shows next to the tokenizer's work
// per segment. Control numbers and header values are a few bytes: the helpers below copy
// and compare them with fixed-size loads instead of calls to memcpy / memcmp and the
// generic std::string paths, and the strings they fill are reused (WalkScratch).
// Transaction bodies are read by read_body(), with the reader's position in registers.
// Measured (bench/edi_bench, 64 MB, alternating runs): X12 tokenize + walk ~2,360 ->
// ~2,520 MB/s, EDIFACT ~2,230 -> ~2,500 MB/s, together with the terminator ranks of stage 1
// (structural_index.h) and the tag code made once per segment (segment.h). What is left
// per segment is the reader's own work and one virtual call.
// Round 3 (callgrind, 8 MB X12 file, tokenize + walk): the open set's control number is no
// longer copied per set (the walker's TransactionHeader holds it), ControlNumberSet compares
// control numbers as byte-swapped words (~120 -> ~40 instructions an insert), copy_text()
// skips resize() when the length is unchanged, and SE01 is parsed instead of printed:
// 68.4M -> 66.3M instructions (-3.2 %); with the X12 walker's hashed envelope-tag test
// (x12_interchange.cc) 62.5M (-8.6 % in all).
// Round 4 (same measure): header values of unchanged length copied inline (copy_text),
// control numbers appended to ControlNumberSet without std::string::append's memcpy call
// (~100 -> ~84 instructions an insert), GS08 copied once per group (x12_interchange.cc),
// one CR/LF test per segment (segment_reader.h) and no separate segment counter in
// read_body(): X12 62.5M -> 58.4M (-6.6 %), EDIFACT 74.0M -> 71.7M (-3.1 %). In time, with
// stage 1's AVX-512 VBMI2 kernel, X12 tokenize + walk went from ~1.42x to ~1.6x the memchr
// split (bench/edi_bench, alternating runs on the shared 2-core machine).

// Loads the n <= 16 bytes at `p` as two overlapping words (never past p + n), so that
// equal values give equal words whatever n is. Sizes are compared separately.
inline void load_short(const char* p, std::size_t n, std::uint64_t& a, std::uint64_t& b) {
  a = b = 0;
  if (n >= 8) {
    std::memcpy(&a, p, 8);
    std::memcpy(&b, p + n - 8, 8);
  } else if (n >= 4) {
    std::uint32_t x, y;
    std::memcpy(&x, p, 4);
    std::memcpy(&y, p + n - 4, 4);
    a = x;
    b = y;
  } else if (n > 0) {
    a = static_cast<unsigned char>(p[0]) |
        std::uint64_t{static_cast<unsigned char>(p[n / 2])} << 8 |
        std::uint64_t{static_cast<unsigned char>(p[n - 1])} << 16;
  }
}

// a == b for the short values of envelopes.
inline bool same_text(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.size() > 16) return a == b;
  std::uint64_t a0, a1, b0, b1;
  load_short(a.data(), a.size(), a0, a1);
  load_short(b.data(), b.size(), b0, b1);
  return ((a0 ^ b0) | (a1 ^ b1)) == 0;
}

// copy_text() when the length changes or the value is long.
void copy_text_slow(std::string& to, std::string_view from);

// to = from. Header values keep their length from one envelope to the next (control
// numbers, dates, set ids) and are short: that case is inline, a few fixed-size moves. Out
// of line (GCC would not inline the whole copy) it measured ~35 instructions a call, three
// calls a set (round 4).
[[gnu::always_inline]] inline void copy_text(std::string& to, std::string_view from) {
  const std::size_t n = from.size();
  if (n != to.size() || n > 16) return copy_text_slow(to, from);
  if (n != 0) copy_short(to.data(), from.data(), n);
}

// to = a + b (EDIFACT 0052 + 0054, "D" + "96A"): in place when the length stays, as
// copy_text() does; assigning `a` and appending `b` changed the length and called memcpy
// twice every message (round 6: ~3 % of EDIFACT tokenize + walk time, perf).
inline void copy_joined(std::string& to, std::string_view a, std::string_view b) {
  if (to.size() != a.size() + b.size() || to.size() > 16 || a.empty() || b.empty()) {
    to.assign(a);
    to.append(b);
    return;
  }
  copy_short(to.data(), a.data(), a.size());
  copy_short(to.data() + a.size(), b.data(), b.size());
}

// Control numbers seen in one envelope, to find duplicates. Senders number sets in increasing
// order, so insertion is nearly always an append: the numbers are kept in arrival order in
// one buffer, with a list of them sorted by control_less that is appended to in that case.
// No hashing, and no allocation once the buffers have grown (clear() keeps their capacity).
class ControlNumberSet {
 public:
  // False when `control` was already in the set.
  bool insert(std::string_view control) {
    if (sorted_.empty() || less(at(sorted_.back()), control)) {
      sorted_.push_back(add(control));
      return true;
    }
    return insert_slow(control);
  }
  void clear() {
    size_ = 0;
    sorted_.clear();
  }

  // Shorter first, then by bytes: numeric order for control numbers without leading zeros
  // ("9" < "10"), which is how senders count, and a total order for anything else.
  static bool less(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return a.size() < b.size();
    if (a.size() > 8) return a < b;
    return big_endian(a) < big_endian(b);
  }

 private:
  // The n <= 8 bytes of `v` as a big-endian integer (so integer order is byte order), from
  // two overlapping 4-byte loads when n >= 4: the overlap lands on the same bits in both.
  static std::uint64_t big_endian(std::string_view v) {
    const char* p = v.data();
    const std::size_t n = v.size();
    if (n >= 4) {
      std::uint32_t first, last;
      std::memcpy(&first, p, 4);
      std::memcpy(&last, p + n - 4, 4);
      return std::uint64_t{__builtin_bswap32(first)} << (8 * (n - 4)) | __builtin_bswap32(last);
    }
    std::uint64_t x = 0;
    for (std::size_t i = 0; i < n; ++i) x = x << 8 | static_cast<unsigned char>(p[i]);
    return x;
  }

  struct Ref {
    std::size_t offset;
    std::size_t size;
  };
  std::string_view at(Ref r) const { return {bytes_.get() + r.offset, r.size}; }
  // Appended with fixed-size moves when short: std::string::append() copies through a
  // call to memcpy, which was ~40 of the ~100 instructions of an insert (round 4).
  Ref add(std::string_view control) {
    const std::size_t n = control.size();
    const Ref r{size_, n};
    if (n > capacity_ - size_) grow(n);
    if (n - 1 < 16) {
      copy_short(bytes_.get() + size_, control.data(), n);
    } else if (n != 0) {
      std::memcpy(bytes_.get() + size_, control.data(), n);
    }
    size_ += n;
    return r;
  }
  void grow(std::size_t n);
  bool insert_slow(std::string_view control);

  // The control numbers' bytes, back to back (size_ of capacity_ used).
  std::unique_ptr<char[]> bytes_;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
  std::vector<Ref> sorted_;
};

// The count in a trailer (SE01, GE01, IEA01, UNT 0074, ...) equals `expected`.
bool count_matches(std::string_view declared, std::uint64_t expected);

struct OpenEnvelopes {
  bool group_open = false;
  std::string group_control;
  std::uint32_t group_transactions = 0;
  ControlNumberSet transaction_controls;  // duplicates within the group

  bool transaction_open = false;  // its ST02 / UNH 0062 is WalkScratch::transaction's
  std::uint32_t position = 0;     // of the last segment seen in the open transaction

  std::uint32_t groups = 0;  // in the interchange
};

// What the walkers reuse across envelopes (see WalkContext::scratch). Each walker assigns
// every header field it announces before announcing it.
struct WalkScratch {
  InterchangeHeader interchange;
  GroupHeader group;
  TransactionHeader transaction;
  OpenEnvelopes open;
  ControlNumberSet interchange_controls;  // X12 GS06 / EDIFACT UNH 0062 within the interchange

  // The state of a fresh interchange (capacity kept).
  void start_interchange() {
    open.group_open = open.transaction_open = false;
    open.group_control.clear();
    open.group_transactions = open.position = open.groups = 0;
    open.transaction_controls.clear();
    interchange_controls.clear();
  }
};

struct WalkContext {
  SegmentReader& reader;
  EnvelopeHandler& handler;
  WalkStats& stats;
  std::uint32_t interchange_ordinal = 0;
  // Kept from one interchange to the next so that its strings and vectors keep their
  // capacity: the walkers allocate nothing per envelope once these have grown.
  WalkScratch scratch;

  // `segment` names the segment at fault when there is none to point at (a missing trailer).
  void report(Code code, std::string message, std::string_view segment = {}) const;
  // A finding about `segment`; position is the segment's position in its transaction (0
  // outside one), element/component 0 when the whole segment is at fault.
  void report_at(Code code, const Segment& segment, std::uint32_t position, std::string message,
                 std::uint32_t element = 0, std::uint32_t component = 0) const;

  void count(const Segment& segment) const {
    ++stats.segments;
    stats.elements += segment.size();
  }
};

// The hot loop of both walkers: hands the segments of an open transaction body straight to
// the handler until an envelope segment (`is_envelope(tag code)`; returned in `seg`,
// uncounted) or the end of input. Counters live in locals and the reader's position in
// registers (SegmentReader::next_indexed) across the handler's virtual calls.
template <typename IsEnvelope>
SegmentReader::Next read_body(WalkContext& ctx, OpenEnvelopes& open, Segment& seg,
                              IsEnvelope is_envelope) {
  using Next = SegmentReader::Next;
  SegmentReader& reader = ctx.reader;
  EnvelopeHandler& handler = ctx.handler;
  // Every body segment advances the position by one, so the count of segments is the
  // position's advance: one counter fewer to keep across the handler's calls.
  const std::uint32_t first_position = open.position;
  std::uint32_t position = first_position;
  std::uint64_t elements = 0;
  auto body = [&](const Segment& s) {
    if (is_envelope(s.tag_code())) return false;
    elements += s.size();
    handler.transaction_segment(s, ++position);
    return true;
  };
  Next next;
  for (;;) {
    if (reader.next_indexed(seg, body)) {
      next = Next::kSegment;  // an envelope segment, in `seg`
      break;
    }
    // The indexed segments ran out: next() indexes more (or reports the end).
    if ((next = reader.next(seg)) != Next::kSegment || !body(seg)) break;
  }
  open.position = position;
  ctx.stats.segments += position - first_position;
  ctx.stats.elements += elements;
  return next;
}

// `text` is exactly how std::to_string writes `n` (no sign, no leading zeros), without
// making the string.
inline bool is_decimal_text(std::string_view text, std::uint64_t n) {
  // Digits only, no leading zero (but "0"), at most 19 digits (no overflow), same value.
  if (text.empty() || text.size() > 19 || (text[0] == '0' && text.size() > 1)) return false;
  std::uint64_t value = 0;
  for (const char c : text) {
    const auto digit = static_cast<unsigned char>(c - '0');
    if (digit > 9) return false;
    value = value * 10 + digit;
  }
  return value == n;
}

// `value` without its trailing spaces (ISA06 / ISA08 are padded to 15 characters).
inline std::string_view trim_right(std::string_view value) {
  while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
  return value;
}
// "ISA09" style names for messages.
std::string element_name(std::string_view tag, std::uint32_t element);

bool walk_x12_interchange(WalkContext& ctx);      // reader is at "ISA"
bool walk_edifact_interchange(WalkContext& ctx);  // reader is at "UNA" or "UNB"

}  // namespace ordex::edi::detail
