// API tokens on each engine: issue, verify, revoke, disabled users, and last use.
#include <regex>

#include "app/auth/secrets.h"
#include "directory_test_base.h"

namespace ordex::app::auth::testing {
namespace {

template <typename E>
class DirectoryTokensTest : public DirectoryTest<E> {
 protected:
  std::string issue(const std::string& user, const std::string& label, std::int64_t at = kT0) {
    auto token = this->dir().issue_token(user, label, at);
    EXPECT_TRUE(token.ok()) << token.error();
    return token.ok() ? token.value() : "";
  }
  std::optional<Principal> verify(const std::string& token, std::int64_t at = kT0 + 1) {
    auto who = this->dir().verify_token(token, at);
    EXPECT_TRUE(who.ok()) << who.error();
    return who.ok() ? who.value() : std::nullopt;
  }
};
TYPED_TEST_SUITE(DirectoryTokensTest, StoreEngines, StoreEngineNames);

TYPED_TEST(DirectoryTokensTest, IssuedTokensVerifyAsTheirUser) {
  this->add("robot", Role::kLead);
  const std::string token = this->issue("robot", "ci");
  static const std::regex kFormat("ordex_[A-Za-z0-9_-]{43}");
  EXPECT_TRUE(std::regex_match(token, kFormat)) << token;
  auto who = this->verify(token);
  ASSERT_TRUE(who);
  EXPECT_EQ(who->user, "robot");
  EXPECT_EQ(who->role, Role::kLead);
  EXPECT_TRUE(who->via_token);
  // Only the digest is stored.
  EXPECT_FALSE(this->read_text("t_tok", "SELECT label FROM api_tokens WHERE digest = ?", token));
  EXPECT_EQ(this->read_text("t_tok2", "SELECT label FROM api_tokens WHERE digest = ?",
                            sha256_base64url(token)),
            "ci");
}

TYPED_TEST(DirectoryTokensTest, AnythingElseIsNotAToken) {
  this->add("robot");
  const std::string token = this->issue("robot", "ci");
  std::string flipped = token;
  flipped.back() = flipped.back() == 'A' ? 'B' : 'A';
  EXPECT_FALSE(this->verify(flipped));
  EXPECT_FALSE(this->verify(""));
  EXPECT_FALSE(this->verify("ordex_"));
  EXPECT_FALSE(this->verify(token.substr(6)));
  EXPECT_FALSE(this->verify(token + "x"));
  EXPECT_FALSE(this->verify(sha256_base64url(token)));
}

TYPED_TEST(DirectoryTokensTest, RevokedTokensStopWorking) {
  this->add("robot");
  const std::string ci = this->issue("robot", "ci");
  const std::string cron = this->issue("robot", "cron");
  ORDEX_ASSERT_OK(this->dir().revoke_tokens("robot", "ci"));
  EXPECT_FALSE(this->verify(ci));
  EXPECT_TRUE(this->verify(cron));
  EXPECT_FALSE(this->dir().revoke_tokens("robot", "ci").ok());  // nothing left to revoke
  // The label is free again after a revoke.
  const std::string ci2 = this->issue("robot", "ci");
  EXPECT_NE(ci2, ci);
  EXPECT_TRUE(this->verify(ci2));
  // No label: every live token of the user.
  ORDEX_ASSERT_OK(this->dir().revoke_tokens("robot", ""));
  EXPECT_FALSE(this->verify(ci2));
  EXPECT_FALSE(this->verify(cron));
}

TYPED_TEST(DirectoryTokensTest, OneLiveTokenPerLabel) {
  this->add("robot");
  this->issue("robot", "ci");
  EXPECT_FALSE(this->dir().issue_token("robot", "ci", kT0).ok());
  EXPECT_FALSE(this->dir().issue_token("robot", "", kT0).ok());
  this->add("other");
  EXPECT_TRUE(this->dir().issue_token("other", "ci", kT0).ok());  // labels are per user
}

TYPED_TEST(DirectoryTokensTest, DisabledUsersTokensStopUntilEnabled) {
  this->add("robot");
  const std::string token = this->issue("robot", "ci");
  ORDEX_ASSERT_OK(this->dir().set_disabled("robot", true));
  EXPECT_FALSE(this->verify(token));
  ORDEX_ASSERT_OK(this->dir().set_disabled("robot", false));
  EXPECT_TRUE(this->verify(token));
}

TYPED_TEST(DirectoryTokensTest, RecordsLastUseAtMostOnceAMinute) {
  this->add("robot");
  const std::string token = this->issue("robot", "ci");
  const std::string digest = sha256_base64url(token);
  const char* sql = "SELECT CAST(last_used_at AS TEXT) FROM api_tokens WHERE digest = ?";
  ASSERT_TRUE(this->verify(token, kT0 + 100));
  EXPECT_EQ(this->read_text("t_used1", sql, digest), std::to_string(kT0 + 100));
  ASSERT_TRUE(this->verify(token, kT0 + 130));
  EXPECT_EQ(this->read_text("t_used2", sql, digest), std::to_string(kT0 + 100));
  ASSERT_TRUE(this->verify(token, kT0 + 160));
  EXPECT_EQ(this->read_text("t_used3", sql, digest), std::to_string(kT0 + 160));
}

TYPED_TEST(DirectoryTokensTest, ASecondDaemonSeesTokensAndRevokes) {
  this->add("robot");
  const std::string token = this->issue("robot", "ci");
  auto other_store = this->open_again();
  ASSERT_TRUE(other_store);
  auto other = this->open_on(*other_store);
  ASSERT_TRUE(other);
  auto who = other->verify_token(token, kT0 + 1);
  ORDEX_ASSERT_OK(who);
  ASSERT_TRUE(who.value());
  ORDEX_ASSERT_OK(other->revoke_tokens("robot", "ci"));
  EXPECT_FALSE(this->verify(token, kT0 + 2));
}

}  // namespace
}  // namespace ordex::app::auth::testing
