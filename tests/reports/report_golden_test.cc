// Golden files of the three forms on the fixture store (tests/golden/report/). After a
// deliberate change, ORDEX_UPDATE_GOLDEN=1 rewrites them; read the diff before committing.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "exceptions/exceptions_config.h"
#include "report_fixture.h"
#include "reports/daily_report.h"
#include "reports/report_writer.h"

namespace ordex::reports {
namespace {

namespace fs = std::filesystem;

const fs::path kGolden = fs::path(ORDEX_SOURCE_DIR) / "tests" / "golden" / "report";

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

TEST(ReportGolden, EveryFormatMatchesItsGoldenFiles) {
  testing::TempDir dir;
  const std::string db = dir.path() + "/store.db";
  ASSERT_EQ(testing::build_sample_store(db), "");
  orders::StoreOptions options;
  options.read_only = true;
  auto store = orders::Store::open(db, options);
  ASSERT_TRUE(store.ok()) << store.error();
  const auto config = exceptions::ExceptionsConfig::defaults();
  auto report = build_daily_report(*store.value(),
                                   ReportOptions{testing::kAsOf, config.sla.calendar("default")});
  ASSERT_TRUE(report.ok()) << report.error();

  const bool update = std::getenv("ORDEX_UPDATE_GOLDEN") != nullptr;
  const std::string out = dir.path() + "/out";
  for (ReportFormat f : {ReportFormat::kHtml, ReportFormat::kJson, ReportFormat::kCsv}) {
    auto written = write_report(report.value(), f, out);
    ASSERT_TRUE(written.ok()) << written.error();
    for (const std::string& path : written.value()) {
      const fs::path expected = kGolden / fs::path(path).filename();
      if (update) {
        fs::create_directories(kGolden);
        fs::copy_file(path, expected, fs::copy_options::overwrite_existing);
        continue;
      }
      ASSERT_TRUE(fs::exists(expected)) << expected << " missing: run with ORDEX_UPDATE_GOLDEN=1";
      EXPECT_EQ(slurp(path), slurp(expected)) << "differs from " << expected;
    }
  }
}

}  // namespace
}  // namespace ordex::reports
