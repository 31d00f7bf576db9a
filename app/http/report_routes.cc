// GET /api/v1/reports/daily: the daily exception report (reports/), as `ordex report daily`
// builds it, rendered in the response instead of written to files.
//   date=YYYY-MM-DD  the calendar day in the report's zone (report.timezone, else the default
//                    business calendar's), or as_of=ISO 8601 (the report.day rule applies);
//                    neither: now
//   format=json (default) | html | csv (with table=<name>, default the first table)
#include "app/clock_option.h"
#include "app/command.h"
#include "app/http/api_error.h"
#include "app/http/exchange.h"
#include "app/http/routes.h"
#include "reports/daily_report.h"
#include "reports/report_config.h"
#include "reports/report_writer.h"

namespace ordex::app::http {

namespace {

reports::ReportOptions options_of(Exchange& ex) {
  const HttpSettings& settings = ex.context().settings;
  const exceptions::BusinessCalendar* calendar =
      ex.context().rules->current().sla.calendar("default");
  auto day = reports::load_day_definition_file(settings.config_path, calendar->zone());
  if (!day.ok()) throw unavailable("the report settings cannot be read: " + day.error());
  reports::ReportOptions options{ex.now(), calendar, day.value()};
  const auto date = ex.query("date");
  const auto as_of = ex.query("as_of");
  if (date && as_of) throw bad_request("give date or as_of, not both");
  if (date) {
    auto end = orders::end_of_local_day(*date, options.day.zone);
    if (!orders::parse_iso_day(*date) || !end.ok()) {
      throw bad_request("date must be a day as YYYY-MM-DD, not '" + *date + "'");
    }
    // The day itself: local mode, run at the midnight that ends it.
    options.day.mode = reports::DayMode::kLocal;
    options.as_of = end.value();
  } else if (as_of) {
    try {
      options.as_of = parse_as_of(*as_of).time_since_epoch().count();
    } catch (const UsageError&) {
      throw bad_request("as_of must be an ISO 8601 date-time, not '" + *as_of + "'");
    }
  }
  return options;
}

void daily(Exchange& ex) {
  for (const auto& [name, value] : ex.query_params()) {
    if (name != "date" && name != "as_of" && name != "format" && name != "table") {
      throw ApiError(400, "unknown_field", "unknown query parameter '" + name + "'");
    }
  }
  const std::string format_name = ex.query("format").value_or("json");
  const auto format = reports::report_format_from(format_name);
  if (!format) throw bad_request("format must be json, html or csv, not '" + format_name + "'");
  const reports::ReportOptions options = options_of(ex);
  auto report = reports::build_daily_report(*ex.session().store, options);
  if (!report.ok()) database_failed(ex, report.error());
  if (*format == reports::ReportFormat::kJson) {
    return ex.json(200, reports::render_json(report.value()));
  }
  if (*format == reports::ReportFormat::kHtml) {
    // The report is one self-contained file (inline CSS and SVG, no scripts) so it prints and
    // mails as is; its page alone may apply inline styles.
    ex.response().set("Content-Security-Policy",
                      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                      "frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
    return ex.send(200, "text/html; charset=utf-8", reports::render_html(report.value()));
  }
  const std::vector<reports::CsvTable> tables = reports::render_csv(report.value());
  const std::string wanted = ex.query("table").value_or(tables.empty() ? "" : tables[0].name);
  std::string names;
  for (const reports::CsvTable& t : tables) {
    if (t.name == wanted) return ex.send(200, "text/csv; charset=utf-8", t.text);
    names += (names.empty() ? "" : ", ") + t.name;
  }
  throw not_found("no report table '" + wanted + "' (tables: " + names + ")");
}

}  // namespace

void add_report_routes(Router& router) {
  router.add({"GET", "/api/v1/reports/daily", auth::Role::kRep, daily});
}

}  // namespace ordex::app::http
