// The CSV form: one table per file, a header row, RFC 4180 quoting where a field needs it, the
// same numbers as the JSON ("" where the JSON has null).
#include <string>

#include "reports/headline.h"
#include "reports/number_format.h"
#include "reports/report_writer.h"

namespace ordex::reports {

namespace {

class Csv {
 public:
  explicit Csv(std::initializer_list<std::string_view> header) {
    for (std::string_view h : header) cell(h);
    end_row();
  }
  Csv& cell(std::string_view v) {
    if (!row_empty_) text_ += ',';
    row_empty_ = false;
    if (v.find_first_of(",\"\n\r") == std::string_view::npos) {
      text_ += v;
      return *this;
    }
    text_ += '"';
    for (char c : v) {
      if (c == '"') text_ += '"';
      text_ += c;
    }
    text_ += '"';
    return *this;
  }
  Csv& cell(std::int64_t v) { return cell(std::to_string(v)); }
  void end_row() {
    text_ += '\n';
    row_empty_ = true;
  }
  std::string take() { return std::move(text_); }

 private:
  std::string text_;
  bool row_empty_ = true;
};

std::string headline_csv(const DailyReport& report) {
  Csv c{"key", "group", "today", "prior_day", "avg_7d"};
  for (const HeadlineFigure& f : headline(report)) {
    c.cell(f.key).cell(f.group).cell(figure_text(f.today, f.unit, false, ""));
    c.cell(figure_text(f.prior_day, f.unit, false, ""));
    c.cell(figure_text(f.avg_7d, f.unit, true, "")).end_row();
  }
  return c.take();
}

std::string aging_csv(const DailyReport& report) {
  Csv c{"bucket", "count"};
  for (std::size_t i = 0; i < kAgingBuckets.size(); ++i) {
    c.cell(kAgingBuckets[i]).cell(report.aging[i]).end_row();
  }
  return c.take();
}

std::string breakdown_csv(const std::vector<Breakdown>& rows) {
  Csv c{"name", "opened", "resolved", "backlog", "breached"};
  for (const Breakdown& b : rows) {
    c.cell(b.name).cell(b.opened).cell(b.resolved).cell(b.backlog).cell(b.breached).end_row();
  }
  return c.take();
}

void ratio_row(Csv& c, std::string_view name, const Ratio& r) {
  c.cell(name).cell(amount_text(r, r.hits)).cell(amount_text(r, r.total));
  c.cell(figure_text(r.percent(), Unit::kPercent, false, "")).end_row();
}

std::string kpis_csv(const DailyReport& report) {
  const ExceptionDay& e = report.days.front().exceptions;
  const LogisticsDay& d = report.days.front().logistics;
  Csv c{"kpi", "hits", "total", "pct"};
  ratio_row(c, "response_sla", e.response_sla);
  ratio_row(c, "resolve_sla", e.resolve_sla);
  ratio_row(c, "on_time_delivery", d.on_time);
  ratio_row(c, "otif", d.otif);
  ratio_row(c, "fill_rate_units", d.fill_units);
  ratio_row(c, "fill_rate_lines", d.fill_lines);
  ratio_row(c, "fill_rate_orders", d.fill_orders);
  ratio_row(c, "ship_notice_timeliness", d.asn_timely);
  ratio_row(c, "ship_notice_accuracy", d.asn_accurate);
  ratio_row(c, "fa_compliance", d.fa_compliance);
  ratio_row(c, "edi_rejection", d.edi_rejection);
  return c.take();
}

std::string edi_csv(const DailyReport& report) {
  Csv c{"partner", "documents", "rejected", "rejection_pct", "error_1",
        "count_1", "error_2",   "count_2",  "error_3",       "count_3"};
  for (const PartnerEdi& p : report.edi_partners) {
    c.cell(p.partner).cell(p.documents).cell(p.rejected);
    c.cell(figure_text(Ratio{p.rejected, p.documents}.percent(), Unit::kPercent, false, ""));
    for (std::size_t i = 0; i < 3; ++i) {
      if (i < p.top_errors.size()) {
        c.cell(p.top_errors[i].code).cell(p.top_errors[i].count);
      } else {
        c.cell("").cell("");
      }
    }
    c.end_row();
  }
  return c.take();
}

std::string list_csv(const std::vector<ListedException>& list) {
  Csv c{"id",    "type",     "severity", "partner",   "po",
        "queue", "assignee", "due",      "opened_at", "summary"};
  for (const ListedException& e : list) {
    c.cell(e.id).cell(e.type).cell(e.severity).cell(e.partner).cell(e.po).cell(e.queue);
    c.cell(e.assignee).cell(e.due ? utc_text(*e.due) : "").cell(utc_text(e.opened_at));
    c.cell(e.summary).end_row();
  }
  return c.take();
}

}  // namespace

std::vector<CsvTable> render_csv(const DailyReport& report) {
  return {
      {"headline", headline_csv(report)},
      {"aging", aging_csv(report)},
      {"by_type", breakdown_csv(report.by_type)},
      {"by_queue", breakdown_csv(report.by_queue)},
      {"by_partner", breakdown_csv(report.by_partner)},
      {"by_severity", breakdown_csv(report.by_severity)},
      {"kpis", kpis_csv(report)},
      {"edi_by_partner", edi_csv(report)},
      {"breached", list_csv(report.breached)},
      {"at_risk", list_csv(report.at_risk)},
  };
}

}  // namespace ordex::reports
