#pragma once
// An exception as stored: the condition it stands for, where it sits in the work queue, its
// SLA clocks and how it ended. One row per condition ever raised (see
// migrations/0001_exceptions.sql), reopened rather than duplicated when the condition returns.

#include <cstdint>
#include <optional>
#include <string>

#include "exceptions/catalog.h"
#include "orders/model.h"

namespace ordex::exceptions {

using orders::Instant;

enum class ExceptionStatus : std::uint8_t {
  kOpen,      // to be worked
  kWaiting,   // paused on the customer or carrier until wait_until (SLA clocks stopped)
  kResolved,  // by a person or automatically when the condition cleared
  kMerged,    // folded into another exception (merged_into)
};
std::string_view to_string(ExceptionStatus status);  // "open", "waiting", "resolved", "merged"
std::optional<ExceptionStatus> exception_status_from(std::string_view name);
// Open or waiting: still somebody's work.
inline bool is_active(ExceptionStatus s) {
  return s == ExceptionStatus::kOpen || s == ExceptionStatus::kWaiting;
}

// Who acts when nobody does: automatic opens, updates and resolutions are by this actor.
inline constexpr const char* kSystemActor = "system";

struct ExceptionRecord {
  std::int64_t id = 0;
  std::string dedupe_key;
  ExceptionType type = ExceptionType::kEdiRejected;
  ExceptionStatus status = ExceptionStatus::kOpen;
  Severity severity = Severity::kMedium;
  std::string partner_id, po_number, subject, shipment_id;
  std::int64_t file_id = 0;
  std::string queue, assignee;
  std::string claimed_by;
  Instant claim_expires = 0;
  std::string summary;
  std::string evidence;  // JSON object
  Instant first_opened_at = 0, opened_at = 0, detected_at = 0, updated_at = 0;
  std::int64_t reopen_count = 0;
  std::optional<Instant> responded_at, resolved_at;
  std::string resolution, resolved_by, resolved_evidence;
  std::optional<Instant> wait_until;
  std::string waiting_on;
  std::optional<std::int64_t> merged_into;
  std::string sla_policy;
  std::optional<Instant> response_due, resolve_due, at_risk_at;
  std::string escalation;
  std::string response_outcome, resolve_outcome;  // "", "met", "breached"
};

// A span of waiting: SLA clocks do not run during it.
struct WaitPeriod {
  std::int64_t exception_id = 0;
  Instant started_at = 0;
  std::optional<Instant> ended_at;
  std::string waiting_on;  // "customer", "carrier", ...
};

// One line of the audit trail.
struct AuditEntry {
  std::int64_t id = 0;
  std::int64_t exception_id = 0;
  Instant at = 0;
  std::string actor;   // a user, or kSystemActor
  std::string action;  // opened, updated, resolved, reopened, claimed, assigned, noted, ...
  std::string before;  // JSON object of the fields that changed, as they were
  std::string after;   // the same fields afterwards
  std::string note;
};

// The fields that differ between two versions, as the (before, after) JSON objects an audit
// entry keeps. Empty objects ("{}") when nothing differs.
std::pair<std::string, std::string> changed_fields(const ExceptionRecord& before,
                                                   const ExceptionRecord& after);

}  // namespace ordex::exceptions
