#include "edi/envelope_walker.h"

#include <algorithm>

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

namespace {

// Shorter first, then by bytes: numeric order for control numbers without leading zeros
// ("9" < "10"), which is how senders count, and a total order for anything else.
bool control_less(std::string_view a, std::string_view b) {
  return a.size() != b.size() ? a.size() < b.size() : a < b;
}

}  // namespace

bool ControlNumberSet::insert(std::string_view control) {
  if (sorted_.empty() || control_less(sorted_.back(), control)) {
    sorted_.emplace_back(control);
    return true;
  }
  const auto at =
      std::lower_bound(sorted_.begin(), sorted_.end(), control,
                       [](const std::string& a, std::string_view b) { return control_less(a, b); });
  if (at != sorted_.end() && *at == control) return false;
  sorted_.emplace(at, control);
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

std::string trim_right(std::string_view value) {
  while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
  return std::string(value);
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
  detail::WalkContext ctx{reader, handler, stats};
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
