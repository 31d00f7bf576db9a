// `ordex report daily` end to end, on SQLite and PostgreSQL: options, exit codes, the files it
// writes.
#include "app/report_command.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "../orders/store_test_base.h"
#include "app/command.h"
#include "report_fixture.h"

namespace ordex::app {
namespace {

namespace fs = std::filesystem;

template <typename E>
class ReportCommandTest : public orders::testing::StoreTest<E> {
 protected:
  void SetUp() override {
    orders::testing::StoreTest<E>::SetUp();
    if (this->IsSkipped() || this->HasFatalFailure()) return;
    ASSERT_EQ(reports::testing::fill_sample_store(this->store()), "");
  }
  int run(std::vector<std::string> argv) {
    ReportCommand command;
    return run_command(command, argv);
  }
  std::string config(const std::string& text) {
    const std::string path = dir_.path() + "/ordex.properties";
    std::ofstream(path) << text;
    return path;
  }
  reports::testing::TempDir dir_;
  std::string out_ = dir_.path() + "/out";
};

TYPED_TEST_SUITE(ReportCommandTest, orders::testing::StoreEngines,
                 orders::testing::StoreEngineNames);

TYPED_TEST(ReportCommandTest, WritesEachFormat) {
  const std::string db = this->url(), out = this->out_;
  const std::string as_of = "2026-11-18T16:00:00Z";
  EXPECT_EQ(this->run({"daily", "--db", db, "--as-of", as_of, "--out", out}), kExitOk);
  EXPECT_TRUE(fs::exists(out + "/daily-report-20261118T160000Z.html"));
  EXPECT_EQ(this->run({"daily", "--db", db, "--as-of", as_of, "--out", out, "--format", "json"}),
            kExitOk);
  EXPECT_TRUE(fs::exists(out + "/daily-report-20261118T160000Z.json"));
  EXPECT_EQ(this->run({"daily", "--db", db, "--as-of", as_of, "--out", out, "--format", "csv"}),
            kExitOk);
  EXPECT_TRUE(fs::exists(out + "/daily-report-20261118T160000Z-headline.csv"));
  EXPECT_TRUE(fs::exists(out + "/daily-report-20261118T160000Z-edi_by_partner.csv"));
}

TYPED_TEST(ReportCommandTest, LocalDayFromTheConfigNamesTheFileAfterTheDay) {
  const std::string cfg =
      this->config("calendar.default.timezone = America/Chicago\nreport.day = local\n");
  EXPECT_EQ(this->run({"daily", "--db", this->url(), "--as-of", "2026-11-18T10:00:00-06:00",
                       "--out", this->out_, "--config", cfg}),
            kExitOk);
  EXPECT_TRUE(fs::exists(this->out_ + "/daily-report-2026-11-17.html"));
}

TYPED_TEST(ReportCommandTest, UsageErrorsExitTwo) {
  const std::string db = this->url();
  EXPECT_EQ(this->run({"daily"}), kExitUsage);
  EXPECT_EQ(this->run({"weekly", "--db", db}), kExitUsage);
  EXPECT_EQ(this->run({"daily", "--db", db, "--format", "pdf"}), kExitUsage);
  EXPECT_EQ(this->run({"daily", "--db", this->dir_.path() + "/missing.db"}), kExitUsage);
  EXPECT_EQ(this->run({"daily", "--db", db, "--config", this->dir_.path() + "/none.properties"}),
            kExitUsage);
  EXPECT_EQ(this->run({"daily", "--db", db, "--config", this->config("report.day = calendar\n")}),
            kExitUsage);
}

}  // namespace
}  // namespace ordex::app
