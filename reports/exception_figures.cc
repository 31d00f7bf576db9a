#include "reports/exception_figures.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "exceptions/catalog.h"
#include "exceptions/sla_tracking.h"

namespace ordex::reports {

namespace {

void add_outcome(Ratio& ratio, Outcome outcome) {
  if (outcome != Outcome::kNone) ratio.add(outcome == Outcome::kMet);
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

void count(Tally& tally, const std::string& name, const ExceptionFact& f, const Window& w,
           bool breached) {
  Breakdown& b = tally[name];
  b.name = name;
  if (w.contains(f.opened_at)) ++b.opened;
  if (f.resolved() && w.contains(f.resolved_at)) ++b.resolved;
  if (f.active_at(w.last())) ++b.backlog;
  if (breached) ++b.breached;
}

// Backlog, breached and at risk at the end of each window the fact is active at.
void add_backlog(const ExceptionFact& f, const std::vector<Window>& windows,
                 std::vector<ExceptionDay>& days) {
  for (std::size_t k = 0; k < windows.size(); ++k) {
    const Instant t = windows[k].last();
    if (!f.active_at(t)) continue;
    ExceptionDay& day = days[k];
    ++day.backlog;
    const exceptions::ExceptionRecord r = f.record_at(t);
    if (exceptions::is_breached(r, t)) {
      ++day.breached;
    } else if (exceptions::is_at_risk(r, t)) {
      ++day.at_risk;
    }
  }
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

std::vector<ExceptionDay> exception_days(const std::vector<ExceptionFact>& facts,
                                         const std::vector<Window>& windows,
                                         const exceptions::BusinessCalendar& calendar) {
  std::vector<ExceptionDay> days(windows.size());
  std::vector<std::vector<double>> ttr_hours(windows.size());
  for (const ExceptionFact& f : facts) {
    if (const int k = window_index(windows, f.opened_at); k >= 0) ++days[k].opened;
    if (f.resolved() && f.resolved_at) {
      if (const int k = window_index(windows, *f.resolved_at); k >= 0) {
        ++days[k].resolved;
        add_outcome(days[k].resolve_sla, f.resolve_outcome);
        const std::int64_t seconds = calendar.business_seconds(f.opened_at, *f.resolved_at);
        ttr_hours[k].push_back(static_cast<double>(seconds) / 3600.0);
      }
    }
    if (const std::optional<Instant> ended = f.response_ended_at()) {
      const int k = window_index(windows, *ended);
      if (k >= 0) add_outcome(days[k].response_sla, f.response_outcome);
    }
    add_backlog(f, windows, days);
  }
  for (std::size_t k = 0; k < days.size(); ++k) {
    days[k].ttr_p50_hours = percentile(ttr_hours[k], 50);
    days[k].ttr_p90_hours = percentile(ttr_hours[k], 90);
  }
  return days;
}

void fill_window_details(const std::vector<ExceptionFact>& facts, const Window& window,
                         DailyReport& report) {
  const Instant end = window.last();
  Tally types, queues, partners, severities;
  for (const ExceptionFact& f : facts) {
    const bool active = f.active_at(end);
    const bool touched = active || window.contains(f.opened_at) || window.contains(f.ended_at());
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
    count(types, f.type, f, window, breached);
    count(queues, f.queue, f, window, breached);
    count(partners, f.partner, f, window, breached);
    count(severities, f.severity, f, window, breached);
  }
  report.by_type = by_backlog(types);
  report.by_queue = by_backlog(queues);
  report.by_partner = by_backlog(partners);
  report.by_severity = by_severity_rank(severities);
  sort_list(report.breached);
  sort_list(report.at_risk);
}

}  // namespace ordex::reports
