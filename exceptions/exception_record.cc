#include "exceptions/exception_record.h"

#include <array>
#include <utility>

#include "orders/json_text.h"

namespace ordex::exceptions {

namespace {

constexpr std::array<std::pair<ExceptionStatus, std::string_view>, 4> kStatusNames{{
    {ExceptionStatus::kOpen, "open"},
    {ExceptionStatus::kWaiting, "waiting"},
    {ExceptionStatus::kResolved, "resolved"},
    {ExceptionStatus::kMerged, "merged"},
}};

std::string optional_text(const std::optional<std::int64_t>& v) {
  return v ? std::to_string(*v) : std::string();
}

// The fields a person or a rule changes, as (name, value as text). The audit trail shows
// these; identity (id, key, type, partner, PO, subject) never changes.
std::vector<std::pair<std::string_view, std::string>> tracked(const ExceptionRecord& e) {
  return {
      {"status", std::string(to_string(e.status))},
      {"severity", std::string(to_string(e.severity))},
      {"queue", e.queue},
      {"assignee", e.assignee},
      {"claimed_by", e.claimed_by},
      {"claim_expires", e.claim_expires ? std::to_string(e.claim_expires) : ""},
      {"summary", e.summary},
      {"evidence", e.evidence},
      {"reopen_count", std::to_string(e.reopen_count)},
      {"resolution", e.resolution},
      {"resolved_by", e.resolved_by},
      {"wait_until", optional_text(e.wait_until)},
      {"waiting_on", e.waiting_on},
      {"merged_into", optional_text(e.merged_into)},
      {"sla_policy", e.sla_policy},
      {"response_due", optional_text(e.response_due)},
      {"resolve_due", optional_text(e.resolve_due)},
      {"escalation", e.escalation},
      {"response_outcome", e.response_outcome},
      {"resolve_outcome", e.resolve_outcome},
  };
}

}  // namespace

std::string_view to_string(ExceptionStatus status) {
  for (const auto& [s, name] : kStatusNames) {
    if (s == status) return name;
  }
  return "open";
}

std::optional<ExceptionStatus> exception_status_from(std::string_view name) {
  for (const auto& [s, n] : kStatusNames) {
    if (n == name) return s;
  }
  return std::nullopt;
}

std::pair<std::string, std::string> changed_fields(const ExceptionRecord& before,
                                                   const ExceptionRecord& after) {
  const auto a = tracked(before);
  const auto b = tracked(after);
  std::string was = "{", now = "{";
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].second == b[i].second) continue;
    if (was.size() > 1) {
      was += ',';
      now += ',';
    }
    orders::append_json_string(was, a[i].first);
    was += ':';
    orders::append_json_string(was, a[i].second);
    orders::append_json_string(now, b[i].first);
    now += ':';
    orders::append_json_string(now, b[i].second);
  }
  return {was + "}", now + "}"};
}

}  // namespace ordex::exceptions
