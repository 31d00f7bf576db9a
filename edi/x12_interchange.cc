// Walks one X12 interchange: ISA, GS/GE groups, ST/SE transaction sets, IEA.
#include <array>
#include <string>

#include "edi/walk_context.h"
#include "edi/x12_isa.h"

namespace ordex::edi::detail {

namespace {

using Next = SegmentReader::Next;

Code ta1(std::uint16_t v) { return {CodeList::kTA1, v}; }
Code ak9(std::uint16_t v) { return {CodeList::kAK9, v}; }
Code ak5(std::uint16_t v) { return {CodeList::kAK5, v}; }

// Whether a tag ends or opens an envelope level, or starts another interchange. Asked of
// every segment of every set: one multiplicative hash into a table of 32 tag codes (each
// envelope tag in a slot of its own, checked below) and one compare, where a switch was a
// tree of compares whose branches followed the tags of the body. Callgrind (8 MB X12 file,
// tokenize + walk): 66.2M -> 62.5M instructions. (EDIFACT's service tags all but one
// start "UN", which its switch tests as a range: the same table measured slower there.)
constexpr std::uint32_t kEnvelopeTags[] = {tag_code("SE"),  tag_code("ST"),  tag_code("GE"),
                                           tag_code("GS"),  tag_code("IEA"), tag_code("ISA"),
                                           tag_code("UNA"), tag_code("UNB")};
constexpr std::size_t envelope_slot(std::uint32_t code) {
  return static_cast<std::size_t>((std::uint64_t{code} * 0x9E3779B97F4A7C15ull) >> 59);
}
// Empty slots hold 0, the code of no envelope tag; code 0 itself lands in IEA's slot.
constexpr std::array<std::uint32_t, 32> kEnvelopeTable = [] {
  std::array<std::uint32_t, 32> table{};
  for (const std::uint32_t code : kEnvelopeTags) table[envelope_slot(code)] = code;
  return table;
}();
static_assert(
    [] {
      for (const std::uint32_t code : kEnvelopeTags) {
        if (kEnvelopeTable[envelope_slot(code)] != code) return false;
      }
      return kEnvelopeTable[envelope_slot(0)] != 0;
    }(),
    "every envelope tag needs a slot of its own");

class X12Walk {
 public:
  explicit X12Walk(WalkContext& ctx)
      : ctx_(ctx),
        open_(ctx.scratch.open),
        group_controls_(ctx.scratch.interchange_controls),
        control_(ctx.scratch.interchange.control_number),
        group_version_(ctx.scratch.group.version) {
    ctx.scratch.start_interchange();
    group_version_.clear();
  }

  // Returns false when the rest of the input cannot be read as EDI.
  bool run() {
    if (!begin_interchange()) return false;
    Segment seg;
    for (;;) {
      const Next next =
          open_.transaction_open
              ? read_body(ctx_, open_, seg, [](std::uint32_t code) { return is_envelope(code); })
              : ctx_.reader.next(seg);
      if (next != Next::kSegment) return end_of_input(next);
      const std::uint32_t code = seg.tag_code();
      if (code == tag_code("ISA") || code == tag_code("UNA") || code == tag_code("UNB")) {
        ctx_.reader.unread(seg);
        close_interchange(nullptr, "a new interchange starts before IEA");
        return true;
      }
      ctx_.count(seg);
      if (code == tag_code("IEA")) {
        close_interchange(&seg, "");
        return true;
      }
      on_envelope_segment(seg, seg.tag());
    }
  }

 private:
  static bool is_envelope(std::uint32_t code) {
    return kEnvelopeTable[envelope_slot(code)] == code;
  }

  bool begin_interchange() {
    const IsaLayout layout = read_isa_layout(ctx_.reader.peek(128));
    if (layout.problem.value != 0) {
      ctx_.report(layout.problem, layout.message);
      return false;
    }
    Delimiters d = layout.delimiters;
    if (const DelimiterProblem p = check_delimiters(d); p.kind != DelimiterProblem::Kind::kNone) {
      const std::uint16_t code = p.kind == DelimiterProblem::Kind::kSegment   ? 4
                                 : p.kind == DelimiterProblem::Kind::kElement ? 26
                                                                              : 27;
      ctx_.report(ta1(code), "ISA delimiters cannot be used: " + p.message);
      return false;
    }
    ctx_.reader.set_delimiters(d);
    Segment isa;
    if (ctx_.reader.next(isa) != Next::kSegment) {
      ctx_.report(ta1(23), "the input ends inside the ISA segment");
      return false;
    }
    ctx_.count(isa);
    ++ctx_.stats.interchanges;
    d.repetition = repetition_separator(isa, d);
    ctx_.reader.set_delimiters(d);
    announce(isa, d, layout.length);
    return true;
  }

  static char repetition_separator(const Segment& isa, const Delimiters& d) {
    const std::string_view r = isa.element(11);
    if (isa.element(12) < "00402" || r.size() != 1) return 0;
    Delimiters with = d;
    with.repetition = r[0];
    return check_delimiters(with).kind == DelimiterProblem::Kind::kNone ? r[0] : 0;
  }

  void announce(const Segment& isa, const Delimiters& d, std::size_t length) {
    InterchangeHeader& h = ctx_.scratch.interchange;
    h.standard = Standard::kX12;
    h.delimiters = d;
    h.ordinal = ctx_.interchange_ordinal;
    copy_text(h.sender_qualifier, isa.element(5));
    copy_text(h.sender_id, trim_right(isa.element(6)));
    copy_text(h.receiver_qualifier, isa.element(7));
    copy_text(h.receiver_id, trim_right(isa.element(8)));
    copy_text(h.date, isa.element(9));
    copy_text(h.time, isa.element(10));
    copy_text(h.control_number, isa.element(13));  // control_
    copy_text(h.version, isa.element(12));
    copy_text(h.syntax_id, isa.element(11));
    h.ack_requested = isa.element(14) == "1";
    h.test = isa.element(15) == "T";
    h.offset = isa.file_offset();
    ctx_.handler.begin_interchange(h);
    if (length != kIsaLength) {
      Finding f;
      f.code = ta1(22);
      f.severity = Severity::kWarning;
      f.segment = "ISA";
      f.message = "ISA is " + std::to_string(length) + " bytes, the standard fixes it at 106";
      f.offset = isa.file_offset();
      ctx_.handler.finding(f);
    }
    for (const IsaProblem& p : check_isa_fields(isa)) {
      Finding f;
      f.code = ta1(p.ta1);
      f.severity = p.warning ? Severity::kWarning : Severity::kError;
      f.segment = "ISA";
      f.element = p.element;
      if (p.element > 0) f.bad_value = std::string(isa.element(p.element));
      f.message = p.message;
      f.offset = isa.file_offset();
      ctx_.handler.finding(f);
    }
  }

  void on_envelope_segment(const Segment& seg, std::string_view tag) {
    switch (seg.tag_code()) {
      case tag_code("GS"):
        return begin_group(seg);
      case tag_code("ST"):
        return begin_transaction(seg);
      case tag_code("SE"):
        return end_transaction(&seg);
      case tag_code("GE"):
        return end_group(&seg);
      case tag_code("TA1"):
        return ctx_.handler.interchange_segment(seg);
      default:
        break;
    }
    ctx_.report_at(ta1(24), seg, 0,
                   "segment " + std::string(tag) + " outside a transaction set is not allowed");
    ctx_.handler.interchange_segment(seg);
  }

  void begin_group(const Segment& gs) {
    close_open_transaction("GS");
    if (open_.group_open) {
      ctx_.report_at(ak9(3), gs, 0,
                     "group " + open_.group_control + " has no GE before the next GS");
      finish_group(false);
    }
    ++ctx_.stats.groups;
    ++open_.groups;
    GroupHeader& h = ctx_.scratch.group;
    copy_text(h.functional_id, gs.element(1));
    copy_text(h.sender_id, gs.element(2));
    copy_text(h.receiver_id, gs.element(3));
    copy_text(h.date, gs.element(4));
    copy_text(h.time, gs.element(5));
    copy_text(h.control_number, gs.element(6));
    copy_text(h.agency, gs.element(7));
    copy_text(h.version, gs.element(8));  // group_version_
    transaction_version_current_ = false;
    h.implicit = false;
    h.offset = gs.file_offset();
    open_.group_open = true;
    copy_text(open_.group_control, h.control_number);
    open_.group_transactions = 0;
    open_.transaction_controls.clear();
    ctx_.handler.begin_group(h);
    if (!group_controls_.insert(h.control_number)) {
      ctx_.report_at(
          ak9(19), gs, 0,
          "group control number " + h.control_number + " is used twice in this interchange");
    }
    if (h.control_number.empty() || h.control_number.size() > 9 ||
        h.control_number.find_first_not_of("0123456789") != std::string::npos) {
      ctx_.report_at(ak9(6), gs, 0,
                     "GS06 group control number '" + h.control_number + "' must be 1 to 9 digits");
    }
  }

  void begin_transaction(const Segment& st) {
    if (open_.transaction_open) close_open_transaction("ST");
    if (!open_.group_open) {
      ctx_.report_at(ta1(24), st, 0, "transaction set outside a functional group (no GS)");
    }
    ++ctx_.stats.transactions;
    ++open_.group_transactions;
    TransactionHeader& h = ctx_.scratch.transaction;
    copy_text(h.set_id, st.element(1));
    copy_text(h.control_number, st.element(2));
    // The sets of a group share its GS08: copied once per group, not per set.
    if (!transaction_version_current_) {
      copy_text(h.version, group_version_);
      transaction_version_current_ = true;
    }
    copy_text(h.implementation, st.element(3));
    h.association.clear();
    h.offset = st.file_offset();
    open_.transaction_open = true;
    open_.position = 1;
    ctx_.handler.begin_transaction(h);
    ctx_.handler.transaction_segment(st, 1);
    if (!open_.transaction_controls.insert(h.control_number)) {
      ctx_.report_at(
          ak5(23), st, 1,
          "transaction set control number " + h.control_number + " is used twice in this group", 2);
    }
  }

  void end_transaction(const Segment* se) {
    if (!open_.transaction_open) {
      ctx_.report_at(ta1(24), *se, 0, "SE without a matching ST");
      return;
    }
    const std::uint32_t position = ++open_.position;
    ctx_.handler.transaction_segment(*se, position);
    const std::string_view count = se->element(1);
    if (!is_decimal_text(count, position)) {
      ctx_.report_at(
          ak5(4), *se, position,
          "SE01 says " + std::string(count) + " segments, the set has " + std::to_string(position),
          1);
    }
    if (!same_text(se->element(2), transaction_control())) {
      ctx_.report_at(ak5(3), *se, position,
                     "SE02 '" + std::string(se->element(2)) + "' does not match ST02 '" +
                         transaction_control() + "'",
                     2);
    }
    finish_transaction(true);
  }

  void close_open_transaction(std::string_view seen) {
    if (!open_.transaction_open) return;
    ctx_.report(
        ak5(2),
        "transaction set " + transaction_control() + " has no SE before " + std::string(seen),
        "SE");
    finish_transaction(false);
  }

  void finish_transaction(bool trailer) {
    TransactionSummary s;
    s.segment_count = open_.position;
    s.trailer_seen = trailer;
    open_.transaction_open = false;
    ctx_.handler.end_transaction(s);
  }

  void end_group(const Segment* ge) {
    close_open_transaction("GE");
    if (!open_.group_open) {
      ctx_.report_at(ta1(24), *ge, 0, "GE without a matching GS");
      return;
    }
    if (!count_matches(ge->element(1), open_.group_transactions)) {
      ctx_.report_at(ak9(5), *ge, 0,
                     "GE01 says " + std::string(ge->element(1)) +
                         " transaction sets, the group has " +
                         std::to_string(open_.group_transactions),
                     1);
    }
    if (!same_text(ge->element(2), open_.group_control)) {
      ctx_.report_at(ak9(4), *ge, 0,
                     "GE02 '" + std::string(ge->element(2)) + "' does not match GS06 '" +
                         open_.group_control + "'",
                     2);
    }
    finish_group(true);
  }

  void finish_group(bool trailer) {
    GroupSummary s;
    s.transactions = open_.group_transactions;
    s.trailer_seen = trailer;
    open_.group_open = false;
    ctx_.handler.end_group(s);
  }

  // `iea` is null when the interchange ends without one; `why` says what ended it.
  void close_interchange(const Segment* iea, const std::string& why) {
    close_open_transaction(iea ? "IEA" : "the end of the interchange");
    if (open_.group_open) {
      ctx_.report(ak9(3), "group " + open_.group_control + " has no GE", "GE");
      finish_group(false);
    }
    InterchangeSummary s;
    s.groups = open_.groups;
    s.trailer_seen = iea != nullptr;
    if (iea == nullptr) {
      ctx_.report(ta1(23), "interchange " + control_ + " has no IEA: " + why, "IEA");
    } else {
      if (!count_matches(iea->element(1), open_.groups)) {
        ctx_.report_at(ta1(21), *iea, 0,
                       "IEA01 says " + std::string(iea->element(1)) +
                           " functional groups, the interchange has " +
                           std::to_string(open_.groups),
                       1);
      }
      if (!same_text(iea->element(2), control_)) {
        ctx_.report_at(
            ta1(1), *iea, 0,
            "IEA02 '" + std::string(iea->element(2)) + "' does not match ISA13 '" + control_ + "'",
            2);
      }
    }
    ctx_.handler.end_interchange(s);
  }

  bool end_of_input(Next next) {
    switch (next) {
      case Next::kTruncated:
        close_interchange(nullptr, "the input ends inside a segment (no terminator)");
        return false;
      case Next::kTooLong:
        ctx_.report({CodeList::kFile, kFileSegmentTooLong},
                    "a segment is longer than the reader allows");
        close_interchange(nullptr, "reading stopped at an over-long segment");
        return false;
      case Next::kReadError:
        close_interchange(nullptr, "the file could not be read to its end");
        return false;
      default:
        close_interchange(nullptr, "the input ends");
        return false;
    }
  }

  // ST02 of the open set: the walker's own header, which only begin_transaction() changes.
  const std::string& transaction_control() const { return ctx_.scratch.transaction.control_number; }

  WalkContext& ctx_;
  OpenEnvelopes& open_;
  ControlNumberSet& group_controls_;
  const std::string& control_;  // ISA13 of the interchange header
  std::string& group_version_;  // GS08 of the last group header
  // The walker's TransactionHeader already holds group_version_ (only this walker writes
  // that header while its interchange is read).
  bool transaction_version_current_ = false;
};

}  // namespace

bool walk_x12_interchange(WalkContext& ctx) { return X12Walk(ctx).run(); }

}  // namespace ordex::edi::detail
