#include "orders/mapping/scope.h"

#include <utility>

namespace ordex::orders::detail {
namespace {

constexpr std::size_t kMaxValue = 99;  // like AK404: enough to recognise the value

}  // namespace

void Scope::begin(const edi::Delimiters& delimiters, std::int64_t file_id) {
  delimiters_ = &delimiters;
  file_id_ = file_id;
  issues_.clear();
  zone_ = sink_.local_zone(context_);
  edi::Result<Instant> at = received_at(context_, zone_);
  received_ = at.ok() ? std::optional<Instant>(at.value()) : std::nullopt;
}

SourceRef Scope::source() const {
  SourceRef ref;
  ref.file_id = file_id_;
  if (context_.interchange) ref.interchange = context_.interchange->control_number;
  if (context_.group) ref.group = context_.group->control_number;
  if (context_.transaction) {
    ref.transaction = context_.transaction->control_number;
    ref.set_id = context_.transaction->set_id;
  }
  ref.received_at = received_.value_or(0);
  return ref;
}

void Scope::document_issue(IssueCode code, IssueSeverity severity, std::string_view tag,
                           std::uint32_t position, std::string reason) {
  MappingIssue issue;
  issue.code = code;
  issue.severity = severity;
  issue.segment = tag;
  issue.segment_position = position;
  issue.reason = std::move(reason);
  issues_.push_back(std::move(issue));
}

DocumentSink& Scope::sink() {
  flush();
  return sink_;
}

void Scope::flush() {
  for (const MappingIssue& issue : issues_) sink_.issue(context_, issue);
  issues_.clear();
}

void clamp_to_receipt(std::optional<Instant>& shipped, bool has_time, const Scope& scope) {
  if (shipped && !has_time && scope.received() && *shipped > *scope.received()) {
    shipped = scope.received();
  }
}

std::string_view Fields::at(std::size_t e, std::size_t c) const {
  const edi::Delimiters& d = scope_.delimiters();
  return edi::part(segment_.element(e), c, d.component, d.release);
}

void Fields::assign(std::string_view value, std::string& out) const {
  const char release = scope_.delimiters().release;
  if (release == 0 || value.find(release) == std::string_view::npos) {
    out.assign(value);
    return;
  }
  out.clear();
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i] == release && i + 1 < value.size()) ++i;
    out.push_back(value[i]);
  }
}

void Fields::issue(IssueCode code, IssueSeverity severity, std::size_t e, std::size_t c,
                   std::string reason) const {
  MappingIssue issue;
  issue.code = code;
  issue.severity = severity;
  issue.segment = segment_.tag();
  issue.segment_position = position_;
  issue.element = static_cast<std::uint32_t>(e);
  issue.component = static_cast<std::uint32_t>(c);
  issue.offset = segment_.file_offset();
  if (e > 0) issue.value = (c > 0 ? at(e, c) : at(e)).substr(0, kMaxValue);
  issue.reason = std::move(reason);
  scope_.add_issue(std::move(issue));
}

namespace {

// "quantity '12x' is not a number".
std::string not_a_number(std::string_view what, std::string_view value) {
  return std::string(what) + " '" + std::string(value) + "' is not a number";
}

std::string not_a_date(std::string_view value) {
  return "'" + std::string(value) + "' is not a CCYYMMDD or YYMMDD date";
}

}  // namespace

bool Fields::quantity(std::size_t e, std::size_t c, Decimal& out) const {
  const std::string_view v = c > 0 ? at(e, c) : at(e);
  if (v.empty()) return false;
  const bool edifact = scope_.context().format == SourceFormat::kEdifact;
  const std::optional<Decimal> d = parse_edi_decimal(v, edifact);
  if (!d) {
    issue(IssueCode::kBadQuantity, IssueSeverity::kWarning, e, c, not_a_number("quantity", v));
    return false;
  }
  out = *d;
  return true;
}

bool Fields::amount(std::size_t e, std::size_t c, Decimal& out) const {
  const std::string_view v = c > 0 ? at(e, c) : at(e);
  if (v.empty()) return false;
  const bool edifact = scope_.context().format == SourceFormat::kEdifact;
  const std::optional<Decimal> d = parse_edi_decimal(v, edifact);
  if (!d) {
    issue(IssueCode::kBadAmount, IssueSeverity::kWarning, e, c, not_a_number("amount", v));
    return false;
  }
  out = *d;
  return true;
}

bool Fields::implied_amount(std::size_t e, int places, Decimal& out) const {
  const std::string_view v = at(e);
  if (v.empty()) return false;
  const std::optional<Decimal> d = parse_implied_decimal(v, places);
  if (!d) {
    issue(IssueCode::kBadAmount, IssueSeverity::kWarning, e, 0,
          "amount '" + std::string(v) + "' is not a number with " + std::to_string(places) +
              " implied decimals");
    return false;
  }
  out = *d;
  return true;
}

bool Fields::day(std::size_t e, std::string& out) const {
  const std::string_view v = at(e);
  if (v.empty()) return false;
  const std::optional<CivilTime> t = parse_edi_date(v);
  if (!t) {
    issue(IssueCode::kBadDate, IssueSeverity::kWarning, e, 0, not_a_date(v));
    return false;
  }
  out = iso_day(*t);
  return true;
}

bool Fields::instant(std::size_t date_e, std::size_t time_e, std::size_t code_e, Instant& out,
                     bool* had_time) const {
  const std::string_view date = at(date_e);
  if (date.empty()) return false;
  std::optional<CivilTime> t = parse_edi_date(date);
  if (!t) {
    issue(IssueCode::kBadDate, IssueSeverity::kWarning, date_e, 0, not_a_date(date));
    return false;
  }
  const std::string_view time = time_e > 0 ? at(time_e) : std::string_view{};
  if (!time.empty() && !parse_edi_time(time, *t)) {
    issue(IssueCode::kBadDate, IssueSeverity::kWarning, time_e, 0,
          "'" + std::string(time) + "' is not an HHMM or HHMMSS time");
    return false;
  }
  const std::string_view code = code_e > 0 ? at(code_e) : std::string_view{};
  edi::Result<TimeZone> zone = x12_time_code_zone(code, scope_.zone());
  if (!zone.ok()) {
    issue(IssueCode::kUnknownTimeZone, IssueSeverity::kWarning, code_e, 0, zone.error());
    return false;
  }
  out = instant_of(*t, !time.empty(), zone.value());
  if (had_time) *had_time = !time.empty();
  return true;
}

bool Fields::edifact_dtm(std::string_view& qualifier, EdifactDateTime& out) const {
  qualifier = at(1, 1);
  const std::string_view value = at(1, 2);
  if (value.empty()) return false;
  edi::Result<EdifactDateTime> dt = parse_edifact_datetime(value, at(1, 3));
  if (!dt.ok()) {
    issue(IssueCode::kBadDate, IssueSeverity::kWarning, 1, 2, dt.error());
    return false;
  }
  out = dt.value();
  return true;
}

}  // namespace ordex::orders::detail
