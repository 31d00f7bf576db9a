// `ordex report daily` end to end: options, exit codes, the files it writes.
#include "app/report_command.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "app/command.h"
#include "report_fixture.h"

namespace ordex::app {
namespace {

namespace fs = std::filesystem;

class ReportCommandTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(reports::testing::build_sample_store(db_), ""); }
  int run(std::vector<std::string> argv) {
    ReportCommand command;
    return run_command(command, argv);
  }
  reports::testing::TempDir dir_;
  std::string db_ = dir_.path() + "/store.db";
  std::string out_ = dir_.path() + "/out";
};

TEST_F(ReportCommandTest, WritesEachFormat) {
  EXPECT_EQ(run({"daily", "--db", db_, "--as-of", "2026-11-18T16:00:00Z", "--out", out_}), kExitOk);
  EXPECT_TRUE(fs::exists(out_ + "/daily-report-20261118T160000Z.html"));
  EXPECT_EQ(run({"daily", "--db", db_, "--as-of", "2026-11-18T16:00:00Z", "--out", out_, "--format",
                 "json"}),
            kExitOk);
  EXPECT_TRUE(fs::exists(out_ + "/daily-report-20261118T160000Z.json"));
  EXPECT_EQ(run({"daily", "--db", db_, "--as-of", "2026-11-18T16:00:00Z", "--out", out_, "--format",
                 "csv"}),
            kExitOk);
  EXPECT_TRUE(fs::exists(out_ + "/daily-report-20261118T160000Z-headline.csv"));
  EXPECT_TRUE(fs::exists(out_ + "/daily-report-20261118T160000Z-edi_by_partner.csv"));
}

TEST_F(ReportCommandTest, UsageErrorsExitTwo) {
  EXPECT_EQ(run({"daily"}), kExitUsage);
  EXPECT_EQ(run({"weekly", "--db", db_}), kExitUsage);
  EXPECT_EQ(run({"daily", "--db", db_, "--format", "pdf"}), kExitUsage);
  EXPECT_EQ(run({"daily", "--db", dir_.path() + "/missing.db"}), kExitUsage);
  EXPECT_EQ(run({"daily", "--db", db_, "--config", dir_.path() + "/none.properties"}), kExitUsage);
}

}  // namespace
}  // namespace ordex::app
