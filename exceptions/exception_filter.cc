#include "exceptions/exception_filter.h"

#include <array>
#include <limits>
#include <utility>
#include <vector>

#include "exceptions/exception_rows.h"

namespace ordex::exceptions {

namespace {

constexpr std::array<std::pair<StatusFilter, std::string_view>, 6> kStatusFilters = {{
    {StatusFilter::kActive, "active"},
    {StatusFilter::kAll, "all"},
    {StatusFilter::kOpen, "open"},
    {StatusFilter::kWaiting, "waiting"},
    {StatusFilter::kResolved, "resolved"},
    {StatusFilter::kMerged, "merged"},
}};

constexpr const char* kActiveSql = "status IN ('open', 'waiting')";
// sla_tracking.cc is_breached(), in SQL: an outcome says breached (an ended clock, or one that
// ran out before a wait began), or the exception is open and a running clock is past its due
// (the response clock runs until responded_at). A waiting exception's dues move with the wait
// and are not compared. Two `?`: now, now.
constexpr const char* kBreachedSql =
    "(response_outcome = 'breached' OR resolve_outcome = 'breached' OR "
    "(status = 'open' AND ((responded_at IS NULL AND response_due < ?) OR resolve_due < ?)))";
// is_at_risk(): active, not breached, at_risk_at reached. Three `?`: now, now, now.
constexpr const char* kAtRiskSql =
    "(status IN ('open', 'waiting') AND response_outcome <> 'breached' AND "
    "resolve_outcome <> 'breached' AND "
    "NOT (status = 'open' AND responded_at IS NULL AND response_due IS NOT NULL AND "
    "response_due < ?) AND "
    "NOT (status = 'open' AND resolve_due IS NOT NULL AND resolve_due < ?) AND "
    "at_risk_at IS NOT NULL AND at_risk_at <= ?)";
// The sort keys' terms, each written exactly as in the indexes of migration 0003 (both engines
// match an ORDER BY expression to an index expression by its parsed form).
constexpr const char* kDueNullsLast = "CASE WHEN resolve_due IS NULL THEN 1 ELSE 0 END";
constexpr const char* kSeverityRank =
    "CASE severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END";

constexpr std::array<std::pair<SortKey, std::string_view>, 4> kSortKeys = {{
    {SortKey::kDue, "due"},
    {SortKey::kOpened, "opened"},
    {SortKey::kSeverity, "severity"},
    {SortKey::kId, "id"},
}};

class Builder {
 public:
  void where(const char* fragment) {
    out_.sql += conditions_++ == 0 ? " WHERE " : " AND ";
    out_.sql += fragment;
  }
  void text(std::string value) {
    out_.param_types += 't';
    out_.params.emplace_back(std::move(value));
  }
  void integer(std::int64_t value) {
    out_.param_types += 'i';
    out_.params.emplace_back(value);
  }
  void append(const char* sql) { out_.sql += sql; }
  FilterSql take() { return std::move(out_); }

 private:
  FilterSql out_;
  int conditions_ = 0;
};

ExceptionStatus one_status(StatusFilter status) {
  switch (status) {
    case StatusFilter::kWaiting:
      return ExceptionStatus::kWaiting;
    case StatusFilter::kResolved:
      return ExceptionStatus::kResolved;
    case StatusFilter::kMerged:
      return ExceptionStatus::kMerged;
    default:
      return ExceptionStatus::kOpen;
  }
}

void status_condition(Builder& b, StatusFilter status) {
  if (status == StatusFilter::kAll) return;
  if (status == StatusFilter::kActive) return b.where(kActiveSql);
  b.where("status = ?");
  b.text(std::string(to_string(one_status(status))));
}

// queue, type, partner, severity: shared by list and next.
void shared_conditions(Builder& b, const ExceptionFilter& f) {
  if (!f.queue.empty()) {
    b.where("queue = ?");
    b.text(f.queue);
  }
  if (f.type) {
    b.where("type = ?");
    b.text(std::string(to_string(*f.type)));
  }
  if (!f.partner.empty()) {
    b.where("partner_id = ?");
    b.text(f.partner);
  }
  if (f.severity) {
    b.where("severity = ?");
    b.text(std::string(to_string(*f.severity)));
  }
}

Builder select(const char* columns = rows::kSelectColumns) {
  Builder b;
  b.append("SELECT ");
  b.append(columns);
  b.append(" FROM exceptions");
  return b;
}

void order_by(Builder& b, SortKey key, bool descending) {
  std::vector<const char*> terms;
  switch (key) {
    case SortKey::kDue:
      terms = {kDueNullsLast, "resolve_due", kSeverityRank, "id"};
      break;
    case SortKey::kSeverity:
      terms = {kSeverityRank, kDueNullsLast, "resolve_due", "id"};
      break;
    case SortKey::kOpened:
      terms = {"opened_at", "id"};
      break;
    case SortKey::kId:
      terms = {"id"};
      break;
  }
  b.append(" ORDER BY ");
  for (std::size_t i = 0; i < terms.size(); ++i) {
    if (i > 0) b.append(", ");
    b.append(terms[i]);
    if (descending) b.append(" DESC");
  }
}

// Every condition of a listing (list_sql and count_sql).
void list_conditions(Builder& b, const ExceptionFilter& f, Instant now) {
  const bool one_active = f.status == StatusFilter::kOpen || f.status == StatusFilter::kWaiting;
  if (!f.mine.empty() && (one_active || f.status == StatusFilter::kActive)) {
    // Mine among active exceptions: the ids from two index lookups (assignee; live claim),
    // rows by id. Written as an OR, SQLite reads every active exception instead (50k active
    // of 1M: ~150 ms against under 10 ms, sqlite3 shell).
    const std::string active = kActiveSql;
    const std::string mine_ids = "id IN (SELECT id FROM exceptions WHERE " + active +
                                 " AND assignee = ? UNION ALL SELECT id FROM exceptions WHERE " +
                                 active + " AND claimed_by = ? AND claim_expires > ?)";
    b.where(mine_ids.c_str());
    b.text(f.mine);
    b.text(f.mine);
    b.integer(now);
    if (one_active) status_condition(b, f.status);
  } else {
    // One status of the two active ones is also stated as "active": the listing's indexes
    // cover active exceptions only (partial indexes), and SQLite uses a partial index only
    // when the query repeats its WHERE term.
    if (one_active) b.where(kActiveSql);
    status_condition(b, f.status);
    if (!f.mine.empty()) {
      b.where("(assignee = ? OR (claimed_by = ? AND claim_expires > ?))");
      b.text(f.mine);
      b.text(f.mine);
      b.integer(now);
    }
  }
  shared_conditions(b, f);
  if (f.assignee == kUnassigned) {
    b.where("assignee = ''");
  } else if (!f.assignee.empty()) {
    b.where("assignee = ?");
    b.text(f.assignee);
  }
  if (f.breached) {
    b.where(kBreachedSql);
    b.integer(now);
    b.integer(now);
  }
  if (f.at_risk) {
    b.where(kAtRiskSql);
    for (int i = 0; i < 3; ++i) b.integer(now);
  }
}

}  // namespace

std::optional<StatusFilter> status_filter_from(std::string_view name) {
  for (const auto& [filter, text] : kStatusFilters) {
    if (text == name) return filter;
  }
  return std::nullopt;
}

std::optional<SortKey> sort_key_from(std::string_view name) {
  for (const auto& [key, text] : kSortKeys) {
    if (text == name) return key;
  }
  return std::nullopt;
}

FilterSql count_sql(const ExceptionFilter& f, Instant now) {
  Builder b = select("COUNT(*)");
  list_conditions(b, f, now);
  return b.take();
}

FilterSql list_sql(const ExceptionFilter& f, Instant now) {
  Builder b = select();
  list_conditions(b, f, now);
  order_by(b, f.sort, f.descending);
  if (f.limit > 0 || f.offset > 0) {
    b.append(" LIMIT ? OFFSET ?");
    b.integer(f.limit > 0 ? f.limit : std::numeric_limits<std::int64_t>::max());
    b.integer(f.offset);
  }
  return b.take();
}

FilterSql next_sql(const ExceptionFilter& f, const std::string& user, Instant now, bool lock) {
  Builder b = select();
  b.where("status = 'open'");
  shared_conditions(b, f);
  b.where("(assignee = '' OR assignee = ?)");
  b.text(user);
  b.where("(claimed_by = '' OR claim_expires <= ?)");
  b.integer(now);
  order_by(b, SortKey::kDue, false);
  b.append(" LIMIT 1");
  if (lock) b.append(" FOR UPDATE SKIP LOCKED");
  return b.take();
}

}  // namespace ordex::exceptions
