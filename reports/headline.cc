#include "reports/headline.h"

#include <functional>

namespace ordex::reports {

namespace {

using Pick = std::function<std::optional<double>(const DayFigures&)>;

struct Spec {
  const char* key;
  const char* label;
  const char* group;
  Unit unit;
  bool higher_is_better;
  Pick pick;
};

Pick count(std::int64_t ExceptionDay::*field) {
  return [field](const DayFigures& d) {
    return std::optional<double>(static_cast<double>(d.exceptions.*field));
  };
}
Pick rate(Ratio ExceptionDay::*field) {
  return [field](const DayFigures& d) { return (d.exceptions.*field).percent(); };
}
Pick rate(Ratio LogisticsDay::*field) {
  return [field](const DayFigures& d) { return (d.logistics.*field).percent(); };
}
Pick hours(std::optional<double> ExceptionDay::*field) {
  return [field](const DayFigures& d) { return d.exceptions.*field; };
}

const std::vector<Spec>& specs() {
  static const std::vector<Spec> all = {
      {"opened", "Opened", "exceptions", Unit::kCount, false, count(&ExceptionDay::opened)},
      {"resolved", "Resolved", "exceptions", Unit::kCount, true, count(&ExceptionDay::resolved)},
      {"backlog", "Backlog", "exceptions", Unit::kCount, false, count(&ExceptionDay::backlog)},
      {"breached", "Breached (open)", "exceptions", Unit::kCount, false,
       count(&ExceptionDay::breached)},
      {"at_risk", "At risk", "exceptions", Unit::kCount, false, count(&ExceptionDay::at_risk)},
      {"response_sla_pct", "Response SLA met", "exceptions", Unit::kPercent, true,
       rate(&ExceptionDay::response_sla)},
      {"resolve_sla_pct", "Resolution SLA met", "exceptions", Unit::kPercent, true,
       rate(&ExceptionDay::resolve_sla)},
      {"ttr_p50_hours", "Time to resolve p50", "exceptions", Unit::kHours, false,
       hours(&ExceptionDay::ttr_p50_hours)},
      {"ttr_p90_hours", "Time to resolve p90", "exceptions", Unit::kHours, false,
       hours(&ExceptionDay::ttr_p90_hours)},
      {"on_time_pct", "On-time delivery", "logistics", Unit::kPercent, true,
       rate(&LogisticsDay::on_time)},
      {"otif_pct", "OTIF", "logistics", Unit::kPercent, true, rate(&LogisticsDay::otif)},
      {"fill_rate_units_pct", "Fill rate (units)", "logistics", Unit::kPercent, true,
       rate(&LogisticsDay::fill_units)},
      {"fill_rate_lines_pct", "Fill rate (lines)", "logistics", Unit::kPercent, true,
       rate(&LogisticsDay::fill_lines)},
      {"fill_rate_orders_pct", "Fill rate (orders)", "logistics", Unit::kPercent, true,
       rate(&LogisticsDay::fill_orders)},
      {"asn_timely_pct", "Ship notices on time", "logistics", Unit::kPercent, true,
       rate(&LogisticsDay::asn_timely)},
      {"asn_accurate_pct", "Ship notices accurate", "logistics", Unit::kPercent, true,
       rate(&LogisticsDay::asn_accurate)},
      {"fa_compliance_pct", "997 within 24 h", "logistics", Unit::kPercent, true,
       rate(&LogisticsDay::fa_compliance)},
      {"edi_rejection_pct", "EDI rejection rate", "logistics", Unit::kPercent, false,
       rate(&LogisticsDay::edi_rejection)},
  };
  return all;
}

// The mean of the figures the 7 prior windows have; nullopt when none has one.
std::optional<double> average_7d(const DailyReport& report, const Pick& pick) {
  double sum = 0;
  int n = 0;
  for (std::size_t k = 1; k < report.days.size(); ++k) {
    if (std::optional<double> v = pick(report.days[k])) {
      sum += *v;
      ++n;
    }
  }
  if (n == 0) return std::nullopt;
  return sum / n;
}

}  // namespace

std::vector<HeadlineFigure> headline(const DailyReport& report) {
  std::vector<HeadlineFigure> figures;
  for (const Spec& s : specs()) {
    HeadlineFigure f{s.key, s.label, s.group, s.unit, s.higher_is_better, {}, {}, {}};
    if (!report.days.empty()) f.today = s.pick(report.days[0]);
    if (report.days.size() > 1) f.prior_day = s.pick(report.days[1]);
    f.avg_7d = average_7d(report, s.pick);
    figures.push_back(std::move(f));
  }
  return figures;
}

}  // namespace ordex::reports
