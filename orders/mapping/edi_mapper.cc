#include "orders/mapping/edi_mapper.h"

#include <array>
#include <string_view>
#include <utility>

#include "orders/mapping/scope.h"

namespace ordex::orders {

using detail::SetMapper;

struct EdiMapper::Registry {
  struct Entry {
    std::string_view set_id;
    std::unique_ptr<SetMapper> mapper;
  };
  std::array<Entry, 9> x12 = {{
      {"850", detail::make_x12_850()},
      {"855", detail::make_x12_855()},
      {"856", detail::make_x12_856()},
      {"810", detail::make_x12_810()},
      {"214", detail::make_x12_214()},
      {"997", detail::make_x12_997()},
      {"999", detail::make_x12_997()},
      {"940", detail::make_x12_940()},
      {"945", detail::make_x12_945()},
  }};
  std::array<Entry, 6> edifact = {{
      {"ORDERS", detail::make_edifact_orders()},
      {"ORDRSP", detail::make_edifact_ordrsp()},
      {"DESADV", detail::make_edifact_desadv()},
      {"INVOIC", detail::make_edifact_invoic()},
      {"IFTSTA", detail::make_edifact_iftsta()},
      {"CONTRL", detail::make_edifact_contrl()},
  }};

  template <std::size_t N>
  static SetMapper* find(std::array<Entry, N>& table, std::string_view id) {
    for (Entry& e : table) {
      if (e.mapper && e.set_id == id) return e.mapper.get();
    }
    return nullptr;
  }
};

namespace {

bool is_acknowledgment(std::string_view set_id) {
  return set_id == "997" || set_id == "999" || set_id == "CONTRL" || set_id == "TA1";
}

}  // namespace

EdiMapper::EdiMapper(DocumentSink& sink)
    : sink_(sink),
      scope_(std::make_unique<detail::Scope>(sink, context_)),
      registry_(std::make_unique<Registry>()) {}

EdiMapper::~EdiMapper() = default;

void EdiMapper::begin_file(std::string_view name) {
  file_.assign(name);
  context_ = DocumentContext{};
  context_.file = file_;
}

void EdiMapper::begin_interchange(const edi::InterchangeHeader& h) {
  interchange_ = h;
  context_.format = h.standard == edi::Standard::kX12 ? SourceFormat::kX12 : SourceFormat::kEdifact;
  context_.interchange = &interchange_;
  context_.group = nullptr;
  context_.transaction = nullptr;
}

void EdiMapper::begin_group(const edi::GroupHeader& h) {
  group_ = h;
  context_.group = &group_;
  first_set_.clear();
  group_has_documents_ = false;
}

SetMapper* EdiMapper::mapper_for(const edi::TransactionHeader& h) {
  if (context_.format == SourceFormat::kX12) return Registry::find(registry_->x12, h.set_id);
  return Registry::find(registry_->edifact, h.set_id);
}

void EdiMapper::begin_transaction(const edi::TransactionHeader& h) {
  transaction_ = h;
  context_.transaction = &transaction_;
  context_.verdict = edi::Verdict::kAccepted;
  context_.errors = context_.warnings = 0;
  if (first_set_.empty()) first_set_ = h.set_id;
  if (!is_acknowledgment(h.set_id)) group_has_documents_ = true;
  scope_->begin(interchange_.delimiters, file_id_);
  current_ = mapper_for(h);
  if (current_ != nullptr) {
    current_->begin(*scope_);
  } else {
    unsupported(h);
  }
}

void EdiMapper::unsupported(const edi::TransactionHeader& h) {
  scope_->document_issue(IssueCode::kUnsupportedSet, IssueSeverity::kError,
                         context_.format == SourceFormat::kX12 ? "ST" : "UNH", 1,
                         "transaction set '" + h.set_id + "' is not one ordex maps; not imported");
}

void EdiMapper::transaction_segment(const edi::Segment& s, std::uint32_t position) {
  if (current_ == nullptr) return;
  const detail::Fields fields(s, position, *scope_);
  current_->segment(fields);
}

void EdiMapper::end_transaction(const edi::TransactionSummary& s) {
  context_.verdict = s.verdict;
  context_.errors = s.errors;
  context_.warnings = s.warnings;
  if (current_ != nullptr) current_->finish(*scope_);
  scope_->flush();
  current_ = nullptr;
  context_.transaction = nullptr;
  context_.verdict = edi::Verdict::kAccepted;
}

void EdiMapper::end_group(const edi::GroupSummary& s) {
  if (group_has_documents_) {
    context_.verdict = s.verdict;
    OutboundGroup group;
    // EDIFACT without UNG: CONTRL acknowledges the interchange, whose control number the
    // implicit group carries; its "functional id" is the message type.
    group.functional_id = group_.functional_id.empty() ? first_set_ : group_.functional_id;
    group.group_control = group_.control_number;
    const TimeZone zone = sink_.local_zone(context_);
    edi::Result<Instant> at = received_at(context_, zone);
    group.sent_at = at.ok() ? at.value() : 0;
    group.source.file_id = file_id_;
    group.source.interchange = interchange_.control_number;
    group.source.group = group_.control_number;
    group.source.received_at = group.sent_at;
    sink_.outbound_group(context_, group);
  }
  context_.group = nullptr;
  context_.verdict = edi::Verdict::kAccepted;
}

}  // namespace ordex::orders
