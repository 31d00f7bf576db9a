// The HTML form: one self-contained page an operations manager reads in two minutes. Headline
// tiles with their deltas first, then the breached and at-risk lists, then where the backlog
// sits (charts and tables), then the logistics and EDI picture. Inline CSS and SVG only: no
// script, no network, prints on A4 via @media print.
#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <cstdio>
#include <string>

#include "reports/headline.h"
#include "reports/html_charts.h"
#include "reports/number_format.h"
#include "reports/report_writer.h"

namespace ordex::reports {

namespace {

// Longer lists are in the CSV (every row) and the JSON (kListedInJson rows); the page stays
// readable.
constexpr std::size_t kListRows = 25;

constexpr const char* kStyle = R"(<style>
:root{--ink:#1d2433;--muted:#5b6578;--line:#dde1e8;--good:#1a7f4b;--bad:#b42318;--bar:#3b6fd8}
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--ink);margin:0;background:#f6f7f9}
main{max-width:1180px;margin:0 auto;padding:20px 24px 40px}
h1{font-size:22px;margin:0}
h2{font-size:16px;margin:28px 0 10px;padding-bottom:4px;border-bottom:2px solid var(--line)}
.sub{color:var(--muted);margin:2px 0 0}
.note{background:#fff4e5;border:1px solid #f5c27a;padding:8px 12px;border-radius:6px;margin-top:12px}
.tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(170px,1fr));gap:10px}
.tile{background:#fff;border:1px solid var(--line);border-radius:8px;padding:10px 12px}
.tile .label{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.03em}
.tile .value{font-size:26px;font-weight:650;margin:2px 0}
.tile .unit{font-size:14px;color:var(--muted);font-weight:400}
.tile .delta{font-size:12px;color:var(--muted)}
.good{color:var(--good)!important}.bad{color:var(--bad)!important}
table{border-collapse:collapse;width:100%;background:#fff;border:1px solid var(--line)}
th,td{text-align:left;padding:5px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{background:#eef1f5;font-size:12px;text-transform:uppercase;letter-spacing:.03em;color:var(--muted)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(480px,1fr));gap:16px}
.panel{background:#fff;border:1px solid var(--line);border-radius:8px;padding:10px 12px}
.panel h3{font-size:13px;margin:0 0 8px;color:var(--muted);text-transform:uppercase;letter-spacing:.03em}
.chart{max-width:100%;height:auto;font-size:12px;fill:var(--ink)}
.chart rect{fill:var(--bar)}
.more{color:var(--muted);font-size:12px;margin:4px 0 0}
.empty{color:var(--muted)}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;font-size:12px;color:var(--muted)}
dt{font-weight:600}
@media print{body{background:#fff;font-size:11px}main{max-width:none;padding:0}
.tile,.panel,table{break-inside:avoid}h2{break-after:avoid}.grid{grid-template-columns:1fr 1fr}}
</style>)";

const char* unit_suffix(Unit unit) {
  switch (unit) {
    case Unit::kPercent:
      return "%";
    case Unit::kHours:
      return " h";
    case Unit::kCount:
      return "";
  }
  return "";
}

// "good" when the change goes the way the figure should, "bad" the other way, "" for none.
std::string trend_class(const HeadlineFigure& f, std::optional<double> reference) {
  if (!f.today || !reference) return "";
  const double d = *f.today - *reference;
  if (d > -0.05 && d < 0.05) return "";
  return (d > 0) == f.higher_is_better ? "good" : "bad";
}

// "prior day 75.0% (+5.0)": the reference itself, so that a day with nothing to measure still
// shows what a normal day looks like, and the change when there is one.
std::string delta_span(const HeadlineFigure& f, std::optional<double> ref, const char* what,
                       bool average) {
  if (!ref) return std::string("<span>") + what + " &ndash;</span>";
  std::string h = "<span class=\"" + trend_class(f, ref) + "\">" + what + " " +
                  figure_text(ref, f.unit, average, "") + unit_suffix(f.unit);
  const std::string change = delta_text(f.today, ref, f.unit);
  if (!change.empty() && change != "0" && change != "0.0") h += " (" + change + ")";
  return h + "</span>";
}

std::string tile(const HeadlineFigure& f) {
  std::string h = "<div class=\"tile\"><div class=\"label\">" + html_escape(f.label) + "</div>";
  h += "<div class=\"value\">" + figure_text(f.today, f.unit, false, "&ndash;");
  if (f.today) h += std::string("<span class=\"unit\">") + unit_suffix(f.unit) + "</span>";
  h += "</div><div class=\"delta\">" + delta_span(f, f.prior_day, "prior day", false) + "<br>" +
       delta_span(f, f.avg_7d, "7-day avg", true) + "</div></div>";
  return h;
}

std::string tiles(const std::vector<HeadlineFigure>& figures, const std::string& group) {
  std::string h = "<div class=\"tiles\">";
  for (const HeadlineFigure& f : figures) {
    if (f.group == group) h += tile(f);
  }
  return h + "</div>";
}

std::string row(std::initializer_list<std::string> cells, std::size_t numeric_from) {
  std::string h = "<tr>";
  std::size_t i = 0;
  for (const std::string& c : cells) {
    h += i++ >= numeric_from ? "<td class=\"num\">" : "<td>";
    h += c + "</td>";
  }
  return h + "</tr>";
}

// "2026-11-18 10:00" on the readers' clock: a manager should not convert from UTC.
std::string local_text(const DailyReport& report, Instant t) {
  const orders::CivilTime c = report.zone.to_local(t);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d", c.year, c.month, c.day, c.hour,
                c.minute);
  return buf;
}

std::string exception_table(const DailyReport& report, const std::vector<ListedException>& list,
                            const char* empty) {
  if (list.empty()) return std::string("<p class=\"empty\">") + empty + "</p>";
  std::string h =
      "<table><tr><th>ID</th><th>Type</th><th>Partner</th><th>PO</th><th>Queue</th>"
      "<th>Assignee</th><th>Due (" +
      html_escape(report.zone.name()) + ")</th><th>Summary</th></tr>";
  for (std::size_t i = 0; i < list.size() && i < kListRows; ++i) {
    const ListedException& e = list[i];
    h += row(
        {std::to_string(e.id), html_escape(e.type), html_escape(e.partner), html_escape(e.po),
         html_escape(e.queue),
         e.assignee.empty() ? "<span class=\"empty\">unassigned</span>" : html_escape(e.assignee),
         e.due ? local_text(report, *e.due) : "&ndash;", html_escape(e.summary)},
        99);
  }
  h += "</table>";
  if (list.size() > kListRows) {
    h += "<p class=\"more\">" + std::to_string(list.size() - kListRows) +
         " more in the CSV form of this report.</p>";
  }
  return h;
}

std::string breakdown_table(const std::vector<Breakdown>& rows, const char* what) {
  if (rows.empty()) return "<p class=\"empty\">No exceptions opened, resolved or open.</p>";
  std::string h = std::string("<table><tr><th>") + what +
                  "</th><th class=\"num\">Opened</th><th class=\"num\">Resolved</th>"
                  "<th class=\"num\">Backlog</th><th class=\"num\">Breached</th></tr>";
  for (const Breakdown& b : rows) {
    h += row({b.name.empty() ? "(none)" : html_escape(b.name), std::to_string(b.opened),
              std::to_string(b.resolved), std::to_string(b.backlog), std::to_string(b.breached)},
             1);
  }
  return h + "</table>";
}

std::string panel(const char* title, const std::string& body) {
  return std::string("<div class=\"panel\"><h3>") + title + "</h3>" + body + "</div>";
}

std::string backlog_charts(const DailyReport& report) {
  std::vector<Bar> aging, types;
  for (std::size_t i = 0; i < kAgingBuckets.size(); ++i) {
    aging.push_back(Bar{kAgingBuckets[i], report.aging[i]});
  }
  for (const Breakdown& b : report.by_type) {
    if (b.backlog > 0) types.push_back(Bar{b.name, b.backlog});
  }
  const std::string by_type = types.empty() ? "<p class=\"empty\">No backlog.</p>"
                                            : bar_chart_svg(types, "Backlog by type");
  return "<div class=\"grid\">" + panel("Backlog aging", bar_chart_svg(aging, "Backlog by age")) +
         panel("Backlog by type", by_type) + "</div>";
}

std::string ratio_cells(const Ratio& r) {
  return figure_text(r.percent(), Unit::kPercent, false, "&ndash;") + (r.percent() ? "%" : "") +
         "</td><td class=\"num\">" + amount_text(r, r.hits) + " / " + amount_text(r, r.total);
}

std::string kpi_table(const DailyReport& report) {
  const ExceptionDay& e = report.days.front().exceptions;
  const LogisticsDay& d = report.days.front().logistics;
  const std::pair<const char*, const Ratio*> rows[] = {
      {"Response SLA met", &e.response_sla},
      {"Resolution SLA met", &e.resolve_sla},
      {"On-time delivery", &d.on_time},
      {"OTIF", &d.otif},
      {"Fill rate by unit", &d.fill_units},
      {"Fill rate by line", &d.fill_lines},
      {"Fill rate by order", &d.fill_orders},
      {"Ship notice within 24 h", &d.asn_timely},
      {"Ship notice accurate", &d.asn_accurate},
      {"997 within 24 h", &d.fa_compliance},
      {"EDI documents rejected", &d.edi_rejection}};
  std::string h =
      "<table><tr><th>KPI</th><th class=\"num\">Rate</th><th class=\"num\">Count</th></tr>";
  for (const auto& [name, r] : rows) {
    h +=
        std::string("<tr><td>") + name + "</td><td class=\"num\">" + ratio_cells(*r) + "</td></tr>";
  }
  h += "<tr><td>Time to resolve p50 / p90 (business h, " + html_escape(report.calendar) +
       ")</td><td class=\"num\">" + figure_text(e.ttr_p50_hours, Unit::kHours, false, "&ndash;") +
       " / " + figure_text(e.ttr_p90_hours, Unit::kHours, false, "&ndash;") +
       "</td><td class=\"num\">" + std::to_string(e.resolved) + " resolved</td></tr>";
  return h + "</table>";
}

std::string edi_table(const DailyReport& report) {
  if (report.edi_partners.empty()) {
    return "<p class=\"empty\">No EDI documents received in the window.</p>";
  }
  std::string h =
      "<table><tr><th>Partner</th><th class=\"num\">Documents</th><th class=\"num\">Rejected"
      "</th><th class=\"num\">Rate</th><th>Top error codes</th></tr>";
  for (const PartnerEdi& p : report.edi_partners) {
    std::string codes;
    for (const ErrorCount& e : p.top_errors) {
      if (!codes.empty()) codes += ", ";
      codes += "<code>" + html_escape(e.code) + "</code> &times;" + std::to_string(e.count);
    }
    const Ratio r{p.rejected, p.documents};
    h += "<tr><td>" + (p.partner.empty() ? std::string("(unknown)") : html_escape(p.partner)) +
         "</td><td class=\"num\">" + std::to_string(p.documents) + "</td><td class=\"num\">" +
         std::to_string(p.rejected) + "</td><td class=\"num\">" +
         figure_text(r.percent(), Unit::kPercent, false, "&ndash;") + "%</td><td>" +
         (codes.empty() ? "<span class=\"empty\">none</span>" : codes) + "</td></tr>";
  }
  return h + "</table>";
}

std::string day_text(const DailyReport& report) {
  const std::string zone = html_escape(report.zone.name());
  if (report.day_mode == DayMode::kLocal) {
    static constexpr const char* kWeekdays[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                "Thursday", "Friday", "Saturday"};
    const orders::CivilTime day = report.zone.to_local(report.window_start);
    const boost::gregorian::date d(static_cast<unsigned short>(day.year),
                                   static_cast<unsigned short>(day.month),
                                   static_cast<unsigned short>(day.day));
    return std::string("<strong>") + kWeekdays[d.day_of_week().as_number()] + " " +
           report.local_day + "</strong>, 00:00 to 24:00 " + zone;
  }
  return "24 hours ending <strong>" + local_text(report, report.window_end) + "</strong> " + zone +
         " (from " + local_text(report, report.window_start) + ")";
}

std::string header(const DailyReport& report) {
  std::string h =
      "<header><h1>Daily exception report</h1><p class=\"sub\">" + day_text(report) +
      ". Each figure shows the prior day and the average of the 7 days before, with the "
      "change in brackets."
      "</p>";
  if (!report.exceptions_tracked) {
    h += "<p class=\"note\">No exception rules have run on this database yet: exception "
         "figures are zero. Run <code>ordex run</code> first.</p>";
  }
  return h + "</header>";
}

}  // namespace

std::string render_html(const DailyReport& report) {
  const std::vector<HeadlineFigure> figures = headline(report);
  std::string h =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
      "<title>ordex daily exception report " +
      utc_text(report.as_of) + "</title>\n" + kStyle + "</head>\n<body><main>";
  h += header(report);
  h += "\n<h2>Exceptions</h2>" + tiles(figures, "exceptions");
  h += "\n<h2>Logistics</h2>" + tiles(figures, "logistics");
  h += "\n<h2>Breached (" + std::to_string(report.breached.size()) + ")</h2>" +
       exception_table(report, report.breached, "Nothing breached.");
  h += "\n<h2>At risk (" + std::to_string(report.at_risk.size()) + ")</h2>" +
       exception_table(report, report.at_risk, "Nothing at risk.");
  h += "\n<h2>Where the backlog is</h2>" + backlog_charts(report);
  h += "\n<div class=\"grid\" style=\"margin-top:16px\">" +
       panel("By queue", breakdown_table(report.by_queue, "Queue")) +
       panel("By partner", breakdown_table(report.by_partner, "Partner")) + "</div>";
  h += "\n<div class=\"grid\" style=\"margin-top:16px\">" +
       panel("By severity", breakdown_table(report.by_severity, "Severity")) +
       panel("By type", breakdown_table(report.by_type, "Type")) + "</div>";
  h += "\n<h2>SLA and logistics KPIs</h2>" + kpi_table(report);
  h += "\n<h2>EDI exception report: rejections by partner</h2>" + edi_table(report);
  h += "\n</main></body></html>\n";
  return h;
}

}  // namespace ordex::reports
