#include "reports/report_writer.h"

#include <filesystem>
#include <fstream>

#include "reports/number_format.h"

namespace ordex::reports {

namespace {

namespace fs = std::filesystem;
using orders::Failure;

orders::Status write_file(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return Failure{"cannot write " + path.string()};
  out << text;
  out.close();
  if (!out) return Failure{"cannot write " + path.string()};
  return orders::Status();
}

}  // namespace

std::optional<ReportFormat> report_format_from(std::string_view name) {
  if (name == "html") return ReportFormat::kHtml;
  if (name == "csv") return ReportFormat::kCsv;
  if (name == "json") return ReportFormat::kJson;
  return std::nullopt;
}

Result<std::vector<std::string>> write_report(const DailyReport& report, ReportFormat format,
                                              const std::string& directory) {
  std::error_code ec;
  fs::create_directories(directory, ec);
  if (ec) return Failure{"cannot create " + directory + ": " + ec.message()};
  // A local day names its file after the day, so runs during the same day replace each other.
  const std::string base =
      "daily-report-" + (report.local_day.empty() ? utc_stamp(report.as_of) : report.local_day);
  std::vector<std::pair<fs::path, std::string>> files;
  if (format == ReportFormat::kHtml) {
    files.emplace_back(fs::path(directory) / (base + ".html"), render_html(report));
  } else if (format == ReportFormat::kJson) {
    files.emplace_back(fs::path(directory) / (base + ".json"), render_json(report));
  } else {
    for (CsvTable& t : render_csv(report)) {
      files.emplace_back(fs::path(directory) / (base + "-" + t.name + ".csv"), std::move(t.text));
    }
  }
  std::vector<std::string> written;
  for (const auto& [path, text] : files) {
    if (orders::Status s = write_file(path, text); !s.ok()) return Failure{s.error()};
    written.push_back(path.string());
  }
  return written;
}

}  // namespace ordex::reports
