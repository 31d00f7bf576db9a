#include "edi/validator.h"

#include "edi/validator_messages.h"

namespace ordex::edi {

namespace {

constexpr std::size_t kMaxBadValue = 99;  // AK404 holds at most 99 characters

bool is_utf8_syntax(std::string_view syntax_id) {
  return syntax_id == "UNOW" || syntax_id == "UNOY";
}

std::string_view header_tag(Standard standard) { return standard == Standard::kX12 ? "ST" : "UNH"; }

// a == b for the few-byte values compared once per set (set ids, versions, GS01), inline:
// std::string's operator== calls memcmp through the PLT, which perf put at ~1.8 % of the
// cycles of X12 validation + 997 on the benchmark file, two thirds of its calls from the
// three compares a set here.
bool same(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

}  // namespace

Validator::Validator(const SchemaRegistry& schemas, EnvelopeHandler& next, ValidatorOptions options)
    : schemas_(schemas), tracker_(next), options_(options) {}

void Validator::begin_interchange(const InterchangeHeader& h) {
  standard_ = h.standard;
  elements_.configure(h.delimiters, h.standard,
                      h.standard == Standard::kEdifact && is_utf8_syntax(h.syntax_id));
  tracker_.begin_interchange(h);
}

void Validator::begin_group(const GroupHeader& h) {
  functional_id_ = h.functional_id;
  tracker_.begin_group(h);
}

void Validator::begin_transaction(const TransactionHeader& h) {
  tracker_.begin_transaction(h);
  reported_ = reported_errors_ = suppressed_ = suppressed_errors_ = 0;
  last_position_ = 0;
  last_offset_ = h.offset;
  codes_ = CodeContext{standard_, false};
  schema_ = find_schema(h);
  if (schema_ == nullptr) {
    if (!admit(Severity::kError)) return;
    Finding f = make(Problem::kSetNotSupported, header_tag(standard_), 1, h.offset);
    f.element = standard_ == Standard::kX12 ? 1 : 2;  // ST01 / UNH S009
    f.bad_value = h.set_id.substr(0, kMaxBadValue);
    f.message = std::string(standard_ == Standard::kX12 ? "transaction set " : "message ") +
                h.set_id + " version " + h.version +
                " is not supported: no schema for it is loaded; its body is not checked";
    return emit(f);
  }
  codes_.x12_005010 = last_lookup_.x12_005010;
  sequencer_.start(*schema_);
  elements_.set_dictionary(*schema_->dictionary);
  hl_.reset();
  check_group_membership(h);
}

// Consecutive sets are nearly always of the same type and version: the last answer is
// kept, which spares the registry's string-keyed lookup per set.
const TransactionSchema* Validator::find_schema(const TransactionHeader& h) {
  if (!last_lookup_.valid || last_lookup_.standard != standard_ ||
      !same(last_lookup_.version, h.version) || !same(last_lookup_.set_id, h.set_id)) {
    last_lookup_.valid = true;
    last_lookup_.standard = standard_;
    last_lookup_.version = h.version;
    last_lookup_.set_id = h.set_id;
    last_lookup_.schema = schemas_.find(standard_, h.version, h.set_id);
    last_lookup_.x12_005010 = standard_ == Standard::kX12 && last_lookup_.schema != nullptr &&
                              last_lookup_.schema->version >= "005010";
  }
  return last_lookup_.schema;
}

// X12: ST01 must be a set of GS01's functional group (850 in PO). EDIFACT: an explicit
// UNG names the one message type its group holds.
void Validator::check_group_membership(const TransactionHeader& h) {
  if (functional_id_.empty()) return;
  const std::string& expected =
      standard_ == Standard::kX12 ? schema_->functional_group : schema_->id;
  if (expected.empty() || same(functional_id_, expected)) return;
  if (!admit(Severity::kError)) return;
  Finding f = make(Problem::kSetNotInGroup, header_tag(standard_), 1, h.offset);
  f.element = standard_ == Standard::kX12 ? 1 : 2;
  f.bad_value = h.set_id.substr(0, kMaxBadValue);
  f.message = h.set_id + " belongs in functional group " + expected + ", not in a " +
              functional_id_ + " group";
  emit(f);
}

void Validator::transaction_segment(const Segment& s, std::uint32_t position) {
  tracker_.transaction_segment(s, position);
  if (schema_ == nullptr) return;
  last_position_ = position;
  last_offset_ = s.file_offset();
  const Placement placement = sequencer_.place_tag(s.tag_code(), position);
  if (!sequencer_.issues().empty()) report_sequence_issues(&s, position);
  if (placement != Placement::kPlaced) return report_placement(placement, s, position);
  const std::int32_t index = sequencer_.segment();
  const SegmentDef& def = schema_->dictionary->segments[static_cast<std::size_t>(index)];
  current_ = Current{&s, &def, position};
  elements_.check(s, static_cast<std::size_t>(index), *this);
  if (index == schema_->hl_segment) check_hl(s, position, def);
}

void Validator::end_transaction(const TransactionSummary& s) {
  if (schema_ != nullptr) {
    sequencer_.finish();
    report_sequence_issues(nullptr, last_position_ + 1);
    report_suppressed();
  }
  schema_ = nullptr;
  tracker_.end_transaction(s);
}

void Validator::report_sequence_issues(const Segment* segment, std::uint32_t position) {
  const std::uint64_t offset = segment ? segment->file_offset() : last_offset_;
  const std::uint32_t trailer = schema_->loops[0].end - 1;
  for (const SequenceIssue& issue : sequencer_.issues()) {
    if (issue.kind == SequenceIssue::Kind::kMandatoryMissing) {
      // At the end of the set the trailer cannot be missing: the walker already reported
      // a set without SE / UNT (AK5:2 / CONTRL:13).
      if (segment == nullptr && issue.entry == trailer) continue;
      report_missing(issue, position, offset);
      continue;
    }
    if (!admit(Severity::kError)) continue;
    const StructureEntry& entry = schema_->entries[issue.entry];
    const std::string& tag = tag_of_entry(issue.entry);
    const bool loop = issue.kind == SequenceIssue::Kind::kLoopOverMax;
    Finding f =
        make(loop ? Problem::kLoopOverMax : Problem::kSegmentOverMax, tag, position, offset);
    if (loop) {
      f.loop_id = schema_->loops[static_cast<std::size_t>(entry.loop)].id;
    } else {
      set_loop(f, issue.loop, issue.trigger_position, position);
    }
    f.message = (loop ? "loop " + f.loop_id : "segment " + tag) + " occurs " +
                std::to_string(issue.count) + " times here, at most " + std::to_string(entry.max) +
                " allowed";
    emit(f);
  }
}

// `position` is that of the segment read where the missing one was due (X12 AK302 reports
// it); ISO 9735-4 has UCS report the last segment processed before that place instead.
void Validator::report_missing(const SequenceIssue& issue, std::uint32_t position,
                               std::uint64_t offset) {
  if (!admit(Severity::kError)) return;
  if (standard_ == Standard::kEdifact && position > 1) --position;
  const StructureEntry& entry = schema_->entries[issue.entry];
  const std::string& tag = tag_of_entry(issue.entry);
  Finding f = make(Problem::kSegmentMissing, tag, position, offset);
  if (entry.loop >= 0) {
    f.loop_id = schema_->loops[static_cast<std::size_t>(entry.loop)].id;
    f.message = "mandatory loop " + f.loop_id + " (segment " + tag + ") is missing";
  } else {
    set_loop(f, issue.loop, issue.trigger_position, position);
    f.message = "mandatory segment " + tag + " is missing";
    if (!f.loop_id.empty()) f.message += " in loop " + f.loop_id;
  }
  emit(f);
}

void Validator::report_placement(Placement placement, const Segment& segment,
                                 std::uint32_t position) {
  if (!admit(Severity::kError)) return;
  const std::string_view tag = segment.tag();
  const std::string where = " in " + std::string(to_string(schema_->standard)) + " " +
                            schema_->version + " " + schema_->id;
  Finding f;
  switch (placement) {
    case Placement::kUnrecognized:
      f = make(Problem::kUnrecognizedSegment, tag, position, segment.file_offset());
      f.message = "segment " + std::string(tag) + " is not a segment of " +
                  std::string(to_string(schema_->standard)) + " " + schema_->version;
      break;
    case Placement::kUnexpected:
      f = make(Problem::kUnexpectedSegment, tag, position, segment.file_offset());
      f.message = "segment " + std::string(tag) + " is not used" + where;
      break;
    default:
      f = make(Problem::kSegmentOutOfSequence, tag, position, segment.file_offset());
      f.message = "segment " + std::string(tag) + " is not in its proper sequence" + where;
      break;
  }
  const LoopContext context = sequencer_.context();
  set_loop(f, context.loop, context.trigger_position, position);
  emit(f);
}

void Validator::element_issue(const ElementIssue& issue) {
  if (!admit(Severity::kError)) return;
  Finding f = element_finding(issue, *current_.segment, current_.position);
  f.message = detail::element_message(issue, current_.segment->tag());
  emit(f);
}

Finding Validator::element_finding(const ElementIssue& issue, const Segment& segment,
                                   std::uint32_t position) const {
  Finding f = make(issue.problem, segment.tag(), position, segment.file_offset());
  const LoopContext context = sequencer_.context();
  set_loop(f, context.loop, context.trigger_position, position);
  f.element = issue.element;
  f.component = issue.component;
  f.repetition = issue.repetition;
  if (issue.element_def != nullptr) {
    f.element_ref = issue.element_def->ref;
  } else if (issue.composite_def != nullptr) {
    f.element_ref = issue.composite_def->ref;
  }
  f.bad_value = std::string(issue.value.substr(0, kMaxBadValue));
  return f;
}

void Validator::check_hl(const Segment& segment, std::uint32_t position, const SegmentDef& def) {
  HlIssue issues[3];
  const std::size_t count = hl_.check(segment, issues);
  for (std::size_t i = 0; i < count; ++i) {
    const HlIssue& issue = issues[i];
    if (issue.element > def.elements.size()) continue;
    const ElementUse& use = def.elements[issue.element - 1];
    // A mandatory HL03 was already reported by the element checks.
    if (issue.problem == Problem::kElementMissing && use.usage == Usage::kMandatory) continue;
    if (!admit(Severity::kError)) continue;
    ElementIssue at;
    at.problem = issue.problem;
    at.element = issue.element;
    at.value = issue.value;
    if (!use.composite) at.element_def = &schema_->dictionary->elements[use.index];
    Finding f = element_finding(at, segment, position);
    f.message = detail::element_label(segment.tag(), issue.element, 0) +
                (issue.value.empty() ? "" : " '" + std::string(issue.value) + "'") + " " +
                issue.reason;
    emit(f);
  }
}

void Validator::report_suppressed() {
  if (suppressed_ == 0) return;
  // Normally a warning; an error when no error got through, so the set is still rejected.
  const Severity severity =
      suppressed_errors_ > 0 && reported_errors_ == 0 ? Severity::kError : Severity::kWarning;
  Finding f = make(Problem::kFindingsSuppressed, {}, 0, last_offset_);
  f.severity = severity;
  f.message = std::to_string(suppressed_) + " more finding" + (suppressed_ == 1 ? "" : "s") +
              " in this " + (standard_ == Standard::kX12 ? "transaction set" : "message") +
              " not reported (limit " + std::to_string(options_.max_findings_per_transaction) + ")";
  emit(f);
}

bool Validator::admit(Severity severity) {
  const bool error = severity == Severity::kError;
  if (reported_ < options_.max_findings_per_transaction) {
    ++reported_;
    reported_errors_ += error ? 1 : 0;
    return true;
  }
  ++suppressed_;
  suppressed_errors_ += error ? 1 : 0;
  return false;
}

Finding Validator::make(Problem problem, std::string_view tag, std::uint32_t position,
                        std::uint64_t offset) const {
  Finding f;
  f.code = code_for(problem, codes_);
  f.severity = Severity::kError;
  f.segment = std::string(tag);
  f.segment_position = position;
  f.offset = offset;
  return f;
}

// AK303 and the 999 CTX: the loop the segment is in, and the segment that opened it
// unless that is the segment itself.
void Validator::set_loop(Finding& f, std::uint32_t loop, std::uint32_t trigger_position,
                         std::uint32_t position) const {
  if (loop == 0) return;
  const LoopDef& def = schema_->loops[loop];
  f.loop_id = def.id;
  if (trigger_position == position) return;
  f.loop_trigger = tag_of_entry(def.first);
  f.loop_trigger_position = trigger_position;
}

const std::string& Validator::tag_of_entry(std::uint32_t entry) const {
  return schema_->dictionary->segments[schema_->entries[entry].segment].tag;
}

}  // namespace ordex::edi
