// Walks one UN/EDIFACT interchange: optional UNA, UNB, optional UNG/UNE groups, UNH/UNT
// messages, UNZ. Codes are CONTRL syntax error codes (data element 0085).
#include <array>
#include <bit>
#include <string>
#include <utility>

#include "edi/datetime_check.h"
#include "edi/walk_context.h"

namespace ordex::edi::detail {

namespace {

using Next = SegmentReader::Next;

Code contrl(std::uint16_t v) { return {CodeList::kCONTRL, v}; }

constexpr std::uint16_t kUnsupportedSyntax = 2;
constexpr std::uint16_t kInvalidValue = 12;
constexpr std::uint16_t kMissing = 13;
constexpr std::uint16_t kDuplicate = 26;
constexpr std::uint16_t kReferencesDoNotMatch = 28;
constexpr std::uint16_t kCountDoesNotMatch = 29;
constexpr std::uint16_t kGroupsAndMessagesMixed = 30;
constexpr std::uint16_t kOutsideMessage = 33;

// The first kN parts of `value`, each as part() gives it (empty past the last part), from one
// pass over the bytes: UNH 0065 asked part() for four of its components one by one, each
// call starting over from the first byte, ~630 instructions a message (round 5). Round 6: a
// short value without a release character (S009 nearly always) is split from the bits of
// short_value_separators(); `before` is how many bytes ahead of `value` may be read.
template <std::size_t kN>
std::array<std::string_view, kN> first_parts(std::string_view value, char separator, char release,
                                             std::size_t before) {
  std::array<std::string_view, kN> out{};
  if (separator == 0) {
    out[0] = value;
    return out;
  }
  std::size_t n = 0, begin = 0;
  if (const auto separators = short_value_separators(value, before, separator, release)) {
    // The value's end closes the last part like a separator (size() <= 16, so its bit fits);
    // once the bits run out the parts are empty. Round 7: every part is taken at a constant
    // index, so `out` lives in registers; filled at a running index, as before, it went
    // through the stack and the reloads after it held ~1 % of tokenize + walk samples (perf).
    std::uint32_t bits = *separators | std::uint32_t{1} << value.size();
    const auto take = [&]() -> std::string_view {
      if (bits == 0) return {};
      const auto at = static_cast<std::size_t>(std::countr_zero(bits));
      bits &= bits - 1;
      const std::string_view part(value.data() + begin, at - begin);
      begin = at + 1;
      return part;
    };
    [&]<std::size_t... kI>(std::index_sequence<kI...>) { ((out[kI] = take()), ...); }
    (std::make_index_sequence<kN>{});
    return out;
  }
  for (std::size_t i = 0; i < value.size() && n < kN; ++i) {
    if (release != 0 && value[i] == release) {
      ++i;
      continue;
    }
    if (value[i] == separator) {
      out[n++] = value.substr(begin, i - begin);
      begin = i + 1;
    }
  }
  if (n < kN) out[n] = value.substr(begin);
  return out;
}

// Segments that end or open an envelope level, or start another interchange.
bool is_service(std::uint32_t code) {
  switch (code) {
    case tag_code("UNT"):
    case tag_code("UNH"):
    case tag_code("UNE"):
    case tag_code("UNG"):
    case tag_code("UNZ"):
    case tag_code("UNA"):
    case tag_code("UNB"):
    case tag_code("ISA"):
      return true;
    default:
      return false;
  }
}

class EdifactWalk {
 public:
  explicit EdifactWalk(WalkContext& ctx)
      : ctx_(ctx),
        open_(ctx.scratch.open),
        control_(ctx.scratch.interchange.control_number),
        message_refs_(ctx.scratch.interchange_controls) {
    ctx.scratch.start_interchange();
  }

  bool run() {
    if (!read_service_string_advice()) return false;
    Segment seg;
    if (ctx_.reader.next(seg) != Next::kSegment || seg.tag() != "UNB") {
      ctx_.report(contrl(kMissing), "no UNB interchange header after the service string advice");
      return false;
    }
    ctx_.count(seg);
    ++ctx_.stats.interchanges;
    announce(seg);
    for (;;) {
      // Inside a message, read_body() takes every segment up to the next service segment.
      const Next next =
          open_.transaction_open
              ? read_body(ctx_, open_, seg, [](std::uint32_t code) { return is_service(code); })
              : ctx_.reader.next(seg);
      if (next != Next::kSegment) return end_of_input(next);
      if (open_.transaction_open && !is_service(seg.tag_code())) {
        ctx_.count(seg);
        ctx_.handler.transaction_segment(seg, ++open_.position);
        continue;
      }
      // Tags compared as their packed codes (two or three service segments a message).
      const std::uint32_t code = seg.tag_code();
      if (code == tag_code("UNA") || code == tag_code("UNB") || code == tag_code("ISA")) {
        ctx_.reader.unread(seg);
        close_interchange(nullptr, "a new interchange starts before UNZ");
        return true;
      }
      ctx_.count(seg);
      if (code == tag_code("UNZ")) {
        close_interchange(&seg, "");
        return true;
      }
      on_service_segment(seg);
    }
  }

 private:
  bool read_service_string_advice() {
    const std::string_view una = ctx_.reader.peek(9);
    if (una.substr(0, 3) != "UNA") {
      delimiters_ = edifact_default_delimiters(3);
    } else {
      if (una.size() < 9) {
        ctx_.report(contrl(kMissing), "the input ends inside the UNA service string advice");
        return false;
      }
      delimiters_.component = una[3];
      delimiters_.element = una[4];
      delimiters_.decimal = una[5];
      delimiters_.release = una[6] == ' ' ? 0 : una[6];
      delimiters_.repetition = una[7] == ' ' ? 0 : una[7];
      delimiters_.segment = una[8];
      if (una.substr(3, 6).find('\0') != std::string_view::npos) {
        ctx_.report(contrl(22), "the UNA declares a NUL byte as a service character");
        return false;
      }
      ctx_.reader.consume(9);
      ctx_.reader.skip_filler();
    }
    if (const DelimiterProblem p = check_delimiters(delimiters_);
        p.kind != DelimiterProblem::Kind::kNone) {
      ctx_.report(contrl(22), "UNA service characters cannot be used: " + p.message);
      return false;
    }
    ctx_.reader.set_delimiters(delimiters_);
    return true;
  }

  std::string component(const Segment& s, std::size_t e, std::size_t c) const {
    return std::string(component_view(s, e, c));
  }
  std::string_view component_view(const Segment& s, std::size_t e, std::size_t c) const {
    return part(s.element(e), c, delimiters_.component, delimiters_.release);
  }

  void announce(const Segment& unb) {
    InterchangeHeader h;
    h.standard = Standard::kEdifact;
    h.ordinal = ctx_.interchange_ordinal;
    h.syntax_id = component(unb, 1, 1);
    h.version = component(unb, 1, 2);
    h.sender_id = component(unb, 2, 1);
    h.sender_qualifier = component(unb, 2, 2);
    h.receiver_id = component(unb, 3, 1);
    h.receiver_qualifier = component(unb, 3, 2);
    h.date = component(unb, 4, 1);
    h.time = component(unb, 4, 2);
    h.control_number = std::string(unb.element(5));
    h.ack_requested = unb.element(9) == "1";
    h.test = unb.element(11) == "1";
    h.offset = unb.file_offset();
    if (h.version == "4" && delimiters_.repetition == 0) {
      delimiters_.repetition = '*';
      ctx_.reader.set_delimiters(delimiters_);
    }
    h.delimiters = delimiters_;
    control_ = h.control_number;
    ctx_.handler.begin_interchange(h);
    check_header(unb, h);
  }

  void check_header(const Segment& unb, const InterchangeHeader& h) {
    if (!is_known_edifact_syntax(h.syntax_id) || h.version.size() != 1 || h.version < "1" ||
        h.version > "4") {
      ctx_.report_at(contrl(kUnsupportedSyntax), unb, 0,
                     "UNB syntax identifier '" + h.syntax_id + ":" + h.version +
                         "' is not a supported syntax level and version",
                     1);
    }
    if (h.sender_id.empty())
      ctx_.report_at(contrl(kMissing), unb, 0, "UNB sender id is missing", 2, 1);
    if (h.receiver_id.empty()) {
      ctx_.report_at(contrl(kMissing), unb, 0, "UNB recipient id is missing", 3, 1);
    }
    const bool long_date = h.version == "4";
    if (h.date.size() != (long_date ? 8u : 6u) || !is_valid_date(h.date)) {
      ctx_.report_at(
          contrl(kInvalidValue), unb, 0,
          "UNB date '" + h.date + "' is not a valid " + (long_date ? "CCYYMMDD" : "YYMMDD"), 4, 1);
    }
    if (h.time.size() != 4 || !is_valid_time(h.time)) {
      ctx_.report_at(contrl(kInvalidValue), unb, 0, "UNB time '" + h.time + "' is not a valid HHMM",
                     4, 2);
    }
    if (h.control_number.empty() || h.control_number.size() > 14) {
      ctx_.report_at(contrl(h.control_number.empty() ? kMissing : kInvalidValue), unb, 0,
                     "UNB interchange control reference must be 1 to 14 characters", 5);
    }
  }

  void on_service_segment(const Segment& seg) {
    switch (seg.tag_code()) {
      case tag_code("UNG"):
        return begin_group(seg);
      case tag_code("UNH"):
        return begin_message(seg);
      case tag_code("UNT"):
        return end_message(&seg);
      case tag_code("UNE"):
        return end_group(&seg);
      default:
        ctx_.report_at(contrl(kOutsideMessage), seg, 0,
                       "segment " + std::string(seg.tag()) + " outside a message is not allowed");
        ctx_.handler.interchange_segment(seg);
    }
  }

  void begin_group(const Segment& ung) {
    close_open_message("UNG");
    if (implicit_messages_ > 0) {
      ctx_.report_at(contrl(kGroupsAndMessagesMixed), ung, 0,
                     "functional groups and messages outside groups are mixed in one interchange");
    }
    if (open_.group_open) {
      ctx_.report(contrl(kMissing), "group " + open_.group_control + " has no UNE before UNG",
                  "UNE");
      finish_group(false);
    }
    explicit_groups_ = true;
    GroupHeader h;
    h.functional_id = std::string(ung.element(1));
    h.sender_id = component(ung, 2, 1);
    h.receiver_id = component(ung, 3, 1);
    h.date = component(ung, 4, 1);
    h.time = component(ung, 4, 2);
    h.control_number = std::string(ung.element(5));
    h.agency = std::string(ung.element(6));
    h.version = component(ung, 7, 1) + component(ung, 7, 2);
    h.offset = ung.file_offset();
    open_group(h);
  }

  void open_group(const GroupHeader& h) {
    ++ctx_.stats.groups;
    ++open_.groups;
    open_.group_open = true;
    open_.group_control = h.control_number;
    open_.group_transactions = 0;
    ctx_.handler.begin_group(h);
  }

  void begin_message(const Segment& unh) {
    if (open_.transaction_open) close_open_message("UNH");
    if (!open_.group_open) {
      if (explicit_groups_) {
        ctx_.report_at(contrl(kGroupsAndMessagesMixed), unh, 0,
                       "a message outside a functional group in an interchange that has groups");
      }
      GroupHeader implicit;
      implicit.implicit = true;
      implicit.control_number = control_;
      implicit.offset = unh.file_offset();
      open_group(implicit);
    }
    if (!explicit_groups_) ++implicit_messages_;
    ++ctx_.stats.transactions;
    ++open_.group_transactions;
    TransactionHeader& h = ctx_.scratch.transaction;
    // S009: 0065 type, 0052 version, 0054 release, 0051 agency, 0057 association code.
    const std::string_view s009_value = unh.element(2);
    const auto s009 = first_parts<5>(
        s009_value, delimiters_.component, delimiters_.release,
        s009_value.empty() ? std::size_t{0}
                           : static_cast<std::size_t>(s009_value.data() - unh.buffer()));
    copy_text(h.set_id, s009[0]);
    copy_text(h.control_number, unh.element(1));
    copy_joined(h.version, s009[1], s009[2]);
    h.implementation.clear();
    copy_text(h.association, s009[4]);
    h.offset = unh.file_offset();
    open_.transaction_open = true;
    open_.position = 1;
    ctx_.handler.begin_transaction(h);
    ctx_.handler.transaction_segment(unh, 1);
    if (!message_refs_.insert(h.control_number)) {
      ctx_.report_at(contrl(kDuplicate), unh, 1,
                     "message reference " + h.control_number + " is used twice in this interchange",
                     1);
    }
  }

  void end_message(const Segment* unt) {
    if (!open_.transaction_open) {
      ctx_.report_at(contrl(kOutsideMessage), *unt, 0, "UNT without a matching UNH");
      return;
    }
    const std::uint32_t position = ++open_.position;
    ctx_.handler.transaction_segment(*unt, position);
    if (!count_matches(unt->element(1), position)) {
      ctx_.report_at(contrl(kCountDoesNotMatch), *unt, position,
                     "UNT says " + std::string(unt->element(1)) + " segments, the message has " +
                         std::to_string(position),
                     1);
    }
    if (!same_text(unt->element(2), transaction_control())) {
      ctx_.report_at(contrl(kReferencesDoNotMatch), *unt, position,
                     "UNT reference '" + std::string(unt->element(2)) +
                         "' does not match UNH reference '" + transaction_control() + "'",
                     2);
    }
    finish_message(true);
  }

  void close_open_message(std::string_view seen) {
    if (!open_.transaction_open) return;
    ctx_.report(contrl(kMissing),
                "message " + transaction_control() + " has no UNT before " + std::string(seen),
                "UNT");
    finish_message(false);
  }

  void finish_message(bool trailer) {
    TransactionSummary s;
    s.segment_count = open_.position;
    s.trailer_seen = trailer;
    open_.transaction_open = false;
    ctx_.handler.end_transaction(s);
  }

  void end_group(const Segment* une) {
    close_open_message("UNE");
    if (!open_.group_open || !explicit_groups_) {
      ctx_.report_at(contrl(kOutsideMessage), *une, 0, "UNE without a matching UNG");
      return;
    }
    if (!count_matches(une->element(1), open_.group_transactions)) {
      ctx_.report_at(contrl(kCountDoesNotMatch), *une, 0,
                     "UNE says " + std::string(une->element(1)) + " messages, the group has " +
                         std::to_string(open_.group_transactions),
                     1);
    }
    if (une->element(2) != open_.group_control) {
      ctx_.report_at(contrl(kReferencesDoNotMatch), *une, 0,
                     "UNE reference does not match UNG reference '" + open_.group_control + "'", 2);
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

  void close_interchange(const Segment* unz, const std::string& why) {
    close_open_message(unz ? "UNZ" : "the end of the interchange");
    if (open_.group_open) {
      if (explicit_groups_)
        ctx_.report(contrl(kMissing), "group " + open_.group_control + " has no UNE", "UNE");
      finish_group(!explicit_groups_);
    }
    InterchangeSummary s;
    s.groups = open_.groups;
    s.trailer_seen = unz != nullptr;
    if (unz == nullptr) {
      ctx_.report(contrl(kMissing), "interchange " + control_ + " has no UNZ: " + why, "UNZ");
    } else {
      // UNZ 0036 counts groups when there are any, else messages.
      const std::uint32_t expected = explicit_groups_ ? open_.groups : implicit_messages_;
      if (!count_matches(unz->element(1), expected)) {
        ctx_.report_at(contrl(kCountDoesNotMatch), *unz, 0,
                       "UNZ says " + std::string(unz->element(1)) +
                           (explicit_groups_ ? " groups" : " messages") + ", the interchange has " +
                           std::to_string(expected),
                       1);
      }
      if (unz->element(2) != control_) {
        ctx_.report_at(contrl(kReferencesDoNotMatch), *unz, 0,
                       "UNZ reference '" + std::string(unz->element(2)) +
                           "' does not match UNB reference '" + control_ + "'",
                       2);
      }
    }
    ctx_.handler.end_interchange(s);
  }

  bool end_of_input(Next next) {
    if (next == Next::kTooLong) {
      ctx_.report({CodeList::kFile, kFileSegmentTooLong},
                  "a segment is longer than the reader allows");
    }
    close_interchange(
        nullptr, next == Next::kTruncated ? "the input ends inside a segment" : "the input ends");
    return false;
  }

  // UNH 0062 of the open message: the walker's own header, which only begin_message() changes.
  const std::string& transaction_control() const { return ctx_.scratch.transaction.control_number; }

  WalkContext& ctx_;
  Delimiters delimiters_;
  OpenEnvelopes& open_;
  std::string& control_;  // UNB 0020 (the interchange header's control number)
  bool explicit_groups_ = false;
  std::uint32_t implicit_messages_ = 0;
  ControlNumberSet& message_refs_;
};

}  // namespace

bool walk_edifact_interchange(WalkContext& ctx) { return EdifactWalk(ctx).run(); }

}  // namespace ordex::edi::detail
