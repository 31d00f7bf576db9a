#include "app/report_command.h"

#include <Poco/Util/Option.h>

#include <iostream>

#include "app/clock_option.h"
#include "exceptions/exceptions_config.h"
#include "orders/store.h"
#include "reports/daily_report.h"
#include "reports/report_config.h"
#include "reports/report_writer.h"

namespace ordex::app {

using Poco::Util::Option;

std::string ReportCommand::synopsis() const {
  return "report daily --db PATH [--as-of ISO8601] [--out DIR] [--format html|csv|json] "
         "[--config FILE]";
}

std::string ReportCommand::description() const {
  return "daily: the exception report for the 24 hours ending at --as-of (default now): "
         "opened, resolved, backlog and its aging, breakdowns by type, queue, partner and "
         "severity, SLA achievement, time to resolve, the breached and at-risk lists, logistics "
         "KPIs and EDI rejections by partner, each against the prior day and the 7-day average. "
         "Writes one HTML file (default), one JSON file or one CSV file per table into --out "
         "(default .). --config names the properties file whose calendar.default counts "
         "business hours and whose report.day = local (with report.timezone, default "
         "calendar.default.timezone) makes the day the last whole calendar day there.";
}

void ReportCommand::define_options(Poco::Util::OptionSet& options) const {
  options.addOption(
      Option("db", "d", "the database: a SQLite path or a postgresql:// URL").argument("PATH"));
  options.addOption(
      Option("as-of", "a", "end of the report's window (ISO 8601); default now").argument("TIME"));
  options.addOption(Option("out", "o", "folder to write into; default .").argument("DIR"));
  options.addOption(Option("format", "f", "html (default), csv or json").argument("FORMAT"));
  options.addOption(
      Option("config", "c", "properties file (business calendar, report.day)").argument("FILE"));
}

int ReportCommand::run(const Arguments& args) {
  if (args.positional.size() != 1 || args.positional[0] != "daily") {
    throw UsageError{"expected: report daily --db PATH"};
  }
  if (!args.has("db")) throw UsageError{"--db PATH is required"};
  const auto format = reports::report_format_from(args.get("format", "html"));
  if (!format) throw UsageError{"--format must be html, csv or json"};
  const auto as_of = now_or_as_of(args.get("as-of"));
  auto config = exceptions::ExceptionsConfig::load_file(args.get("config"));
  if (!config.ok()) throw UsageError{"--config: " + config.error()};
  const exceptions::BusinessCalendar* calendar = config.value().sla.calendar("default");
  auto day = reports::load_day_definition_file(args.get("config"), calendar->zone());
  if (!day.ok()) throw UsageError{"--config: " + day.error()};

  orders::StoreOptions options;
  options.read_only = true;
  auto store = orders::Store::open(args.get("db"), options);
  if (!store.ok()) {
    std::cerr << "ordex report: cannot open the database " << args.get("db") << ": "
              << store.error() << '\n';
    return kExitUsage;
  }
  reports::ReportOptions report_options;
  report_options.as_of = as_of.time_since_epoch().count();
  report_options.calendar = calendar;
  report_options.day = day.value();
  auto report = reports::build_daily_report(*store.value(), report_options);
  if (!report.ok()) {
    std::cerr << "ordex report: " << report.error() << '\n';
    return kExitUsage;
  }
  auto written = reports::write_report(report.value(), *format, args.get("out", "."));
  if (!written.ok()) {
    std::cerr << "ordex report: " << written.error() << '\n';
    return kExitUsage;
  }
  for (const std::string& path : written.value()) std::cout << "wrote " << path << '\n';
  return kExitOk;
}

}  // namespace ordex::app
