// The session pool: lends each session to one borrower at a time, makes waiters queue in
// arrival order, times out with a clear error, and replaces a session marked broken.
#include "app/http/store_pool.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <mutex>
#include <optional>
#include <thread>

#include "exceptions/exceptions_config.h"

namespace ordex::app::http {
namespace {

namespace fs = std::filesystem;
using std::chrono::milliseconds;

class StorePoolTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("ordex-pool-test-" + std::to_string(getpid()));
    fs::create_directories(dir_);
    options_ = SessionOptions{(dir_ / "store.db").string(), &rules_, [] { return 0; }};
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path dir_;
  exceptions::ExceptionsConfig rules_ = exceptions::ExceptionsConfig::defaults();
  SessionOptions options_;
};

TEST_F(StorePoolTest, WaitersAreServedInArrivalOrder) {
  StorePool pool(options_, 1, milliseconds(5000));
  auto first = pool.borrow();
  ASSERT_TRUE(first.ok()) << first.error();
  StoreSession* only = &*first.value();
  std::optional<StorePool::Lease> held(std::move(first).value());
  std::mutex mutex;
  std::vector<int> order;
  std::vector<std::thread> waiters;
  for (int i = 0; i < 4; ++i) {
    waiters.emplace_back([&, i] {
      auto lease = pool.borrow();
      ASSERT_TRUE(lease.ok()) << lease.error();
      EXPECT_EQ(&*lease.value(), only) << "one session, lent in turn";
      std::lock_guard lock(mutex);
      order.push_back(i);
    });
    std::this_thread::sleep_for(milliseconds(100));  // each is in line before the next comes
  }
  held.reset();  // gives the session back
  for (std::thread& t : waiters) t.join();
  EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3}));
}

TEST_F(StorePoolTest, TimesOutWhenEverySessionStaysBusy) {
  StorePool pool(options_, 1, milliseconds(100));
  auto held = pool.borrow();
  ASSERT_TRUE(held.ok());
  auto late = pool.borrow();
  ASSERT_FALSE(late.ok());
  EXPECT_NE(late.error().find("stayed busy"), std::string::npos) << late.error();
}

TEST_F(StorePoolTest, ABrokenSessionIsReplaced) {
  StorePool pool(options_, 1, milliseconds(1000));
  StoreSession* first = nullptr;
  {
    auto lease = pool.borrow();
    ASSERT_TRUE(lease.ok());
    first = &*lease.value();
    EXPECT_TRUE(ping(*lease.value()).ok());
    lease.value()->broken = true;
  }
  auto next = pool.borrow();
  ASSERT_TRUE(next.ok()) << next.error();
  EXPECT_FALSE(next.value()->broken);
  EXPECT_TRUE(ping(*next.value()).ok());
  (void)first;  // may be reused memory; only the flag and the ping say it is a new session
}

TEST_F(StorePoolTest, AnUnopenableDatabaseIsAnErrorAndFreesTheSlot) {
  options_.db = (dir_ / "missing" / "deeper" / "store.db").string();
  StorePool pool(options_, 1, milliseconds(100));
  for (int i = 0; i < 3; ++i) {
    auto lease = pool.borrow();
    ASSERT_FALSE(lease.ok());
    EXPECT_NE(lease.error().find("cannot open the database"), std::string::npos) << lease.error();
  }
}

}  // namespace
}  // namespace ordex::app::http
