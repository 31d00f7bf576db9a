// Stopping and dying in the middle of a file: SIGTERM lets the file being imported finish and
// commit before the daemon exits 0; a daemon killed with SIGKILL leaves the file in its
// processing folder, and the next daemon puts it back and imports it once the dead daemon's lease
// on it has lapsed. Either way the store ends as one `ordex run` of the file leaves it.
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <fstream>

#include "serve_process.h"

namespace ordex::app::serve::testing {
namespace {

using namespace std::chrono_literals;

class ServeCrashTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(kGen)) GTEST_SKIP() << "ordex-gen is not built (ORDEX_BUILD_BENCHMARKS=OFF)";
    dir_ = fs::temp_directory_path() /
           ("ordex-serve-crash-" + std::to_string(getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    for (const char* sub : {"gen", "inbox", "archive", "quarantine"}) {
      fs::create_directories(dir_ / sub);
    }
    ASSERT_EQ(run({kGen.string(), "--standard", "x12", "--size", "12M", "--seed", "3", "--out",
                   (dir_ / "gen" / "big.x12").string()}),
              0);
    reference_ = (dir_ / "run.db").string();
    ASSERT_LE(run({kOrdex.string(), "run", "--db", reference_, "--quiet", (dir_ / "gen").string()}),
              1);
    std::ofstream(dir_ / "serve.properties")
        << "serve.db = " << (dir_ / "serve.db").string() << "\n"
        << "serve.http.port = 0\n"
        << "serve.log.format = json\n"
        << "serve.sweep.every = 1h\n"
        << "serve.lease_seconds = 6\n"
        << "jobs.1.name = big\n"
        << "jobs.1.inbox = " << (dir_ / "inbox").string() << "\n"
        << "jobs.1.schedule = every 1s\n"
        << "jobs.1.stable_seconds = 0\n"
        << "jobs.1.archive = " << (dir_ / "archive").string() << "\n"
        << "jobs.1.quarantine = " << (dir_ / "quarantine").string() << "\n";
  }
  void TearDown() override {
    if (!HasFailure() && !dir_.empty()) fs::remove_all(dir_);
  }
  pid_t start(const std::string& log) {
    return spawn({kOrdex.string(), "serve", "--config", (dir_ / "serve.properties").string()},
                 dir_ / log);
  }
  // Waits until the daemon logging to `log` has claimed the file.
  bool importing(const std::string& log) {
    return eventually([&] { return !log_lines(dir_ / log, "ORDX-S020").empty(); }, 60s);
  }
  void expect_imported_once() {
    EXPECT_EQ(files_in(dir_ / "archive"), std::vector<std::string>{"big.x12"});
    EXPECT_TRUE(files_in(dir_ / "inbox").empty());
    const StoreFacts expected = facts_of(reference_);
    const StoreFacts got = facts_of((dir_ / "serve.db").string());
    EXPECT_GT(expected.rows.at("interchanges"), 100);
    EXPECT_EQ(got.rows, expected.rows);
    EXPECT_EQ(got.files, expected.files);
    EXPECT_EQ(got.orders, expected.orders);
  }
  fs::path dir_;
  std::string reference_;
};

TEST_F(ServeCrashTest, SigtermFinishesTheFileBeingImportedThenExitsZero) {
  const pid_t pid = start("a.log");
  drop_into(dir_ / "gen" / "big.x12", dir_ / "inbox");
  ASSERT_TRUE(importing("a.log"));
  ::kill(pid, SIGTERM);
  EXPECT_EQ(wait_exit(pid, 300s), 0);
  EXPECT_EQ(log_lines(dir_ / "a.log", "ORDX-S022").size(), 1u);  // imported before the exit
  expect_imported_once();
}

TEST_F(ServeCrashTest, AFileOfAKilledDaemonIsImportedByTheNextOne) {
  const pid_t first = start("a.log");
  drop_into(dir_ / "gen" / "big.x12", dir_ / "inbox");
  ASSERT_TRUE(importing("a.log"));
  ::kill(first, SIGKILL);
  ASSERT_EQ(wait_exit(first, 30s), 128 + SIGKILL);
  if (!log_lines(dir_ / "a.log", "ORDX-S022").empty()) {
    GTEST_SKIP() << "the import finished before the kill";
  }
  const pid_t second = start("b.log");
  EXPECT_TRUE(eventually([&] { return files_in(dir_ / "archive").size() == 1; }, 300s));
  ::kill(second, SIGTERM);
  EXPECT_EQ(wait_exit(second, 300s), 0);
  EXPECT_EQ(log_lines(dir_ / "b.log", "ORDX-S030").size(), 1u);  // put back from a's folder
  EXPECT_EQ(log_lines(dir_ / "b.log", "ORDX-S022").size(), 1u);
  expect_imported_once();
}

}  // namespace
}  // namespace ordex::app::serve::testing
