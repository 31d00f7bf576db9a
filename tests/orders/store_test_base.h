#pragma once
// The generic store test fixture: every store test is written once against StoreTest<Engine>
// and runs on each engine (STYLE practice 9). An engine makes a fresh, empty database per test
// and drops it afterwards: a temporary SQLite file, or a PostgreSQL schema in the cluster named
// by ORDEX_TEST_PG_URL (scripts/pg-test-cluster start prints one). Without that variable the
// PostgreSQL instances are skipped, saying so.
//
//   template <typename E> class StoreOrdersTest : public StoreTest<E> {};
//   TYPED_TEST_SUITE(StoreOrdersTest, StoreEngines, StoreEngineNames);
//   TYPED_TEST(StoreOrdersTest, Something) { Store& s = this->store(); ... }

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "orders/store.h"

namespace ordex::orders::testing {

class TestDatabase {
 public:
  virtual ~TestDatabase() = default;
  virtual std::string unavailable() const = 0;  // why the engine cannot run here, or ""
  virtual Result<std::string> create() = 0;     // a fresh database; its URL for Store::open
  virtual void drop() = 0;
  // Runs raw SQL on the database, for tests that must reach past the Store API (a schema
  // version from the future); "" on success, else the error.
  virtual std::string execute(const std::string& sql) = 0;
};

struct SqliteEngine {
  static std::unique_ptr<TestDatabase> make();
};
struct PostgresEngine {
  static std::unique_ptr<TestDatabase> make();
};

using StoreEngines = ::testing::Types<SqliteEngine, PostgresEngine>;

struct StoreEngineNames {
  template <typename E>
  static std::string GetName(int) {
    return std::is_same_v<E, SqliteEngine> ? "Sqlite" : "Postgres";
  }
};

template <typename E>
class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = E::make();
    if (const std::string why = db_->unavailable(); !why.empty()) GTEST_SKIP() << why;
    Result<std::string> url = db_->create();
    ASSERT_TRUE(url.ok()) << url.error();
    url_ = url.value();
    Result<std::unique_ptr<Store>> store = Store::open(url_);
    ASSERT_TRUE(store.ok()) << store.error();
    store_ = std::move(store).value();
  }

  void TearDown() override {
    store_.reset();
    if (db_ && !url_.empty()) db_->drop();
  }

  Store& store() { return *store_; }
  const std::string& url() const { return url_; }
  TestDatabase& db() { return *db_; }

  // A second session on the same database (what another process would see).
  std::unique_ptr<Store> open_again(const StoreOptions& options = {}) {
    Result<std::unique_ptr<Store>> other = Store::open(url_, options);
    EXPECT_TRUE(other.ok()) << other.error();
    return other.ok() ? std::move(other).value() : nullptr;
  }

 private:
  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<Store> store_;
  std::string url_;
};

// Asserts a Status / Result is ok, printing its error otherwise.
#define ORDEX_ASSERT_OK(expr)                                 \
  do {                                                        \
    const auto& ordex_result_ = (expr);                       \
    ASSERT_TRUE(ordex_result_.ok()) << ordex_result_.error(); \
  } while (false)

}  // namespace ordex::orders::testing
