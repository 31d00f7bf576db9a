// Golden files of the three forms on the fixture store (tests/golden/report/), on SQLite and
// PostgreSQL: both engines must give the same bytes. After a deliberate change,
// ORDEX_UPDATE_GOLDEN=1 rewrites them (from SQLite); read the diff before committing.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <type_traits>

#include "../orders/store_test_base.h"
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

template <typename E>
class ReportGolden : public orders::testing::StoreTest<E> {
 protected:
  void SetUp() override {
    orders::testing::StoreTest<E>::SetUp();
    if (this->IsSkipped() || this->HasFatalFailure()) return;
    ASSERT_EQ(testing::fill_sample_store(this->store()), "");
  }

  // Writes `formats` of the report and compares each file with its golden twin.
  void check(const DayDefinition& day, std::initializer_list<ReportFormat> formats) {
    orders::StoreOptions options;
    options.read_only = true;
    std::unique_ptr<orders::Store> store = this->open_again(options);
    ASSERT_TRUE(store);
    const auto config = exceptions::ExceptionsConfig::defaults();
    auto report = build_daily_report(
        *store, ReportOptions{testing::kAsOf, config.sla.calendar("default"), day});
    ASSERT_TRUE(report.ok()) << report.error();
    const bool update = std::getenv("ORDEX_UPDATE_GOLDEN") != nullptr &&
                        std::is_same_v<E, orders::testing::SqliteEngine>;
    const std::string out = dir_.path() + "/out";
    for (ReportFormat f : formats) {
      auto written = write_report(report.value(), f, out);
      ASSERT_TRUE(written.ok()) << written.error();
      for (const std::string& path : written.value()) {
        const fs::path expected = kGolden / fs::path(path).filename();
        if (update) {
          fs::create_directories(kGolden);
          fs::copy_file(path, expected, fs::copy_options::overwrite_existing);
          continue;
        }
        ASSERT_TRUE(fs::exists(expected)) << expected << " missing: ORDEX_UPDATE_GOLDEN=1";
        EXPECT_EQ(slurp(path), slurp(expected)) << "differs from " << expected;
      }
    }
  }

  testing::TempDir dir_;
};

TYPED_TEST_SUITE(ReportGolden, orders::testing::StoreEngines, orders::testing::StoreEngineNames);

TYPED_TEST(ReportGolden, EveryFormatMatchesItsGoldenFiles) {
  this->check(DayDefinition{}, {ReportFormat::kHtml, ReportFormat::kJson, ReportFormat::kCsv});
}

TYPED_TEST(ReportGolden, LocalDayMatchesItsGoldenFiles) {
  auto chicago = orders::TimeZone::named("America/Chicago");
  ASSERT_TRUE(chicago.ok());
  this->check(DayDefinition{DayMode::kLocal, chicago.value()},
              {ReportFormat::kHtml, ReportFormat::kJson});
}

}  // namespace
}  // namespace ordex::reports
