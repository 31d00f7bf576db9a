#pragma once
// An exception's detail as JSON (GET /api/v1/exceptions/{id}): the list item's members
// (app/exception_table.h exception_json, the CLI's JSON line), then "evidence" (the stored
// object), "waits", "audit" (each entry's changed fields before and after) and "order" (the
// order's timeline, or null when the exception names no order or the order is unknown).

#include <optional>
#include <string>
#include <vector>

#include "exceptions/exception_record.h"

namespace ordex::app::http {

struct ExceptionDetailJson {
  const exceptions::ExceptionRecord* record = nullptr;
  const std::vector<exceptions::WaitPeriod>* waits = nullptr;
  const std::vector<exceptions::AuditEntry>* audit = nullptr;
  std::optional<std::string> order;  // the timeline JSON
};

std::string exception_detail_json(const ExceptionDetailJson& detail, exceptions::Instant now);

// `text` when it is a JSON object (what ordex stores), else `text` as a JSON string: a stored
// value that does not parse still reaches the client, as the CLI shows it raw.
std::string stored_object(const std::string& text);

}  // namespace ordex::app::http
