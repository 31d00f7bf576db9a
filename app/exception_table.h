#pragma once
// How `ordex exceptions` prints: the list in three formats (DESIGN.md contract for JSON: one
// object per line with id, type, severity, status, partner, po, queue, assignee, opened_at,
// response_due, resolve_due, breached, summary; plus subject, claimed_by and at_risk), and the
// detail of one exception with its evidence, waits and audit trail.
//
// Instants are ISO 8601 UTC in JSON and CSV (null / empty when unset). The table is for people:
// due instants relative to now ("in 3h20m", "2d4h late") and breached / at-risk marked, within
// about 120 columns.

#include <iosfwd>
#include <string>
#include <vector>

#include "app/order_list.h"
#include "exceptions/exception_record.h"

namespace ordex::app {

// One exception as the JSON object of the list's --format json line (no newline): what the
// CLI prints per line and the HTTP API returns per item, written in one place.
std::string exception_json(const exceptions::ExceptionRecord& record, exceptions::Instant now);
// The same, appended to `out` (a page of them written into one string).
void append_exception_json(std::string& out, const exceptions::ExceptionRecord& record,
                           exceptions::Instant now);

void print_exception_list(std::ostream& out, const std::vector<exceptions::ExceptionRecord>& list,
                          ListFormat format, exceptions::Instant now);

struct ExceptionDetail {
  exceptions::ExceptionRecord record;
  std::vector<exceptions::WaitPeriod> waits;
  std::vector<exceptions::AuditEntry> audit;
};
void print_exception_detail(std::ostream& out, const ExceptionDetail& detail,
                            exceptions::Instant now);

// "in 3h20m" / "2d4h late" / "now": how far `due` is from `now`, to the minute.
std::string relative_due(exceptions::Instant due, exceptions::Instant now);

}  // namespace ordex::app
