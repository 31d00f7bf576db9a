// Concurrent `next` from several processes never claims one exception twice (SQLite: BEGIN
// IMMEDIATE; PostgreSQL: FOR UPDATE SKIP LOCKED). Children are forked, open their own session,
// and claim until the queue is empty; every exception must be claimed exactly once.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <vector>

#include "work_queue_test_base.h"

namespace ordex::exceptions::testing {
namespace {

template <typename E>
class WorkQueueConcurrencyTest : public WorkQueueTest<E> {};
TYPED_TEST_SUITE(WorkQueueConcurrencyTest, orders::testing::StoreEngines,
                 orders::testing::StoreEngineNames);

constexpr int kWorkers = 4;
constexpr int kExceptions = 40;

// The child's whole life: claims with its own session, writes one id per line, and leaves with
// _exit so that nothing of the parent's (its database session, gtest) is torn down twice.
[[noreturn]] void worker(const std::string& url, int n, const std::filesystem::path& out,
                         Instant now) {
  int code = 0;
  {
    std::ofstream file(out);
    auto store = orders::Store::open(url);
    auto ex = store.ok() ? ExceptionStore::open(*store.value())
                         : Result<ExceptionStore>(Failure{store.error()});
    if (!ex.ok()) {
      file << "error " << ex.error() << '\n';
      _exit(3);
    }
    ExceptionsConfig config = ExceptionsConfig::defaults();
    WorkQueue queue(ex.value(), config,
                    WorkQueueOptions{"worker-" + std::to_string(n), [now] { return now; }, 1800});
    for (;;) {
      auto next = queue.next({});
      if (!next.ok()) {
        file << "error " << next.error() << '\n';
        code = 4;
        break;
      }
      if (!next.value()) break;
      file << next.value()->id << '\n';
    }
  }
  _exit(code);
}

TYPED_TEST(WorkQueueConcurrencyTest, NextFromSeveralProcessesNeverDoubleClaims) {
  std::set<std::int64_t> seeded;
  for (int i = 0; i < kExceptions; ++i) {
    const Severity s = static_cast<Severity>(i % 4);
    seeded.insert(this->seed("k" + std::to_string(i), s, kMonday8am + i));
  }
  const auto dir = std::filesystem::temp_directory_path() /
                   ("ordex-next-" + std::to_string(getpid()) + "-" +
                    std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
  std::filesystem::create_directories(dir);
  std::vector<pid_t> children;
  for (int n = 0; n < kWorkers; ++n) {
    const pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) worker(this->url(), n, dir / std::to_string(n), this->now_);
    children.push_back(pid);
  }
  for (pid_t pid : children) {
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "status " << status;
  }
  std::map<std::int64_t, int> claims;
  int workers_with_claims = 0;
  for (int n = 0; n < kWorkers; ++n) {
    std::ifstream file(dir / std::to_string(n));
    std::string line;
    bool any = false;
    while (std::getline(file, line)) {
      ASSERT_EQ(line.rfind("error", 0), std::string::npos) << line;
      ++claims[std::stoll(line)];
      any = true;
    }
    workers_with_claims += any ? 1 : 0;
  }
  std::filesystem::remove_all(dir);
  EXPECT_EQ(claims.size(), seeded.size());
  for (std::int64_t id : seeded) {
    EXPECT_EQ(claims[id], 1) << "exception " << id;
    auto trail = this->exceptions().audit_trail(id);
    ASSERT_TRUE(trail.ok());
    EXPECT_EQ(trail.value().size(), 1u) << "exception " << id;
    EXPECT_NE(this->fetch(id).claimed_by, "");
  }
  EXPECT_GE(workers_with_claims, 1);
}

}  // namespace
}  // namespace ordex::exceptions::testing
