// `ordex run` and `ordex orders` in process: exit codes, the JSON summary, usage errors.
#include "app/run_command.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/master_command.h"
#include "app/orders_command.h"

namespace ordex::app {
namespace {

namespace fs = std::filesystem;

const fs::path kSamples = fs::path(ORDEX_SOURCE_DIR) / "samples";

// Captures std::cout / std::cerr while a command runs.
class Capture {
 public:
  explicit Capture(std::ostream& stream) : stream_(stream), old_(stream.rdbuf(text_.rdbuf())) {}
  ~Capture() { stream_.rdbuf(old_); }
  std::string text() const { return text_.str(); }

 private:
  std::ostream& stream_;
  std::ostringstream text_;
  std::streambuf* old_;
};

class RunCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("ordex-run-cmd-" + std::to_string(getpid()));
    fs::create_directories(dir_);
    db_ = (dir_ / "orders.db").string();
  }
  void TearDown() override {
    std::error_code ignored;
    fs::permissions(dir_, fs::perms::owner_all, ignored);
    fs::remove_all(dir_, ignored);
  }
  template <typename C>
  int run(std::vector<std::string> args, std::string* out = nullptr, std::string* err = nullptr) {
    C command;
    Capture o(std::cout), e(std::cerr);
    const int code = run_command(command, args);
    if (out) *out = o.text();
    if (err) *err = e.text();
    return code;
  }
  fs::path dir_;
  std::string db_;
};

TEST_F(RunCommandTest, TheDemoWeekExitsOneForItsRejectedSetAndDuplicate) {
  ASSERT_EQ(run<MasterCommand>({"load", "--db", db_, (kSamples / "master").string()}), 0);
  std::string out;
  EXPECT_EQ(
      run<RunCommand>({"--db", db_, "--as-of", "2026-11-23T08:00:00-06:00", "--format", "json",
                       (kSamples / "inbound").string(), (kSamples / "outbound").string()},
                      &out),
      1);
  EXPECT_NE(out.find("\"files\":67,"), std::string::npos) << out;
  EXPECT_NE(out.find("\"orders\":24,"), std::string::npos) << out;
  EXPECT_EQ(out.find('\n'), out.size() - 1);  // one object, one line
  // Again: nothing new, nothing rejected this time.
  EXPECT_EQ(run<RunCommand>({"--db", db_, "--quiet", (kSamples / "inbound").string()}, &out), 0);
  EXPECT_EQ(out, "");
  EXPECT_EQ(run<OrdersCommand>({"list", "--db", db_, "--format", "csv"}, &out), 0);
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 24);  // header + 23 orders
  EXPECT_EQ(run<OrdersCommand>({"show", "--db", db_, "4500012610"}, &out), 0);
  EXPECT_NE(out.find("850 rejected"), std::string::npos) << out;
  EXPECT_EQ(run<OrdersCommand>({"show", "--db", db_, "NOPE"}, &out), 1);
}

TEST_F(RunCommandTest, AMissingInputPathIsExitTwoAndWritesNothing) {
  std::string err;
  EXPECT_EQ(run<RunCommand>({"--db", db_, (dir_ / "missing").string()}, nullptr, &err), 2);
  EXPECT_NE(err.find("no such file"), std::string::npos) << err;
  EXPECT_FALSE(fs::exists(db_));
}

TEST_F(RunCommandTest, UsageErrorsAreExitTwo) {
  EXPECT_EQ(run<RunCommand>({(kSamples / "inbound").string()}), 2);  // no --db
  EXPECT_EQ(run<RunCommand>({"--db", db_}), 2);                      // no input
  EXPECT_EQ(run<RunCommand>({"--db", db_, "--format", "xml", "x"}), 2);
  EXPECT_EQ(run<RunCommand>({"--db", db_, "--config", (dir_ / "none.properties").string(),
                             (kSamples / "inbound").string()}),
            2);
  EXPECT_EQ(run<OrdersCommand>({"list"}), 2);
}

TEST_F(RunCommandTest, AReadOnlyDatabaseIsExitTwo) {
  if (::geteuid() == 0) GTEST_SKIP() << "root writes read-only files";
  ASSERT_EQ(run<MasterCommand>({"load", "--db", db_, (kSamples / "master").string()}), 0);
  ::chmod(db_.c_str(), 0444);
  std::string err;
  EXPECT_EQ(run<RunCommand>({"--db", db_, (kSamples / "inbound").string()}, nullptr, &err), 2);
  EXPECT_NE(err.find("not writable"), std::string::npos) << err;
}

TEST_F(RunCommandTest, AnUnopenableDatabaseIsExitTwo) {
  std::string err;
  EXPECT_EQ(run<RunCommand>({"--db", (dir_ / "no" / "such" / "dir" / "x.db").string(),
                             (kSamples / "inbound").string()},
                            nullptr, &err),
            2);
  EXPECT_FALSE(err.empty());
}

TEST_F(RunCommandTest, ConfigSetsArchiveAndQuarantine) {
  const fs::path in = dir_ / "in";
  fs::create_directories(in);
  fs::copy_file(kSamples / "inbound/20261116T0815_NORTHWIND_850_000000101.x12", in / "a.x12");
  std::ofstream(in / "b.xml") << "<trackingFeed carrier=\"X\">";
  std::ofstream(dir_ / "run.properties")
      << "# test\nself.ids = ZZ:ACMESUPPLY\narchive.dir = " << (dir_ / "archive").string()
      << "\nquarantine.dir = " << (dir_ / "quarantine").string() << "\n";
  EXPECT_EQ(run<RunCommand>({"--db", db_, "--quiet", "--config", (dir_ / "run.properties").string(),
                             in.string()}),
            1);
  EXPECT_TRUE(fs::exists(dir_ / "archive" / "a.x12"));
  EXPECT_TRUE(fs::exists(dir_ / "quarantine" / "b.xml"));
  EXPECT_TRUE(fs::exists(dir_ / "quarantine" / "b.xml.reason"));
  EXPECT_TRUE(fs::is_empty(in));
}

}  // namespace
}  // namespace ordex::app
