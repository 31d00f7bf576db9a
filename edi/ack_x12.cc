#include "edi/ack_x12.h"

#include <algorithm>

#include "edi/verdicts.h"

namespace ordex::edi::detail {

namespace {

constexpr std::string_view k999Version = "005010X231A1";
constexpr std::size_t kMaxCodes = 5;          // AK502-AK506, AK905-AK909
constexpr std::size_t kMaxElementNotes = 99;  // AK4/IK4 per AK3/IK3

// One AK3/IK3: a segment with its own code and the element notes under it.
struct SegmentErrors {
  std::string_view tag;
  std::uint32_t position = 0;
  std::string_view loop;
  std::uint16_t code = 0;            // the segment's own AK304; 0 when it only has AK4s
  const Finding* trigger = nullptr;  // first finding that names a loop trigger (999 CTX)
  std::vector<const Finding*> elements;
};

SegmentErrors& entry_for(std::vector<SegmentErrors>& all, const Finding& f) {
  for (SegmentErrors& e : all) {
    if (e.position == f.segment_position && e.tag == f.segment) return e;
  }
  SegmentErrors& e = all.emplace_back();
  e.tag = f.segment;
  e.position = f.segment_position;
  return e;
}

// Segments with AK3/AK4 findings, in segment order. Findings without a position cannot
// become an AK3 (AK302 is mandatory); the set still reports code 5 for them.
std::vector<SegmentErrors> collect_segment_errors(std::span<const Finding> findings) {
  std::vector<SegmentErrors> all;
  for (const Finding& f : findings) {
    const bool segment_note = f.code.list == CodeList::kAK3;
    if ((!segment_note && f.code.list != CodeList::kAK4) || f.segment_position == 0) continue;
    SegmentErrors& e = entry_for(all, f);
    if (e.loop.empty()) e.loop = f.loop_id;
    if (e.trigger == nullptr && !f.loop_trigger.empty()) e.trigger = &f;
    if (segment_note && e.code == 0) e.code = f.code.value;
    if (!segment_note && f.element > 0) e.elements.push_back(&f);
  }
  std::stable_sort(all.begin(), all.end(), [](const SegmentErrors& a, const SegmentErrors& b) {
    return a.position < b.position;
  });
  return all;
}

bool any_segment_findings(std::span<const Finding> findings) {
  return std::any_of(findings.begin(), findings.end(), [](const Finding& f) {
    return f.code.list == CodeList::kAK3 || f.code.list == CodeList::kAK4;
  });
}

// Codes 005010 added to the lists: an older partner's translator would reject the whole
// acknowledgment for carrying one, so they are left out there (the verdict still says R).
bool exists_in(const Code& code, bool x12_005010) {
  if (x12_005010) return true;
  switch (code.list) {
    case CodeList::kAK9:
      return code.value != 19;  // group control number not unique
    case CodeList::kAK5:
      return code.value != 18 && code.value != 19;  // set/group mismatch, IC reference
    default:
      return true;
  }
}

// Codes of one list in the order first seen, without repeats, at most kMaxCodes.
std::vector<std::uint16_t> distinct_codes(std::span<const Finding> findings, CodeList list,
                                          bool x12_005010) {
  std::vector<std::uint16_t> codes;
  for (const Finding& f : findings) {
    if (f.code.list != list || codes.size() == kMaxCodes || !exists_in(f.code, x12_005010)) {
      continue;
    }
    if (std::find(codes.begin(), codes.end(), f.code.value) == codes.end()) {
      codes.push_back(f.code.value);
    }
  }
  return codes;
}

std::string_view set_code(Verdict v) {
  switch (v) {
    case Verdict::kAccepted:
      return "A";
    case Verdict::kAcceptedWithErrors:
      return "E";
    case Verdict::kPartiallyAccepted:  // not a set verdict; a set is in or out
    case Verdict::kRejected:
      return "R";
  }
  return "R";
}

std::string_view group_code(Verdict v) {
  return v == Verdict::kPartiallyAccepted ? "P" : set_code(v);
}

// AK902: the count GE01 declared when the walker saw a different one, else what arrived.
std::uint64_t declared_sets(const GroupSummary& s, std::span<const Finding> findings) {
  for (const Finding& f : findings) {
    if (f.code == Code{CodeList::kAK9, 5} && f.segment == "GE" && is_digits(f.bad_value) &&
        f.bad_value.size() <= 9) {
      return std::stoull(f.bad_value);
    }
  }
  return s.transactions;
}

}  // namespace

std::string printable_bad_value(std::string_view value, const Delimiters& out) {
  while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
  value = value.substr(0, 99);
  for (char c : value) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u >= 0x7F || c == out.segment || c == out.element || c == out.component ||
        (out.repetition != 0 && c == out.repetition)) {
      return {};
    }
  }
  return std::string(value);
}

X12FunctionalAck::X12FunctionalAck(AckKind kind, const InterchangeHeader& received,
                                   const Delimiters& out)
    : kind_(kind), received_(received), out_(out), whole_(Standard::kX12, out) {}

void X12FunctionalAck::restart(AckKind kind, const Delimiters& out) {
  kind_ = kind;
  out_ = out;
  used_ = 0;
  group_open_ = false;
  received_5010_ = false;
}

void X12FunctionalAck::begin_group(const GroupHeader& g) {
  const std::string base = x12_base_version(g.version, received_.version);
  received_5010_ = base >= "005010";
  const std::string version = is_999() && received_5010_ ? std::string(k999Version) : base;
  if (used_ == groups_.size()) groups_.push_back(Group{{}, {}, {}, {}, {Standard::kX12, out_}});
  Group& out = groups_[used_++];
  out.sender = g.receiver_id;
  out.receiver = g.sender_id;
  out.agency = g.agency.empty() ? std::string_view("X") : std::string_view(g.agency);
  out.version = version;
  out.set.reset(Standard::kX12, out_);
  SegmentWriter& w = out.set;
  w.begin("ST").add(is_999() ? "999" : "997").add("0001");
  if (is_999() && received_5010_) w.add(k999Version);
  w.end();
  w.begin("AK1").add(g.functional_id).add(g.control_number);
  // AK103 and AK203 exist from 005010 on. A 999 in an older envelope uses that version's
  // segments, as the partner's translator reads them with that version's dictionary.
  if (received_5010_) w.add(g.version);
  w.end();
  group_open_ = true;
}

void X12FunctionalAck::transaction(const ReceivedSet& set) {
  if (!group_open_) return;  // a set outside any group cannot be named in an AK1
  SegmentWriter& w = groups_[used_ - 1].set;
  w.begin("AK2").add(set.header.set_id).add(set.header.control_number);
  if (received_5010_) w.add(set.st03);
  w.end();
  if (set.findings.empty()) {
    // The usual set: no AK3/AK4 and no AK502 codes, so no lists to build (what the general
    // path below writes for an empty list too).
    w.begin(tag("AK5", "IK5")).add(set_code(own_verdict(set.summary)));
    w.end();
    return;
  }
  write_segment_errors(w, set.findings);

  std::vector<std::uint16_t> codes = distinct_codes(set.findings, CodeList::kAK5, received_5010_);
  if (any_segment_findings(set.findings) && codes.size() < kMaxCodes &&
      std::find(codes.begin(), codes.end(), 5) == codes.end()) {
    codes.push_back(5);  // "one or more segments in error"
  }
  w.begin(tag("AK5", "IK5")).add(set_code(own_verdict(set.summary)));
  for (std::uint16_t c : codes) w.add(std::uint64_t{c});
  w.end();
}

void X12FunctionalAck::write_segment_errors(SegmentWriter& w,
                                            std::span<const Finding> findings) const {
  // C030 has a repetition component only from 004020 on, with the repetition separator.
  const bool repetitions = out_.repetition != 0;
  for (const SegmentErrors& e : collect_segment_errors(findings)) {
    w.begin(tag("AK3", "IK3"))
        .add(e.tag)
        .add(std::uint64_t{e.position})
        .add(e.loop)
        .add(std::uint64_t{e.code != 0 ? e.code : 8u});
    w.end();
    if (is_999() && e.trigger != nullptr) {
      w.begin("CTX")
          .add("SITUATIONAL TRIGGER")
          .add(e.trigger->loop_trigger)
          .add(std::uint64_t{e.trigger->loop_trigger_position});
      w.end();
    }
    const std::size_t n = std::min(e.elements.size(), kMaxElementNotes);
    for (std::size_t i = 0; i < n; ++i) write_element_note(w, *e.elements[i], repetitions);
  }
}

void X12FunctionalAck::write_element_note(SegmentWriter& w, const Finding& f,
                                          bool repetitions) const {
  const std::string component = f.component ? std::to_string(f.component) : "";
  const std::string repetition = repetitions && f.repetition ? std::to_string(f.repetition) : "";
  // AK402 is numeric: a composite's reference (C040) has no place there.
  const bool numeric_ref = is_digits(f.element_ref) && f.element_ref.size() <= 4;
  w.begin(tag("AK4", "IK4"))
      .add_composite({std::to_string(f.element), component, repetition})
      .add(numeric_ref ? std::string_view(f.element_ref) : std::string_view())
      .add(std::uint64_t{f.code.value})
      .add(printable_bad_value(f.bad_value, out_));
  w.end();
}

void X12FunctionalAck::end_group(const GroupSummary& summary, std::span<const Finding> findings) {
  if (!group_open_) return;
  group_open_ = false;
  SegmentWriter& w = groups_[used_ - 1].set;
  w.begin("AK9")
      .add(group_code(summary.verdict))
      .add(declared_sets(summary, findings))
      .add(std::uint64_t{summary.transactions})
      .add(std::uint64_t{summary.accepted});
  for (std::uint16_t c : distinct_codes(findings, CodeList::kAK9, received_5010_)) {
    w.add(std::uint64_t{c});
  }
  w.end();
  w.begin("SE").add(std::uint64_t{w.segments() + 1}).add("0001");
  w.end();
}

const std::string& X12FunctionalAck::finish(ControlNumbers& numbers, const AckStamp& stamp,
                                            std::uint32_t& control) {
  control = numbers.next_interchange();
  SegmentWriter& w = whole_;
  w.reset(Standard::kX12, out_);
  write_isa(w, received_, control, stamp);
  for (std::size_t i = 0; i < used_; ++i) {
    const Group& g = groups_[i];
    const std::uint32_t group_control = numbers.next_group();
    w.begin("GS")
        .add("FA")
        .add(g.sender)
        .add(g.receiver)
        .add(stamp.ccyymmdd)
        .add(stamp.hhmm)
        .add(std::uint64_t{group_control})
        .add(g.agency)
        .add(g.version);
    w.end();
    w.append(g.set);
    w.begin("GE").add("1").add(std::uint64_t{group_control});
    w.end();
  }
  write_iea(w, static_cast<std::uint32_t>(used_), control);
  return w.text();
}

}  // namespace ordex::edi::detail
