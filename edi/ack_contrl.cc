#include "edi/ack_contrl.h"

#include <algorithm>

#include "edi/segment.h"
#include "edi/verdicts.h"

namespace ordex::edi::detail {

namespace {

constexpr std::string_view kRejected = "4";
constexpr std::string_view kAcknowledged = "7";
constexpr std::string_view kReceived = "8";
constexpr std::size_t kMaxSegmentNotes = 999;  // UCS per message
constexpr std::size_t kMaxElementNotes = 99;   // UCD per UCS

bool is_error(const Finding& f) {
  return f.code.list == CodeList::kCONTRL && f.severity == Severity::kError;
}

// The envelope's own segments; UNS (section control) is part of the message body.
bool is_service_segment(std::string_view tag) {
  return tag == "UNH" || tag == "UNT" || tag == "UNB" || tag == "UNZ" || tag == "UNG" ||
         tag == "UNE";
}

// An error about the envelope itself rather than a segment of the message body.
bool is_envelope_error(const Finding& f) {
  return is_error(f) && (f.segment_position == 0 || is_service_segment(f.segment));
}

const Finding* first_envelope_error(std::span<const Finding> findings) {
  for (const Finding& f : findings) {
    if (is_envelope_error(f)) return &f;
  }
  return nullptr;
}

// S011: erroneous data element position and component position.
void add_s011(SegmentWriter& w, const Finding& f) {
  const std::string element = f.element ? std::to_string(f.element) : "";
  const std::string component = f.component ? std::to_string(f.component) : "";
  w.add_composite({element, component});
}

// 0085 error, 0013 service segment tag, S011: the tail shared by UCI, UCF and UCM.
void add_error_tail(SegmentWriter& w, const Finding* f) {
  if (f == nullptr) return;
  w.add(std::uint64_t{f->code.value})
      .add(is_service_segment(f->segment) ? std::string_view(f->segment) : std::string_view());
  add_s011(w, *f);
}

// One body segment in error: UCS with the segment's own error, then a UCD per element error.
void write_ucs(SegmentWriter& w, std::span<const Finding* const> segment) {
  const auto own = std::find_if(segment.begin(), segment.end(),
                                [](const Finding* f) { return f->element == 0; });
  w.begin("UCS").add(std::uint64_t{segment.front()->segment_position});
  if (own != segment.end()) w.add(std::uint64_t{(*own)->code.value});
  w.end();
  std::size_t notes = 0;
  for (const Finding* f : segment) {
    if (f->element == 0) continue;
    if (notes++ == kMaxElementNotes) break;
    w.begin("UCD").add(std::uint64_t{f->code.value});
    add_s011(w, *f);
    w.end();
  }
}

}  // namespace

ContrlAck::ContrlAck(const InterchangeHeader& received, bool uci_only)
    : received_(received),
      d_(received.delimiters),
      uci_only_(uci_only),
      body_(Standard::kEdifact, d_),
      group_(Standard::kEdifact, d_),
      whole_(Standard::kEdifact, d_),
      message_(Standard::kEdifact, d_) {}

void ContrlAck::restart(bool uci_only) {
  d_ = received_.delimiters;
  uci_only_ = uci_only;
  body_.reset(Standard::kEdifact, d_);
  group_.reset(Standard::kEdifact, d_);
  explicit_group_.reset();
  implicit_group_error_.reset();
}

void ContrlAck::begin_group(const GroupHeader& g) {
  group_.reset(Standard::kEdifact, d_);
  if (g.implicit) {
    explicit_group_.reset();
  } else {
    explicit_group_ = g;
  }
}

void ContrlAck::message(const ReceivedMessage& m) {
  if (uci_only_) return;
  const bool rejected = own_verdict(m.summary) == Verdict::kRejected;
  SegmentWriter& w = group_;
  // S009 as received: type:version:release:agency[:association].
  const auto s009 = [&](std::size_t i) {
    return i < m.s009.size() ? std::string_view(m.s009[i]) : std::string_view();
  };
  w.begin("UCM")
      .add(plain(m.header.control_number))
      .add_composite({m.s009.empty() ? std::string_view(m.header.set_id) : s009(0), s009(1),
                      s009(2), s009(3), s009(4)});
  w.add(rejected ? kRejected : kAcknowledged);
  if (rejected) add_error_tail(w, first_envelope_error(m.findings));
  w.end();
  if (rejected) write_segment_errors(w, m.findings);
}

void ContrlAck::write_segment_errors(SegmentWriter& w, std::span<const Finding> findings) const {
  std::vector<const Finding*> body;
  for (const Finding& f : findings) {
    if (is_error(f) && !is_envelope_error(f)) body.push_back(&f);
  }
  std::stable_sort(body.begin(), body.end(), [](const Finding* a, const Finding* b) {
    return a->segment_position < b->segment_position;
  });
  std::size_t written = 0;
  for (auto first = body.begin(); first != body.end() && written++ < kMaxSegmentNotes;) {
    const std::uint32_t position = (*first)->segment_position;
    const auto last = std::find_if(
        first, body.end(), [&](const Finding* f) { return f->segment_position != position; });
    write_ucs(w, std::span<const Finding* const>(&*first, static_cast<std::size_t>(last - first)));
    first = last;
  }
}

void ContrlAck::end_group(const GroupSummary& summary, std::span<const Finding> findings) {
  if (!explicit_group_) {
    const auto it = std::find_if(findings.begin(), findings.end(), is_error);
    if (it != findings.end() && !implicit_group_error_) implicit_group_error_ = *it;
    body_.append(group_);
    return;
  }
  const GroupHeader& g = *explicit_group_;
  const bool rejected = summary.verdict == Verdict::kRejected;
  if (!uci_only_) {
    body_.begin("UCF")
        .add(plain(g.control_number))
        .add_composite({plain(g.sender_id)})
        .add_composite({plain(g.receiver_id)})
        .add(rejected ? kRejected : kAcknowledged);
    if (rejected) add_error_tail(body_, first_envelope_error(findings));
    body_.end();
    body_.append(group_);
  }
  explicit_group_.reset();
}

std::string ContrlAck::una() const {
  std::string una = "UNA";
  una += d_.component;
  una += d_.element;
  una += d_.decimal;
  una += d_.release != 0 ? d_.release : ' ';
  una += d_.repetition != 0 ? d_.repetition : ' ';
  una += d_.segment;
  return una;
}

bool ContrlAck::syntax4() const { return received_.version == "4"; }

std::string ContrlAck::plain(const std::string& value) const { return unescape(value, d_.release); }

void ContrlAck::write_unb(SegmentWriter& w, std::uint32_t control, const AckStamp& stamp) const {
  // Our own header must be valid even when the received one is not (an unsupported syntax is
  // what this CONTRL may be reporting): echo the syntax only when it is a known one.
  const bool known = is_known_edifact_syntax(received_.syntax_id);
  const std::string& v = received_.version;
  const bool known_version = v.size() == 1 && v[0] >= '1' && v[0] <= '4';
  w.begin("UNB")
      .add_composite(
          {known ? received_.syntax_id : std::string("UNOC"), known_version ? v : std::string("3")})
      .add_composite({plain(received_.receiver_id), plain(received_.receiver_qualifier)})
      .add_composite({plain(received_.sender_id), plain(received_.sender_qualifier)})
      .add_composite({syntax4() ? stamp.ccyymmdd : stamp.yymmdd(), stamp.hhmm})
      .add(std::uint64_t{control});
  if (received_.test) w.add("").add("").add("").add("").add("").add("1");  // 0035
  w.end();
}

void ContrlAck::write_message(SegmentWriter& m, const InterchangeSummary& summary,
                              std::span<const Finding> findings) const {
  const Finding* error = first_envelope_error(findings);
  if (error == nullptr && implicit_group_error_) error = &*implicit_group_error_;
  const bool rejected = summary.verdict == Verdict::kRejected || error != nullptr;
  m.begin("UNH").add("1").add_composite(
      {"CONTRL", syntax4() ? "4" : "D", syntax4() ? "1" : "3", "UN"});
  m.end();
  m.begin("UCI")
      .add(plain(received_.control_number))
      .add_composite({plain(received_.sender_id), plain(received_.sender_qualifier)})
      .add_composite({plain(received_.receiver_id), plain(received_.receiver_qualifier)})
      .add(rejected ? kRejected : (uci_only_ ? kReceived : kAcknowledged));
  if (rejected) add_error_tail(m, error);
  m.end();
  if (!rejected) m.append(body_);
  m.begin("UNT").add(std::uint64_t{m.segments() + 1}).add("1");
  m.end();
}

std::string ContrlAck::finish(const InterchangeSummary& summary, std::span<const Finding> findings,
                              std::uint32_t control, const AckStamp& stamp) {
  SegmentWriter& w = whole_;
  w.reset(Standard::kEdifact, d_);
  w.prefix(una());
  write_unb(w, control, stamp);
  SegmentWriter& message = message_;
  message.reset(Standard::kEdifact, d_);
  write_message(message, summary, findings);
  w.append(message);
  w.begin("UNZ").add("1").add(std::uint64_t{control});
  w.end();
  return w.text();
}

}  // namespace ordex::edi::detail
