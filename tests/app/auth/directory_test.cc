// Users and roles in the Directory, on each engine.
#include <algorithm>

#include "app/auth/password_hash.h"
#include "directory_test_base.h"

namespace ordex::app::auth::testing {
namespace {

template <typename E>
class DirectoryUsersTest : public DirectoryTest<E> {};
TYPED_TEST_SUITE(DirectoryUsersTest, StoreEngines, StoreEngineNames);

TEST(Roles, AreOrderedAndNamed) {
  EXPECT_TRUE(at_least(Role::kAdmin, Role::kManager));
  EXPECT_TRUE(at_least(Role::kManager, Role::kLead));
  EXPECT_TRUE(at_least(Role::kLead, Role::kRep));
  EXPECT_TRUE(at_least(Role::kLead, Role::kLead));
  EXPECT_FALSE(at_least(Role::kRep, Role::kLead));
  EXPECT_FALSE(at_least(Role::kManager, Role::kAdmin));
  for (Role r : {Role::kRep, Role::kLead, Role::kManager, Role::kAdmin}) {
    EXPECT_EQ(role_from(role_name(r)), r);
  }
  EXPECT_EQ(role_name(Role::kManager), "manager");
  EXPECT_FALSE(role_from("Admin"));
  EXPECT_FALSE(role_from("root"));
  EXPECT_FALSE(role_from(""));
}

TYPED_TEST(DirectoryUsersTest, StoresOnlyASaltedHashOfThePassword) {
  ORDEX_ASSERT_OK(this->dir().add_user("alice", "s3cret-pass", Role::kLead, kT0));
  auto hash = this->read_text("t_hash", "SELECT password_hash FROM users WHERE name = ?", "alice");
  ASSERT_TRUE(hash);
  EXPECT_EQ(hash->rfind("pbkdf2-sha256$1000$", 0), 0u) << *hash;
  EXPECT_EQ(hash->find("s3cret-pass"), std::string::npos);
  EXPECT_TRUE(verify_password("s3cret-pass", *hash));
}

TYPED_TEST(DirectoryUsersTest, DefaultOptionsUseAtLeast100kIterations) {
  auto slow = this->open_on(this->store(), DirectoryOptions{});
  ASSERT_TRUE(slow);
  ORDEX_ASSERT_OK(slow->add_user("bob", "long enough", Role::kRep, kT0));
  auto hash = this->read_text("t_hash2", "SELECT password_hash FROM users WHERE name = ?", "bob");
  ASSERT_TRUE(hash);
  EXPECT_EQ(hash->rfind("pbkdf2-sha256$120000$", 0), 0u) << *hash;
  auto who = slow->login("bob", "long enough", kT0);
  ORDEX_ASSERT_OK(who);
  EXPECT_TRUE(who.value());
}

TYPED_TEST(DirectoryUsersTest, ListsUsersWithRolesAndFlags) {
  this->add("carol", Role::kAdmin);
  this->add("alice", Role::kRep);
  ORDEX_ASSERT_OK(this->dir().set_disabled("alice", true));
  auto users = this->dir().users();
  ORDEX_ASSERT_OK(users);
  ASSERT_EQ(users.value().size(), 2u);
  EXPECT_EQ(users.value()[0].user, "alice");
  EXPECT_EQ(users.value()[0].role, Role::kRep);
  EXPECT_TRUE(users.value()[0].disabled);
  EXPECT_EQ(users.value()[0].created_at, kT0);
  EXPECT_EQ(users.value()[1].user, "carol");
  EXPECT_EQ(users.value()[1].role, Role::kAdmin);
  EXPECT_FALSE(users.value()[1].disabled);
}

TYPED_TEST(DirectoryUsersTest, RefusesDuplicatesBadNamesAndShortPasswords) {
  this->add("alice");
  orders::Status again = this->dir().add_user("alice", "another-one", Role::kAdmin, kT0);
  ASSERT_FALSE(again.ok());
  EXPECT_NE(again.error().find("already exists"), std::string::npos) << again.error();
  EXPECT_FALSE(this->dir().add_user("", "long enough", Role::kRep, kT0).ok());
  EXPECT_FALSE(this->dir().add_user("a b", "long enough", Role::kRep, kT0).ok());
  EXPECT_FALSE(
      this->dir().add_user("x'; DROP TABLE users;--", "long enough", Role::kRep, kT0).ok());
  EXPECT_FALSE(this->dir().add_user(std::string(65, 'a'), "long enough", Role::kRep, kT0).ok());
  EXPECT_FALSE(this->dir().add_user("dave", "short", Role::kRep, kT0).ok());
  auto users = this->dir().users();
  ORDEX_ASSERT_OK(users);
  ASSERT_EQ(users.value().size(), 1u);
  EXPECT_EQ(users.value()[0].role, Role::kRep);  // the duplicate did not overwrite
}

TYPED_TEST(DirectoryUsersTest, ChangesForAnUnknownUserAreErrors) {
  EXPECT_FALSE(this->dir().set_password("nobody", "long enough").ok());
  EXPECT_FALSE(this->dir().set_role("nobody", Role::kAdmin).ok());
  EXPECT_FALSE(this->dir().set_disabled("nobody", true).ok());
  EXPECT_FALSE(this->dir().issue_token("nobody", "ci", kT0).ok());
}

TYPED_TEST(DirectoryUsersTest, RoleChangesApplyToLiveSessionsAndTokens) {
  this->add("alice", Role::kRep);
  auto who = this->dir().login("alice", "password-alice", kT0);
  ORDEX_ASSERT_OK(who);
  ASSERT_TRUE(who.value());
  EXPECT_EQ(who.value()->principal.role, Role::kRep);
  auto token = this->dir().issue_token("alice", "ci", kT0);
  ORDEX_ASSERT_OK(token);
  ORDEX_ASSERT_OK(this->dir().set_role("alice", Role::kManager));
  auto state = this->dir().session(who.value()->session_id, kT0 + 1);
  ORDEX_ASSERT_OK(state);
  ASSERT_TRUE(state.value());
  EXPECT_EQ(state.value()->principal.role, Role::kManager);
  auto by_token = this->dir().verify_token(token.value(), kT0 + 1);
  ORDEX_ASSERT_OK(by_token);
  ASSERT_TRUE(by_token.value());
  EXPECT_EQ(by_token.value()->role, Role::kManager);
}

TYPED_TEST(DirectoryUsersTest, NewPasswordReplacesTheOldAndEndsSessions) {
  this->add("alice");
  auto who = this->dir().login("alice", "password-alice", kT0);
  ORDEX_ASSERT_OK(who);
  ASSERT_TRUE(who.value());
  ORDEX_ASSERT_OK(this->dir().set_password("alice", "brand new secret"));
  auto old_session = this->dir().session(who.value()->session_id, kT0 + 1);
  ORDEX_ASSERT_OK(old_session);
  EXPECT_FALSE(old_session.value());
  auto with_old = this->dir().login("alice", "password-alice", kT0 + 2);
  ORDEX_ASSERT_OK(with_old);
  EXPECT_FALSE(with_old.value());
  auto with_new = this->dir().login("alice", "brand new secret", kT0 + 3);
  ORDEX_ASSERT_OK(with_new);
  EXPECT_TRUE(with_new.value());
}

TYPED_TEST(DirectoryUsersTest, ReopeningKeepsUsersAndMigratesOnce) {
  this->add("alice");
  auto other = this->open_again();
  ASSERT_TRUE(other);
  auto again = this->open_on(*other);
  ASSERT_TRUE(again);
  auto users = again->users();
  ORDEX_ASSERT_OK(users);
  ASSERT_EQ(users.value().size(), 1u);
  auto version = this->read_text("t_version",
                                 "SELECT CAST(COUNT(*) AS TEXT) FROM "
                                 "auth_schema_version WHERE ? <> ''",
                                 "x");
  ASSERT_TRUE(version);
  EXPECT_EQ(*version, "1");
}

}  // namespace
}  // namespace ordex::app::auth::testing
