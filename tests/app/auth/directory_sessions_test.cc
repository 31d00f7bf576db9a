// Browser sessions on each engine: login, idle expiry at its boundary, the once-a-minute
// extension, logout, disabled users, and two Directories (two daemons) on one database.
#include "app/auth/secrets.h"
#include "directory_test_base.h"

namespace ordex::app::auth::testing {
namespace {

template <typename E>
class DirectorySessionsTest : public DirectoryTest<E> {
 protected:
  // Logs alice in at `at`; fails the test when that does not give a session.
  NewSession login_alice(std::int64_t at = kT0) {
    auto who = this->dir().login("alice", "password-alice", at);
    EXPECT_TRUE(who.ok()) << who.error();
    EXPECT_TRUE(who.ok() && who.value().has_value());
    return who.ok() && who.value() ? *who.value() : NewSession{};
  }
  std::optional<SessionState> check(const std::string& id, std::int64_t at) {
    return check_with(this->dir(), id, at);
  }
  static std::optional<SessionState> check_with(Directory& d, const std::string& id,
                                                std::int64_t at) {
    auto state = d.session(id, at);
    EXPECT_TRUE(state.ok()) << state.error();
    return state.ok() ? state.value() : std::nullopt;
  }
};
TYPED_TEST_SUITE(DirectorySessionsTest, StoreEngines, StoreEngineNames);

TYPED_TEST(DirectorySessionsTest, LoginGivesRandomSecretsAndStoresOnlyTheirDigest) {
  this->add("alice", Role::kLead);
  const NewSession a = this->login_alice();
  const NewSession b = this->login_alice();
  EXPECT_EQ(a.principal.user, "alice");
  EXPECT_EQ(a.principal.role, Role::kLead);
  EXPECT_FALSE(a.principal.via_token);
  EXPECT_EQ(a.session_id.size(), 43u);  // 32 bytes, base64url
  EXPECT_EQ(a.csrf_token.size(), 43u);
  EXPECT_EQ(a.session_id.find_first_not_of(
                "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
            std::string::npos);
  EXPECT_NE(a.session_id, b.session_id);
  EXPECT_NE(a.csrf_token, b.csrf_token);
  EXPECT_NE(a.session_id, a.csrf_token);
  EXPECT_EQ(a.expires_at, kT0 + 600);
  // The cookie value is not in the table, its SHA-256 is.
  EXPECT_FALSE(
      this->read_text("t_plain", "SELECT user_name FROM sessions WHERE id = ?", a.session_id));
  EXPECT_EQ(this->read_text("t_digest", "SELECT user_name FROM sessions WHERE id = ?",
                            sha256_base64url(a.session_id)),
            "alice");
}

TYPED_TEST(DirectorySessionsTest, WrongPasswordAndUnknownUserGiveNoSession) {
  this->add("alice");
  for (const auto& [user, password] : std::vector<std::pair<std::string, std::string>>{
           {"alice", "password-alicE"}, {"alice", ""}, {"bob", "password-alice"}, {"", ""}}) {
    auto who = this->dir().login(user, password, kT0);
    ORDEX_ASSERT_OK(who);
    EXPECT_FALSE(who.value()) << user << " / " << password;
  }
}

TYPED_TEST(DirectorySessionsTest, UnknownSessionIdsAreNotSessions) {
  this->add("alice");
  const NewSession s = this->login_alice();
  EXPECT_FALSE(this->check("", kT0));
  EXPECT_FALSE(this->check(s.csrf_token, kT0));
  EXPECT_FALSE(this->check(sha256_base64url(s.session_id), kT0));  // the stored digest
  ASSERT_TRUE(this->check(s.session_id, kT0));
  EXPECT_EQ(this->check(s.session_id, kT0)->csrf_token, s.csrf_token);
}

TYPED_TEST(DirectorySessionsTest, ExpiresExactlyAtTheIdleLimit) {
  this->add("alice");
  const NewSession s = this->login_alice();
  ASSERT_EQ(s.expires_at, kT0 + 600);
  EXPECT_FALSE(this->check(s.session_id, kT0 + 600));
  const NewSession t = this->login_alice();
  EXPECT_TRUE(this->check(t.session_id, kT0 + 599));
}

TYPED_TEST(DirectorySessionsTest, UseExtendsTheExpiryAtMostOnceAMinute) {
  this->add("alice");
  const NewSession s = this->login_alice();
  // 30 s later: within the minute, nothing written, the expiry stays.
  auto early = this->check(s.session_id, kT0 + 30);
  ASSERT_TRUE(early);
  EXPECT_EQ(early->expires_at, kT0 + 600);
  // 5 minutes later: moved to 10 minutes from then.
  auto later = this->check(s.session_id, kT0 + 300);
  ASSERT_TRUE(later);
  EXPECT_EQ(later->expires_at, kT0 + 900);
  // Alive past the original expiry, dead at the new one.
  EXPECT_TRUE(this->check(s.session_id, kT0 + 650));
  EXPECT_FALSE(this->check(s.session_id, kT0 + 650 + 600));
}

TYPED_TEST(DirectorySessionsTest, TheExtensionIsStored) {
  this->add("alice");
  const NewSession s = this->login_alice();
  ASSERT_TRUE(this->check(s.session_id, kT0 + 500));  // now expires kT0 + 1100
  auto other_store = this->open_again();
  ASSERT_TRUE(other_store);
  auto other = this->open_on(*other_store);
  ASSERT_TRUE(other);
  auto seen = this->check_with(*other, s.session_id, kT0 + 1000);
  ASSERT_TRUE(seen);
  EXPECT_EQ(seen->principal.user, "alice");
}

TYPED_TEST(DirectorySessionsTest, LogoutEndsTheSessionOnly) {
  this->add("alice");
  const NewSession a = this->login_alice();
  const NewSession b = this->login_alice();
  ORDEX_ASSERT_OK(this->dir().logout(a.session_id));
  EXPECT_FALSE(this->check(a.session_id, kT0 + 1));
  EXPECT_TRUE(this->check(b.session_id, kT0 + 1));
  ORDEX_ASSERT_OK(this->dir().logout(a.session_id));  // twice is harmless
  ORDEX_ASSERT_OK(this->dir().logout("never issued"));
}

TYPED_TEST(DirectorySessionsTest, DisabledUsersCannotLogInAndLoseTheirSessions) {
  this->add("alice");
  const NewSession s = this->login_alice();
  ORDEX_ASSERT_OK(this->dir().set_disabled("alice", true));
  EXPECT_FALSE(this->check(s.session_id, kT0 + 1));
  auto refused = this->dir().login("alice", "password-alice", kT0 + 2);
  ORDEX_ASSERT_OK(refused);
  EXPECT_FALSE(refused.value());
  // Enabling again lets the user log in, but does not revive the old session.
  ORDEX_ASSERT_OK(this->dir().set_disabled("alice", false));
  EXPECT_FALSE(this->check(s.session_id, kT0 + 3));
  const NewSession again = this->login_alice(kT0 + 4);
  EXPECT_TRUE(this->check(again.session_id, kT0 + 5));
}

TYPED_TEST(DirectorySessionsTest, ASecondDaemonSharesSessions) {
  this->add("alice", Role::kAdmin);
  auto other_store = this->open_again();
  ASSERT_TRUE(other_store);
  auto other = this->open_on(*other_store);
  ASSERT_TRUE(other);
  // Logged in through the first, used through the second.
  const NewSession s = this->login_alice();
  auto seen = this->check_with(*other, s.session_id, kT0 + 10);
  ASSERT_TRUE(seen);
  EXPECT_EQ(seen->principal.user, "alice");
  EXPECT_EQ(seen->principal.role, Role::kAdmin);
  EXPECT_EQ(seen->csrf_token, s.csrf_token);
  // Logged out through the second: gone for the first.
  ORDEX_ASSERT_OK(other->logout(s.session_id));
  EXPECT_FALSE(this->check(s.session_id, kT0 + 11));
  // A user added by the second can log in through the first.
  ORDEX_ASSERT_OK(other->add_user("bob", "bob's password", Role::kRep, kT0));
  auto bob = this->dir().login("bob", "bob's password", kT0 + 12);
  ORDEX_ASSERT_OK(bob);
  EXPECT_TRUE(bob.value());
}

TYPED_TEST(DirectorySessionsTest, LoginDropsExpiredSessions) {
  this->add("alice");
  const NewSession old = this->login_alice();
  const NewSession fresh = this->login_alice(kT0 + 700);  // old expired at kT0 + 600
  EXPECT_FALSE(this->read_text("t_old", "SELECT user_name FROM sessions WHERE id = ?",
                               sha256_base64url(old.session_id)));
  EXPECT_TRUE(this->read_text("t_fresh", "SELECT user_name FROM sessions WHERE id = ?",
                              sha256_base64url(fresh.session_id)));
}

}  // namespace
}  // namespace ordex::app::auth::testing
