#pragma once
// Which exceptions a queue listing or a bulk operation covers, and the SQL that selects them.
//
// The SQL is put together only from fixed fragments in exception_filter.cc; every value the
// user gave is a `?` parameter, never text in the statement.

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "exceptions/catalog.h"
#include "exceptions/exception_record.h"

namespace ordex::exceptions {

// Statuses a filter takes: kActive (open + waiting, the default) or kAll, or one status.
enum class StatusFilter : std::uint8_t { kActive, kAll, kOpen, kWaiting, kResolved, kMerged };
// "active", "all", "open", "waiting", "resolved", "merged".
std::optional<StatusFilter> status_filter_from(std::string_view name);

inline constexpr const char* kUnassigned = "unassigned";

// How a listing is ordered. kDue (the default, the queue's own order): resolve due, none last,
// then severity, critical first, then id. kSeverity: severity first, then as kDue. kOpened: by
// the current episode's opened_at, then id. kId: by id. `descending` reverses the whole order.
enum class SortKey : std::uint8_t { kDue, kOpened, kSeverity, kId };
// "due", "opened", "severity", "id".
std::optional<SortKey> sort_key_from(std::string_view name);

struct ExceptionFilter {
  std::string queue;  // "" = any
  StatusFilter status = StatusFilter::kActive;
  // "" = any; kUnassigned = nobody; else that user.
  std::string assignee;
  // "" = anyone's; else what is that user's to work: assigned to them, or claimed by them with
  // the claim unexpired at `now` (an exception taken with `next` is theirs before anyone
  // assigns it). The work queue's "Mine" view.
  std::string mine;
  std::optional<ExceptionType> type;
  std::string partner;  // "" = any
  std::optional<Severity> severity;
  // At the queue's "now", from the stored SLA fields (sla_tracking.h is_breached / is_at_risk).
  bool breached = false;
  bool at_risk = false;
  SortKey sort = SortKey::kDue;
  bool descending = false;
  std::int64_t limit = 0;  // 0 = no limit
  std::int64_t offset = 0;
};

// One statement's text and its parameters, in order.
struct FilterSql {
  using Param = std::variant<std::int64_t, std::string>;
  std::string sql;
  std::string param_types;  // "t" / "i" per parameter, as orders::SqlQuery wants
  std::vector<Param> params;
};

// SELECT rows::kSelectColumns FROM exceptions WHERE <filter> ORDER BY <the filter's sort>, with
// LIMIT/OFFSET when the filter pages. The due and severity orders are written as the
// expressions the active-exception indexes hold (migrations/0003_queue_indexes.sql), so a
// page of a large queue is read from an index in order instead of sorting every match.
FilterSql list_sql(const ExceptionFilter& filter, Instant now);

// SELECT COUNT(*) FROM exceptions WHERE <filter> (sort and paging ignored).
FilterSql count_sql(const ExceptionFilter& filter, Instant now);

// The most urgent exception `next` may claim for `user`: open (a waiting one is paused on
// someone else), matching the filter's queue, type, partner and severity, assigned to `user`
// or to nobody, and unclaimed or its claim expired at `now`. `lock` adds FOR UPDATE SKIP LOCKED
// (PostgreSQL) so concurrent sessions each take a different row.
FilterSql next_sql(const ExceptionFilter& filter, const std::string& user, Instant now, bool lock);

}  // namespace ordex::exceptions
