// The JSON form of the report: the same figures as the HTML, snake_case keys, one decimal for
// rates and hours, null where nothing was measured. Pretty-printed with two spaces so that a
// golden diff reads line by line. The breached and at-risk lists stop at kListedInJson rows
// with their full count beside them: at a million exceptions the full lists would be most of
// the file and no reader of JSON wants them (the CSV form has every row).
#include <string>

#include "orders/json_text.h"
#include "reports/headline.h"
#include "reports/number_format.h"
#include "reports/report_writer.h"

namespace ordex::reports {

namespace {

class Json {
 public:
  std::string take() { return std::move(out_); }

  void open(char bracket) {
    out_ += bracket;
    first_ = true;
    ++depth_;
  }
  void close(char bracket) {
    --depth_;
    if (!first_) newline();
    out_ += bracket;
    first_ = false;
  }
  void key(std::string_view k) {
    item();
    orders::append_json_string(out_, k);
    out_ += ": ";
  }
  void item() {
    if (!first_) out_ += ',';
    newline();
    first_ = false;
  }
  void string(std::string_view v) { orders::append_json_string(out_, v); }
  void raw(std::string_view v) { out_ += v; }

  void field(std::string_view k, std::string_view v) {
    key(k);
    string(v);
  }
  void field(std::string_view k, std::int64_t v) {
    key(k);
    raw(std::to_string(v));
  }
  void number(std::string_view k, std::optional<double> v, Unit unit, bool average = false) {
    key(k);
    raw(figure_text(v, unit, average, "null"));
  }

 private:
  void newline() {
    out_ += '\n';
    out_.append(2 * depth_, ' ');
  }
  std::string out_;
  bool first_ = true;
  int depth_ = 0;
};

void ratio(Json& j, std::string_view k, const Ratio& r) {
  j.key(k);
  j.open('{');
  j.key("hits");
  j.raw(amount_text(r, r.hits));
  j.key("total");
  j.raw(amount_text(r, r.total));
  j.number("pct", r.percent(), Unit::kPercent);
  j.close('}');
}

void headline_array(Json& j, const DailyReport& report) {
  j.key("headline");
  j.open('[');
  for (const HeadlineFigure& f : headline(report)) {
    j.item();
    j.open('{');
    j.field("key", f.key);
    j.field("group", f.group);
    j.number("today", f.today, f.unit);
    j.number("prior_day", f.prior_day, f.unit);
    j.number("avg_7d", f.avg_7d, f.unit, true);
    j.close('}');
  }
  j.close(']');
}

void breakdown(Json& j, std::string_view k, const std::vector<Breakdown>& rows) {
  j.key(k);
  j.open('[');
  for (const Breakdown& b : rows) {
    j.item();
    j.open('{');
    j.field("name", b.name);
    j.field("opened", b.opened);
    j.field("resolved", b.resolved);
    j.field("backlog", b.backlog);
    j.field("breached", b.breached);
    j.close('}');
  }
  j.close(']');
}

void exception_list(Json& j, const std::string& k, const std::vector<ListedException>& list) {
  j.field(k + "_total", static_cast<std::int64_t>(list.size()));
  j.key(k);
  j.open('[');
  for (std::size_t i = 0; i < list.size() && i < kListedInJson; ++i) {
    const ListedException& e = list[i];
    j.item();
    j.open('{');
    j.field("id", e.id);
    j.field("type", e.type);
    j.field("severity", e.severity);
    j.field("partner", e.partner);
    j.field("po", e.po);
    j.field("queue", e.queue);
    j.field("assignee", e.assignee);
    j.key("due");
    if (e.due) {
      j.string(utc_text(*e.due));
    } else {
      j.raw("null");
    }
    j.field("opened_at", utc_text(e.opened_at));
    j.field("summary", e.summary);
    j.close('}');
  }
  j.close(']');
}

void aging(Json& j, const DailyReport& report) {
  j.key("aging");
  j.open('[');
  for (std::size_t i = 0; i < kAgingBuckets.size(); ++i) {
    j.item();
    j.open('{');
    j.field("bucket", kAgingBuckets[i]);
    j.field("count", report.aging[i]);
    j.close('}');
  }
  j.close(']');
}

void sla(Json& j, const DailyReport& report) {
  const ExceptionDay& d = report.days.front().exceptions;
  j.key("sla");
  j.open('{');
  ratio(j, "response", d.response_sla);
  ratio(j, "resolution", d.resolve_sla);
  j.key("time_to_resolve_business_hours");
  j.open('{');
  j.field("calendar", report.calendar);
  j.field("count", d.resolved);
  j.number("p50", d.ttr_p50_hours, Unit::kHours);
  j.number("p90", d.ttr_p90_hours, Unit::kHours);
  j.close('}');
  j.close('}');
}

void logistics(Json& j, const LogisticsDay& d) {
  j.key("logistics");
  j.open('{');
  ratio(j, "on_time_delivery", d.on_time);
  ratio(j, "otif", d.otif);
  ratio(j, "fill_rate_units", d.fill_units);
  ratio(j, "fill_rate_lines", d.fill_lines);
  ratio(j, "fill_rate_orders", d.fill_orders);
  ratio(j, "ship_notice_timeliness", d.asn_timely);
  ratio(j, "ship_notice_accuracy", d.asn_accurate);
  ratio(j, "fa_compliance", d.fa_compliance);
  ratio(j, "edi_rejection", d.edi_rejection);
  j.close('}');
}

void edi_partners(Json& j, const std::vector<PartnerEdi>& partners) {
  j.key("edi_by_partner");
  j.open('[');
  for (const PartnerEdi& p : partners) {
    j.item();
    j.open('{');
    j.field("partner", p.partner);
    j.field("documents", p.documents);
    j.field("rejected", p.rejected);
    j.number("rejection_pct", Ratio{p.rejected, p.documents}.percent(), Unit::kPercent);
    j.key("top_errors");
    j.open('[');
    for (const ErrorCount& e : p.top_errors) {
      j.item();
      j.open('{');
      j.field("code", e.code);
      j.field("count", e.count);
      j.close('}');
    }
    j.close(']');
    j.close('}');
  }
  j.close(']');
}

}  // namespace

std::string render_json(const DailyReport& report) {
  Json j;
  j.open('{');
  j.field("report", "daily");
  j.field("as_of", utc_text(report.as_of));
  j.field("day", day_mode_name(report.day_mode));
  j.key("local_day");
  if (report.local_day.empty()) {
    j.raw("null");
  } else {
    j.string(report.local_day);
  }
  j.field("timezone", report.timezone);
  j.field("window_start", utc_text(report.window_start));
  j.field("window_end", utc_text(report.window_end));
  j.key("exceptions_tracked");
  j.raw(report.exceptions_tracked ? "true" : "false");
  headline_array(j, report);
  aging(j, report);
  breakdown(j, "by_type", report.by_type);
  breakdown(j, "by_queue", report.by_queue);
  breakdown(j, "by_partner", report.by_partner);
  breakdown(j, "by_severity", report.by_severity);
  sla(j, report);
  logistics(j, report.days.front().logistics);
  edi_partners(j, report.edi_partners);
  exception_list(j, "breached", report.breached);
  exception_list(j, "at_risk", report.at_risk);
  j.close('}');
  std::string out = j.take();
  out += '\n';
  return out;
}

}  // namespace ordex::reports
