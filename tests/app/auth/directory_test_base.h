#pragma once
// A Directory on a fresh store of each engine (tests/orders/store_test_base.h), with cheap
// password hashing (the iteration count is stored in each hash, so this changes nothing but
// the time), and a way to read the auth tables directly.

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>

#include "../../orders/store_test_base.h"
#include "app/auth/directory.h"
#include "orders/database.h"
#include "orders/sql_query.h"

namespace ordex::app::auth::testing {

using orders::testing::StoreTest;

inline constexpr std::int64_t kT0 = 1'800'000'000;  // 2027-01-15T08:00:00Z
inline constexpr DirectoryOptions kFastOptions{.session_minutes = 10, .pbkdf2_iterations = 1000};

template <typename E>
class DirectoryTest : public StoreTest<E> {
 protected:
  void SetUp() override {
    StoreTest<E>::SetUp();
    if (this->IsSkipped() || this->HasFatalFailure()) return;
    directory_ = open_on(this->store());
    ASSERT_TRUE(directory_);
  }
  void TearDown() override {
    directory_.reset();
    StoreTest<E>::TearDown();
  }

  static std::unique_ptr<Directory> open_on(orders::Store& store,
                                            DirectoryOptions options = kFastOptions) {
    auto d = Directory::open(store.database(), options);
    EXPECT_TRUE(d.ok()) << d.error();
    return d.ok() ? std::make_unique<Directory>(std::move(d).value()) : nullptr;
  }

  Directory& dir() { return *directory_; }

  // The first text column of `sql` (one `?` text parameter), or nullopt when no row.
  std::optional<std::string> read_text(const char* name, const char* sql,
                                       const std::string& param) {
    auto q = this->store().database().prepare(orders::SqlQuery{name, "t", "t", sql});
    EXPECT_TRUE(q.ok()) << q.error();
    if (!q.ok()) return std::nullopt;
    q.value()->set(0, param);
    orders::Status s = this->store().database().run(*q.value());
    EXPECT_TRUE(s.ok()) << s.error();
    if (!s.ok() || q.value()->rows() == 0) return std::nullopt;
    return q.value()->text(0, 0);
  }

  // Adds `user` with password "password-<user>".
  void add(const std::string& user, Role role = Role::kRep) {
    ORDEX_ASSERT_OK(dir().add_user(user, "password-" + user, role, kT0));
  }

 private:
  std::unique_ptr<Directory> directory_;
};

using orders::testing::StoreEngineNames;
using orders::testing::StoreEngines;

}  // namespace ordex::app::auth::testing
