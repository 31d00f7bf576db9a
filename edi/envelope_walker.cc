#include "edi/envelope_walker.h"

#include <algorithm>
#include <cstring>
#include <memory>

#include "edi/walk_context.h"

namespace ordex::edi {

namespace detail {

void WalkContext::report(Code code, std::string message, std::string_view segment) const {
  Finding f;
  f.code = code;
  f.message = std::move(message);
  f.segment = std::string(segment);
  f.offset = reader.offset();
  handler.finding(f);
}

void WalkContext::report_at(Code code, const Segment& segment, std::uint32_t position,
                            std::string message, std::uint32_t element,
                            std::uint32_t component) const {
  Finding f;
  f.code = code;
  f.message = std::move(message);
  f.segment = std::string(segment.tag());
  f.segment_position = position;
  f.element = element;
  f.component = component;
  if (element > 0) f.bad_value = std::string(segment.element(element).substr(0, 99));
  f.offset = segment.file_offset();
  handler.finding(f);
}

void copy_text_slow(std::string& to, std::string_view from) { to.assign(from); }

void ControlNumberSet::grow(std::size_t n) {
  const std::size_t capacity = std::max<std::size_t>({capacity_ * 2, size_ + n, 256});
  auto bigger = std::make_unique_for_overwrite<char[]>(capacity);
  if (size_ != 0) std::memcpy(bigger.get(), bytes_.get(), size_);
  bytes_ = std::move(bigger);
  capacity_ = capacity;
}

bool ControlNumberSet::insert_slow(std::string_view control) {
  const auto pos = std::lower_bound(sorted_.begin(), sorted_.end(), control,
                                    [this](Ref a, std::string_view b) { return less(at(a), b); });
  if (pos != sorted_.end() && at(*pos) == control) return false;
  const auto index = pos - sorted_.begin();
  const Ref r = add(control);
  sorted_.insert(sorted_.begin() + index, r);
  return true;
}

bool count_matches(std::string_view declared, std::uint64_t expected) {
  if (declared.empty() || declared.size() > 18) return false;
  std::uint64_t n = 0;
  for (char c : declared) {
    if (c < '0' || c > '9') return false;
    n = n * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return n == expected;
}

std::string element_name(std::string_view tag, std::uint32_t element) {
  std::string name(tag);
  if (element < 10) name += '0';
  name += std::to_string(element);
  return name;
}

}  // namespace detail

namespace {

enum class Kind { kX12, kEdifact, kUnknown };

Kind sniff(SegmentReader& reader) {
  const std::string_view head = reader.peek(3);
  if (head == "ISA") return Kind::kX12;
  if (head == "UNA" || head == "UNB") return Kind::kEdifact;
  return Kind::kUnknown;
}

}  // namespace

WalkStats walk_envelopes(SegmentReader& reader, EnvelopeHandler& handler,
                         std::string_view file_name) {
  WalkStats stats;
  detail::WalkContext ctx{reader, handler, stats, 0, {}};
  handler.begin_file(file_name);
  bool any = false;
  bool not_edi = false;
  while (reader.skip_filler()) {
    const Kind kind = sniff(reader);
    if (kind == Kind::kUnknown) {
      not_edi = true;
      ctx.report({CodeList::kFile, kFileNotEdi},
                 any ? "data after the last interchange is not an X12 or EDIFACT interchange"
                     : "not an X12 or EDIFACT interchange: no ISA, UNA or UNB at the start");
      break;
    }
    any = true;
    ++ctx.interchange_ordinal;
    const bool go_on = kind == Kind::kX12 ? detail::walk_x12_interchange(ctx)
                                          : detail::walk_edifact_interchange(ctx);
    if (!go_on) break;
  }
  if (reader.read_failed()) {
    ctx.report({CodeList::kFile, kFileUnreadable}, "read error");
  } else if (!any && !not_edi) {
    ctx.report({CodeList::kFile, kFileEmpty}, "the file is empty or holds only white space");
  }
  stats.bytes = reader.offset();
  handler.end_file();
  return stats;
}

}  // namespace ordex::edi
