#pragma once
// Renders a DailyReport and writes it to a folder. Renderers are pure: the same report gives
// the same bytes (no wall-clock time, fixed formatting, every list in a stable order).
//
// Files are named after the as-of instant (after the day, daily-report-2026-11-22.html, for a
// local day), so reports of different days sit side by side:
//   daily-report-20261118T160000Z.html
//   daily-report-20261118T160000Z.json
//   daily-report-20261118T160000Z-<table>.csv   one per table (csv_tables())
//
// Errors are values: a folder that cannot be created or a file that cannot be written is a
// Failure naming the path.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "orders/status.h"
#include "reports/daily_report.h"

namespace ordex::reports {

enum class ReportFormat { kHtml, kCsv, kJson };
std::optional<ReportFormat> report_format_from(std::string_view name);  // html, csv, json

std::string render_json(const DailyReport& report);
std::string render_html(const DailyReport& report);

struct CsvTable {
  std::string name;  // headline, aging, by_type, ...
  std::string text;  // RFC 4180, header row first, CRLF-free ("\n")
};
std::vector<CsvTable> render_csv(const DailyReport& report);

// The paths written, in order.
Result<std::vector<std::string>> write_report(const DailyReport& report, ReportFormat format,
                                              const std::string& directory);

}  // namespace ordex::reports
