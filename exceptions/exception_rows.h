#pragma once
// The exceptions table's columns, written once: the SELECT list every read uses and the
// parameters every write binds, in the same order. Internal to exception_store.cc and the
// queue and report queries that read whole exceptions.

#include <cstddef>

#include "exceptions/exception_record.h"
#include "orders/sql_query.h"

namespace ordex::exceptions::rows {

// "id, dedupe_key, ..." (36 columns) and their result type letters.
inline constexpr const char* kSelectColumns =
    "id, dedupe_key, type, status, severity, partner_id, po_number, subject, shipment_id, "
    "file_id, queue, assignee, claimed_by, claim_expires, summary, evidence, first_opened_at, "
    "opened_at, detected_at, updated_at, reopen_count, responded_at, resolved_at, resolution, "
    "resolved_by, resolved_evidence, wait_until, waiting_on, merged_into, sla_policy, "
    "response_due, resolve_due, at_risk_at, escalation, response_outcome, resolve_outcome";
inline constexpr const char* kSelectTypes = "ittttttttntttittiiiiinntttntntnnnttt";

// The record at `row` of a query whose first result columns are kSelectColumns.
ExceptionRecord read(const orders::Query& query, std::size_t row);

// Binds every column but id, in kSelectColumns order, from parameter `first` on (35 of them;
// optional values as 0 for NULL, which the statements turn back with NULLIF).
void bind(orders::Query& query, std::size_t first, const ExceptionRecord& record);

}  // namespace ordex::exceptions::rows
