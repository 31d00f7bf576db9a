// Leases on both engines: one holder at a time, expiry hands a lease over, only the holder
// extends or releases it, and concurrent acquirers get it exactly once.
#include "app/serve/leases.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "store_test_base.h"

namespace ordex::app::serve {
namespace {

using orders::testing::StoreEngineNames;
using orders::testing::StoreEngines;
using orders::testing::StoreTest;

template <typename E>
class LeasesTest : public StoreTest<E> {};
TYPED_TEST_SUITE(LeasesTest, StoreEngines, StoreEngineNames);

TYPED_TEST(LeasesTest, OneHolderUntilItExpiresOrIsReleased) {
  auto leases = Leases::open(this->store().database());
  ASSERT_TRUE(leases.ok()) << leases.error();
  Leases& l = leases.value();
  EXPECT_TRUE(l.acquire("sweep", "a-1", 100, 160).value());
  EXPECT_FALSE(l.acquire("sweep", "b-2", 120, 180).value());
  EXPECT_TRUE(l.acquire("sweep", "a-1", 130, 190).value());  // its own: renewed
  EXPECT_EQ(l.holder("sweep", 150).value(), "a-1");
  EXPECT_FALSE(l.extend("sweep", "b-2", 500).value());
  EXPECT_TRUE(l.extend("sweep", "a-1", 200).value());
  EXPECT_FALSE(l.acquire("sweep", "b-2", 199, 260).value());
  EXPECT_TRUE(l.acquire("sweep", "b-2", 200, 260).value());  // a-1's lease lapsed
  EXPECT_EQ(l.holder("sweep", 210).value(), "b-2");
  EXPECT_EQ(l.holder("sweep", 260).value(), std::nullopt);
  ASSERT_TRUE(l.release("sweep", "a-1").ok());  // not its lease: nothing happens
  EXPECT_EQ(l.holder("sweep", 210).value(), "b-2");
  ASSERT_TRUE(l.release("sweep", "b-2").ok());
  EXPECT_EQ(l.holder("sweep", 210).value(), std::nullopt);
  EXPECT_TRUE(l.acquire("sweep", "c-3", 210, 270).value());
  const auto row = l.row("sweep").value();
  ASSERT_TRUE(row);
  EXPECT_EQ(row->holder, "c-3");
  EXPECT_EQ(row->acquired_at, 210);
  EXPECT_EQ(row->expires_at, 270);
}

TYPED_TEST(LeasesTest, ConcurrentAcquirersGetALeaseExactlyOnce) {
  ASSERT_TRUE(Leases::open(this->store().database()).ok());
  constexpr int kThreads = 6;
  constexpr int kNames = 40;
  std::atomic<int> won{0};
  std::atomic<int> errors{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      auto store = this->open_again();
      if (!store) return;
      auto leases = Leases::open(store->database());
      if (!leases.ok()) {
        ++errors;
        return;
      }
      for (int n = 0; n < kNames; ++n) {
        auto got = leases.value().acquire("file:" + std::to_string(n), "d-" + std::to_string(t),
                                          1000, 2000);
        if (!got.ok()) {
          ++errors;
        } else if (got.value()) {
          ++won;
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(errors.load(), 0);
  EXPECT_EQ(won.load(), kNames);
}

}  // namespace
}  // namespace ordex::app::serve
