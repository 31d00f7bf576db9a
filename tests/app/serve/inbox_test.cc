// The inbox: only complete files are taken (a file still growing is not), writers' temporary
// names are ignored, a claim goes to exactly one claimant, and the files of a dead daemon come
// back.
#include "app/serve/inbox.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

namespace ordex::app::serve {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

class InboxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("ordex-inbox-" + std::to_string(getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string write(const std::string& name, const std::string& text = "ISA*...") {
    std::ofstream(dir_ / name) << text;
    return (dir_ / name).string();
  }
  static std::vector<std::string> names(const std::vector<std::string>& paths) {
    std::vector<std::string> n;
    for (const auto& p : paths) n.push_back(fs::path(p).filename().string());
    return n;
  }
  fs::path dir_;
};

TEST_F(InboxTest, HiddenTemporaryAndUnmatchedNamesAreNeverTaken) {
  EXPECT_TRUE(is_candidate_name("po.x12", "*"));
  EXPECT_FALSE(is_candidate_name(".po.x12", "*"));
  EXPECT_FALSE(is_candidate_name("po.x12.tmp", "*"));
  EXPECT_FALSE(is_candidate_name("po.x12.part", "*"));
  EXPECT_TRUE(is_candidate_name("po.x12", "*.x12"));
  EXPECT_FALSE(is_candidate_name("po.edi", "*.x12"));
}

TEST_F(InboxTest, OldFilesAreCompleteAtOnceNewOnesAfterTheStablePeriod) {
  write("b.x12");
  write("a.x12");
  write(".hidden");
  write("c.part");
  fs::create_directories(dir_ / "sub");
  InboxWatcher watcher(dir_.string(), "*", 5);
  const auto now = std::chrono::system_clock::now();
  const auto steady = std::chrono::steady_clock::now();
  // Just written: not yet.
  EXPECT_TRUE(watcher.complete_files(now, steady).value().empty());
  // Five seconds later by the wall clock (mtime is that old now).
  EXPECT_EQ(names(watcher.complete_files(now + 6s, steady + 1s).value()),
            (std::vector<std::string>{"a.x12", "b.x12"}));
}

TEST_F(InboxTest, AFileStillGrowingIsNotTaken) {
  const std::string path = write("growing.x12", "ISA");
  InboxWatcher watcher(dir_.string(), "*", 1);
  std::atomic<bool> done{false};
  std::thread writer([&] {
    std::ofstream out(path, std::ios::app);
    while (!done) {
      out << "SEGMENT~" << std::flush;
      std::this_thread::sleep_for(100ms);
    }
  });
  for (int i = 0; i < 20; ++i) {  // two seconds of scans while it grows
    EXPECT_TRUE(watcher.complete_files().value().empty()) << "scan " << i;
    std::this_thread::sleep_for(100ms);
  }
  done = true;
  writer.join();
  std::this_thread::sleep_for(1200ms);
  EXPECT_EQ(names(watcher.complete_files().value()), std::vector<std::string>{"growing.x12"});
}

TEST_F(InboxTest, AFutureMtimeIsJudgedByWatching) {
  const std::string path = write("skewed.x12");
  fs::last_write_time(path, fs::file_time_type::clock::now() + 1h);
  InboxWatcher watcher(dir_.string(), "*", 2);
  const auto now = std::chrono::system_clock::now();
  const auto steady = std::chrono::steady_clock::now();
  EXPECT_TRUE(watcher.complete_files(now, steady).value().empty());
  EXPECT_TRUE(watcher.complete_files(now + 1s, steady + 1s).value().empty());
  EXPECT_EQ(watcher.complete_files(now + 3s, steady + 3s).value().size(), 1u);
}

TEST_F(InboxTest, OfManyClaimantsExactlyOneGetsTheFile) {
  const std::string path = write("po.x12");
  std::vector<pid_t> children;
  for (int i = 0; i < 8; ++i) {
    const pid_t pid = ::fork();
    if (pid == 0) {
      auto claimed = claim_file(dir_.string(), path, "host-" + std::to_string(::getpid()));
      ::_exit(claimed.ok() && claimed.value() ? 0 : claimed.ok() ? 1 : 2);
    }
    children.push_back(pid);
  }
  int winners = 0, losers = 0;
  for (pid_t pid : children) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFEXITED(status));
    winners += WEXITSTATUS(status) == 0;
    losers += WEXITSTATUS(status) == 1;
  }
  EXPECT_EQ(winners, 1);
  EXPECT_EQ(losers, 7);
  EXPECT_FALSE(fs::exists(path));
}

TEST_F(InboxTest, TheFilesOfADeadDaemonComeBackWithoutOverwriting) {
  const std::string path = write("po.x12", "first");
  auto claimed = claim_file(dir_.string(), path, "otherhost-42");
  ASSERT_TRUE(claimed.ok() && claimed.value());
  write("po.x12", "a newer file of the same name");
  // Alive: stays.
  auto kept = requeue_stale(dir_.string(), daemon_id(), [](const std::string&) { return false; });
  ASSERT_TRUE(kept.ok());
  EXPECT_TRUE(kept.value().empty());
  auto back = requeue_stale(dir_.string(), daemon_id(),
                            [](const std::string& d) { return d == "otherhost-42"; });
  ASSERT_TRUE(back.ok()) << back.error();
  EXPECT_EQ(names(back.value()), std::vector<std::string>{"po.x12.1"});
  std::ifstream in(dir_ / "po.x12.1");
  std::string text;
  std::getline(in, text);
  EXPECT_EQ(text, "first");
  EXPECT_FALSE(fs::exists(dir_ / kProcessingFolder / "otherhost-42"));
}

TEST_F(InboxTest, ADaemonOnThisHostIsDeadWhenItsPidIs) {
  EXPECT_EQ(local_daemon_alive(daemon_id()), true);
  const pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  ::waitpid(child, nullptr, 0);
  const std::string self = daemon_id();
  const std::string dead = self.substr(0, self.rfind('-')) + "-" + std::to_string(child);
  EXPECT_EQ(local_daemon_alive(dead), false);
  EXPECT_EQ(local_daemon_alive("elsewhere.example-1"), std::nullopt);
}

}  // namespace
}  // namespace ordex::app::serve
