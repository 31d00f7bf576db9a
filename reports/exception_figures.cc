#include "reports/exception_figures.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "exceptions/catalog.h"
#include "exceptions/sla_tracking.h"

namespace ordex::reports {

namespace {

bool in_window(std::optional<Instant> t, Instant end) {
  return t && *t > end - kDaySeconds && *t <= end;
}

void add_outcome(Ratio& ratio, const std::string& outcome) {
  if (outcome == "met" || outcome == "breached") ratio.add(outcome == "met");
}

std::size_t aging_bucket(Instant age) {
  constexpr Instant kHour = 3600;
  constexpr Instant kLimits[] = {24 * kHour, 48 * kHour, 72 * kHour, 120 * kHour, 240 * kHour};
  std::size_t i = 0;
  while (i < std::size(kLimits) && age >= kLimits[i]) ++i;
  return i;
}

// The due instant an exception is measured against at `t`: the response due while nobody has
// responded, else the resolution due.
std::optional<Instant> due_at(const ExceptionFact& f, Instant t) {
  const bool response_running = !f.responded_at || *f.responded_at > t;
  if (response_running && f.response_due) return f.response_due;
  return f.resolve_due;
}

ListedException listed(const ExceptionFact& f, Instant t) {
  return ListedException{f.id,    f.type,     f.severity, f.partner,    f.po,
                         f.queue, f.assignee, f.summary,  due_at(f, t), f.opened_at};
}

void sort_list(std::vector<ListedException>& list) {
  std::sort(list.begin(), list.end(), [](const ListedException& a, const ListedException& b) {
    const Instant da = a.due.value_or(exceptions::kNever);
    const Instant db = b.due.value_or(exceptions::kNever);
    return da != db ? da < db : a.id < b.id;
  });
}

using Tally = std::map<std::string, Breakdown>;

void count(Tally& tally, const std::string& name, const ExceptionFact& f, Instant end,
           bool breached) {
  Breakdown& b = tally[name];
  b.name = name;
  if (in_window(f.opened_at, end)) ++b.opened;
  if (f.status == "resolved" && in_window(f.resolved_at, end)) ++b.resolved;
  if (f.active_at(end)) ++b.backlog;
  if (breached) ++b.breached;
}

// Most backlog first, then most opened, then by name: a stable order for every writer.
std::vector<Breakdown> by_backlog(const Tally& tally) {
  std::vector<Breakdown> rows;
  for (const auto& [name, b] : tally) rows.push_back(b);
  std::stable_sort(rows.begin(), rows.end(), [](const Breakdown& a, const Breakdown& b) {
    if (a.backlog != b.backlog) return a.backlog > b.backlog;
    return a.opened > b.opened;
  });
  return rows;
}

// Critical first, as a manager reads them; unknown names after, by name.
std::vector<Breakdown> by_severity_rank(const Tally& tally) {
  std::vector<Breakdown> rows;
  for (const auto& [name, b] : tally) rows.push_back(b);
  auto rank = [](const std::string& name) {
    auto s = exceptions::severity_from(name);
    return s ? static_cast<int>(*s) : 99;
  };
  std::stable_sort(rows.begin(), rows.end(), [&](const Breakdown& a, const Breakdown& b) {
    return rank(a.name) < rank(b.name);
  });
  return rows;
}

}  // namespace

std::optional<double> percentile(std::vector<double>& values, double p) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  const double rank = std::ceil(p / 100.0 * static_cast<double>(values.size()));
  const std::size_t index = static_cast<std::size_t>(std::max(1.0, rank)) - 1;
  return values[std::min(index, values.size() - 1)];
}

ExceptionDay exception_day(const std::vector<ExceptionFact>& facts, Instant end,
                           const exceptions::BusinessCalendar& calendar) {
  ExceptionDay day;
  std::vector<double> ttr_hours;
  for (const ExceptionFact& f : facts) {
    if (in_window(f.opened_at, end)) ++day.opened;
    const bool resolved_here = f.status == "resolved" && in_window(f.resolved_at, end);
    if (resolved_here) {
      ++day.resolved;
      add_outcome(day.resolve_sla, f.resolve_outcome);
      const std::int64_t seconds = calendar.business_seconds(f.opened_at, *f.resolved_at);
      ttr_hours.push_back(static_cast<double>(seconds) / 3600.0);
    }
    if (in_window(f.response_ended_at(), end)) add_outcome(day.response_sla, f.response_outcome);
    if (!f.active_at(end)) continue;
    ++day.backlog;
    const exceptions::ExceptionRecord r = f.record_at(end);
    if (exceptions::is_breached(r, end)) {
      ++day.breached;
    } else if (exceptions::is_at_risk(r, end)) {
      ++day.at_risk;
    }
  }
  day.ttr_p50_hours = percentile(ttr_hours, 50);
  day.ttr_p90_hours = percentile(ttr_hours, 90);
  return day;
}

void fill_window_details(const std::vector<ExceptionFact>& facts, Instant end,
                         DailyReport& report) {
  Tally types, queues, partners, severities;
  for (const ExceptionFact& f : facts) {
    const bool active = f.active_at(end);
    const bool touched = active || in_window(f.opened_at, end) || in_window(f.ended_at(), end);
    if (!touched) continue;
    bool breached = false;
    if (active) {
      ++report.aging[aging_bucket(end - f.opened_at)];
      const exceptions::ExceptionRecord r = f.record_at(end);
      breached = exceptions::is_breached(r, end);
      if (breached) {
        report.breached.push_back(listed(f, end));
      } else if (exceptions::is_at_risk(r, end)) {
        report.at_risk.push_back(listed(f, end));
      }
    }
    count(types, f.type, f, end, breached);
    count(queues, f.queue, f, end, breached);
    count(partners, f.partner, f, end, breached);
    count(severities, f.severity, f, end, breached);
  }
  report.by_type = by_backlog(types);
  report.by_queue = by_backlog(queues);
  report.by_partner = by_backlog(partners);
  report.by_severity = by_severity_rank(severities);
  sort_list(report.breached);
  sort_list(report.at_risk);
}

}  // namespace ordex::reports
