// Every file of the demo week in samples/inbound maps without crashing, and what it reports
// is printed for a reader of the test log. Skipped when samples/ is absent.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "mapping_test_util.h"
#include "orders/feeds/xml_tracking_feed.h"

namespace ordex::orders::testing {
namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<fs::path> files_under(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().filename().string()[0] != '.') {
      out.push_back(entry.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(Samples, EveryInboundFileMaps) {
  const fs::path inbound = fs::path(ORDEX_SOURCE_DIR) / "samples" / "inbound";
  if (!fs::is_directory(inbound)) GTEST_SKIP() << "no samples/inbound";
  std::map<std::string, int> totals;
  for (const fs::path& path : files_under(inbound)) {
    const std::string bytes = slurp(path);
    const std::string name = fs::relative(path, inbound).string();
    std::size_t documents = 0, issues = 0;
    std::vector<std::string> briefs;
    if (path.extension() == ".csv") {
      // The CSV tracking feed is not built yet (it comes with orders/csv_reader).
      std::cout << name << ": skipped, CSV tracking feed\n";
      continue;
    }
    if (path.extension() == ".xml" || looks_like_xml_tracking_feed(bytes)) {
      struct Counter : DocumentSink {
        std::size_t events = 0;
        std::vector<std::string> issues;
        void shipment_event(const DocumentContext&, ShipmentEvent&) override { ++events; }
        void issue(const DocumentContext&, const MappingIssue& i) override {
          issues.push_back(std::string(to_string(i.code)) + " line " + std::to_string(i.line) +
                           ": " + i.reason);
        }
      } counter;
      read_xml_tracking_feed(bytes, name, counter);
      documents = counter.events;
      briefs = counter.issues;
      issues = briefs.size();
      totals["events"] += static_cast<int>(counter.events);
    } else {
      const MapRun run = map_edi(bytes, {}, name);
      for (const Where& w : run.sink.deliveries) {
        if (w.kind != "group") ++documents;
        ++totals[w.kind];
      }
      for (const IssueRecord& r : run.sink.issues) {
        briefs.push_back(r.brief() + ": " + r.issue.reason);
      }
      issues = run.sink.issues.size();
      for (const std::string& f : run.finding_codes()) briefs.push_back("finding " + f);
    }
    totals["issues"] += static_cast<int>(issues);
    EXPECT_GT(documents + issues, 0u) << name << " gave neither a document nor an issue";
    std::cout << name << ": " << documents << " documents, " << issues << " issues\n";
    for (const std::string& b : briefs) std::cout << "    " << b << "\n";
  }
  for (const auto& [kind, count] : totals) std::cout << "total " << kind << ": " << count << "\n";
}

}  // namespace
}  // namespace ordex::orders::testing
