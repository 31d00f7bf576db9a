#include "edi/ack_builder.h"

#include <bit>
#include <charconv>
#include <cstring>
#include <utility>

#include "edi/ack_contrl.h"
#include "edi/ack_ta1.h"
#include "edi/ack_x12.h"
#include "edi/segment.h"
#include "edi/short_copy.h"
#include "edi/x12_isa.h"

namespace ordex::edi {

namespace {

// "in/orders.x12" -> "orders"; a name without a stem becomes "input".
std::string file_stem(std::string_view name) {
  if (const auto slash = name.find_last_of("/\\"); slash != std::string_view::npos) {
    name.remove_prefix(slash + 1);
  }
  if (const auto dot = name.rfind('.'); dot != std::string_view::npos && dot > 0) {
    name = name.substr(0, dot);
  }
  return name.empty() ? "input" : std::string(name);
}

bool is_x12_ack_group(const GroupHeader& h) { return h.functional_id == "FA"; }

// to = from for a set id or control number (a few bytes, nearly always the length `to`
// already has): fixed-size moves instead of std::string::assign, whose copy is a call to
// memcpy, several times a set.
void assign_short(std::string& to, std::string_view from) {
  const std::size_t n = from.size();
  if (n > 16 || n > to.capacity()) {
    to.assign(from);
    return;
  }
  if (to.size() != n) to.resize(n);
  if (n > 0) copy_short(to.data(), from.data(), n);
}

// to = unescape(from, release), keeping to's capacity.
void unescape_into(std::string& to, std::string_view from, char release) {
  if (release == 0 || from.find(release) == std::string_view::npos) {
    assign_short(to, from);
    return;
  }
  to.clear();
  for (std::size_t i = 0; i < from.size(); ++i) {
    if (from[i] == release && i + 1 < from.size()) ++i;
    to.push_back(from[i]);
  }
}

}  // namespace

AckBuilder::AckBuilder(AckOptions options, AckSink& sink)
    : options_(std::move(options)),
      sink_(sink),
      numbers_(options_.control_numbers != nullptr ? *options_.control_numbers : own_numbers_),
      stamp_(detail::make_stamp(options_.stamp)) {}

AckBuilder::~AckBuilder() = default;

void AckBuilder::begin_file(std::string_view name) { stem_ = file_stem(name); }

void AckBuilder::begin_interchange(const InterchangeHeader& h) {
  release_builders();
  header_ = h;
  in_interchange_ = true;
  in_group_ = in_transaction_ = false;
  has_content_ = has_ack_content_ = false;
  skip_group_ = skip_transaction_ = false;
  interchange_findings_.clear();
  if (options_.kind == AckKind::kNone) return;
  if (!is_x12()) {
    const bool uci_only = options_.kind == AckKind::kTA1;
    if (spare_contrl_) {
      contrl_ = std::move(spare_contrl_);
      contrl_->restart(uci_only);
    } else {
      contrl_ = std::make_unique<detail::ContrlAck>(header_, uci_only);
    }
  } else if (options_.kind == AckKind::k997 || options_.kind == AckKind::k999) {
    if (spare_x12_) {
      x12_ = std::move(spare_x12_);
      x12_->restart(options_.kind, x12_delimiters());
    } else {
      x12_ = std::make_unique<detail::X12FunctionalAck>(options_.kind, header_, x12_delimiters());
    }
  }
}

// The builders are kept for the next interchange (with their buffers' capacity): making one
// per interchange cost several allocations each time (the CONTRL builder's five writers).
void AckBuilder::release_builders() {
  if (x12_) spare_x12_ = std::move(x12_);
  if (contrl_) spare_contrl_ = std::move(contrl_);
}

void AckBuilder::begin_group(const GroupHeader& h) {
  in_group_ = true;
  group_findings_.clear();
  // An X12 group says what it holds (GS01); an EDIFACT one is judged by its messages.
  skip_group_ = is_x12() && is_x12_ack_group(h);
  if (is_x12()) (skip_group_ ? has_ack_content_ : has_content_) = true;
  if (skip_group_) return;
  if (x12_) x12_->begin_group(h);
  if (contrl_) contrl_->begin_group(h);
}

void AckBuilder::begin_transaction(const TransactionHeader& h) {
  in_transaction_ = true;
  // The writers read the set's id and control number alone; copying the whole header cost
  // ~100 instructions a set more.
  assign_short(transaction_.set_id, h.set_id);
  assign_short(transaction_.control_number, h.control_number);
  transaction_.offset = h.offset;
  transaction_findings_.clear();
  st03_.clear();
  s009_count_ = 0;
  const bool contrl_received = !is_x12() && h.set_id == "CONTRL";
  skip_transaction_ = skip_group_ || contrl_received;
  if (contrl_received) has_ack_content_ = true;
  if (!skip_transaction_) has_content_ = true;
}

void AckBuilder::transaction_segment(const Segment& s, std::uint32_t position) {
  if (position != 1 || !in_transaction_ || skip_transaction_) return;
  if (is_x12()) {
    st03_.assign(s.element(3));
    return;
  }
  // S009's components as part_count() and part() see them, in one pass, each unescaped into
  // a string kept from the last message (round 5: a part() call per component, each from
  // the first byte, and a new string for each, cost ~1,360 instructions a message).
  // Round 6: a short S009 without a release character (nearly all) from the separator bits
  // of one vector compare, each part copied as it is.
  const Delimiters& d = header_.delimiters;
  const std::string_view s009 = s.element(2);
  if (s009.empty()) return;
  std::size_t begin = 0;
  // `plain`: the part holds no release character.
  const auto add = [&](std::size_t end, bool plain = false) {
    if (s009_count_ == s009_.size()) s009_.emplace_back();
    std::string& to = s009_[s009_count_++];
    const std::string_view value = s009.substr(begin, end - begin);
    if (plain) {
      assign_short(to, value);
    } else {
      unescape_into(to, value, d.release);
    }
  };
  const auto before = static_cast<std::size_t>(s009.data() - s.buffer());
  const auto separators = d.component != 0
                              ? short_value_separators(s009, before, d.component, d.release)
                              : std::nullopt;
  if (separators) {
    for (std::uint32_t bits = *separators; bits != 0; bits &= bits - 1) {
      const auto at = static_cast<std::size_t>(std::countr_zero(bits));
      add(at, true);
      begin = at + 1;
    }
    return add(s009.size(), true);
  }
  if (d.component != 0) {
    for (std::size_t i = 0; i < s009.size(); ++i) {
      if (d.release != 0 && s009[i] == d.release) {
        ++i;
        continue;
      }
      if (s009[i] == d.component) {
        add(i);
        begin = i + 1;
      }
    }
  }
  add(s009.size());
}

void AckBuilder::interchange_segment(const Segment& s) {
  if (in_interchange_ && is_x12() && s.tag() == "TA1") has_ack_content_ = true;
}

void AckBuilder::end_transaction(const TransactionSummary& s) {
  in_transaction_ = false;
  if (skip_transaction_) return;
  if (x12_) x12_->transaction({transaction_, st03_, s, transaction_findings_});
  if (contrl_) {
    contrl_->message({transaction_, {s009_.data(), s009_count_}, s, transaction_findings_});
  }
}

void AckBuilder::end_group(const GroupSummary& s) {
  in_group_ = false;
  if (std::exchange(skip_group_, false)) return;
  if (x12_) x12_->end_group(s, group_findings_);
  if (contrl_) contrl_->end_group(s, group_findings_);
}

// The same levels the VerdictTracker counts findings against, so that the codes written
// next to a verdict are the ones that produced it.
std::vector<Finding>* AckBuilder::findings_for(const Finding& f) {
  if (!in_interchange_) return nullptr;
  switch (f.code.list) {
    case CodeList::kAK5:
    case CodeList::kAK3:
    case CodeList::kAK4:
      if (in_transaction_) return &transaction_findings_;
      return in_group_ ? &group_findings_ : &interchange_findings_;
    case CodeList::kAK9:
      return in_group_ ? &group_findings_ : &interchange_findings_;
    case CodeList::kCONTRL:
      if (in_transaction_) return &transaction_findings_;
      return in_group_ ? &group_findings_ : &interchange_findings_;
    case CodeList::kTA1:
    case CodeList::kFile:
      break;
  }
  return &interchange_findings_;
}

void AckBuilder::finding(const Finding& f) {
  if (options_.kind == AckKind::kNone) return;
  if (std::vector<Finding>* list = findings_for(f)) list->push_back(f);
}

namespace {

// What an acknowledgment must echo back: the party ids (as its receiver) and the interchange
// control number (TA101 / UCI 0020). Values holding control bytes or longer than their
// envelope field cannot be echoed in a valid interchange, so such an interchange gets no
// acknowledgment (its findings still say what is wrong).
bool addressable(const InterchangeHeader& h) {
  const bool x12 = h.standard == Standard::kX12;
  const std::size_t max_id = x12 ? 15 : 35;
  const std::size_t max_qualifier = x12 ? 2 : 4;
  auto printable = [](std::string_view v) {
    for (char c : v) {
      // Printable ASCII only: party ids are GLNs, DUNS and mailbox names in practice, and a
      // byte outside ASCII may not even be valid in the partner's character repertoire.
      const auto b = static_cast<unsigned char>(c);
      if (b < 0x20 || b >= 0x7F) return false;
    }
    return true;
  };
  auto ok = [&](const std::string& id, const std::string& qualifier) {
    return !id.empty() && id.size() <= max_id && qualifier.size() <= max_qualifier &&
           printable(id) && printable(qualifier);
  };
  // An X12 receiver qualifier must be a code the partner's translator knows (ISA07).
  if (x12 && (!detail::is_known_isa_qualifier(h.sender_qualifier) ||
              !detail::is_known_isa_qualifier(h.receiver_qualifier))) {
    return false;
  }
  const std::size_t max_control = x12 ? 9 : 14;
  return ok(h.sender_id, h.sender_qualifier) && ok(h.receiver_id, h.receiver_qualifier) &&
         !h.control_number.empty() && h.control_number.size() <= max_control &&
         printable(h.control_number);
}

}  // namespace

void AckBuilder::end_interchange(const InterchangeSummary& s) {
  if (!in_interchange_) return;
  in_interchange_ = false;
  const bool only_acks = has_ack_content_ && !has_content_;
  if (options_.kind == AckKind::kNone || only_acks || !addressable(header_)) return;
  if (!is_x12()) return write_contrl(s);
  if (options_.kind == AckKind::kTA1 || s.verdict == Verdict::kRejected) return write_ta1(s);
  write_x12(s);
}

Delimiters AckBuilder::x12_delimiters() const {
  Delimiters chosen = header_.delimiters;
  if (options_.x12_delimiters &&
      check_delimiters(*options_.x12_delimiters).kind == DelimiterProblem::Kind::kNone) {
    chosen = *options_.x12_delimiters;
  }
  return detail::x12_output_delimiters(header_, chosen);
}

void AckBuilder::write_x12(const InterchangeSummary&) {
  if (!x12_ || x12_->empty()) return;  // no group: nothing a 997/999 could name
  std::uint32_t control = 0;
  const std::string& bytes = x12_->finish(numbers_, stamp_, control);
  emit(options_.kind, bytes, control);
}

void AckBuilder::write_ta1(const InterchangeSummary& s) {
  const std::uint32_t control = numbers_.next_interchange();
  const detail::Ta1Result result = detail::ta1_result(s, interchange_findings_);
  emit(AckKind::kTA1,
       detail::write_ta1_interchange(header_, result, x12_delimiters(), control, stamp_), control);
}

void AckBuilder::write_contrl(const InterchangeSummary& s) {
  const std::uint32_t control = numbers_.next_interchange();
  emit(AckKind::kCONTRL, contrl_->finish(s, interchange_findings_, control, stamp_), control);
}

// ack_ is reused, so its strings keep their capacity from one acknowledgment to the next.
void AckBuilder::emit(AckKind kind, std::string_view bytes, std::uint32_t control) {
  Ack& ack = ack_;
  ack.standard = header_.standard;
  ack.kind = kind;
  ack.interchange_ordinal = header_.ordinal;
  ack.interchange_control = header_.control_number;
  ack.control_number = control;
  char ordinal[16];
  const char* const ordinal_end =
      std::to_chars(ordinal, ordinal + sizeof ordinal, header_.ordinal).ptr;
  ack.file_suffix.assign(".");
  ack.file_suffix.append(ordinal, static_cast<std::size_t>(ordinal_end - ordinal));
  ack.file_suffix.append(".");
  ack.file_suffix.append(to_string(kind));
  ack.file_suffix.append(is_x12() ? ".x12" : ".edi");
  ack.file_name.assign(stem_);
  ack.file_name.append(ack.file_suffix);
  ack.bytes.assign(bytes);
  sink_.write(ack);
  release_builders();
  ++written_;
}

}  // namespace ordex::edi
