// Who may do what: login and its cookie, CSRF on cookie-authenticated changes, API tokens,
// roles, session expiry and logout.
#include "tests/app/http/http_test_base.h"

namespace ordex::app::http::testing {
namespace {

template <typename E>
class HttpAuthTest : public HttpApiTest<E> {};
TYPED_TEST_SUITE(HttpAuthTest, StoreEngines, StoreEngineNames);

TYPED_TEST(HttpAuthTest, LoginSetsAHardenedCookieAndMeAnswersWithTheCsrfToken) {
  const Reply bad =
      this->client().call("POST", "/api/v1/login", R"({"user":"rita","password":"wrong"})");
  EXPECT_EQ(bad.status, 401);
  EXPECT_EQ(bad.error_code(), "unauthenticated");
  const Reply nobody =
      this->client().call("POST", "/api/v1/login", R"({"user":"nobody","password":"wrong"})");
  EXPECT_EQ(nobody.body, bad.body) << "the answer must not tell which users exist";

  const Reply ok = this->client().call(
      "POST", "/api/v1/login",
      std::string(R"({"user":"rita","password":")") + HttpFixture::kPassword + "\"}");
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.json()->template getValue<std::string>("user"), "rita");
  EXPECT_EQ(ok.json()->template getValue<std::string>("role"), "rep");
  const std::string set_cookie = ok.header("Set-Cookie");
  EXPECT_NE(set_cookie.find("ordex_session="), std::string::npos) << set_cookie;
  EXPECT_NE(set_cookie.find("HttpOnly"), std::string::npos) << set_cookie;
  EXPECT_NE(set_cookie.find("SameSite=Strict"), std::string::npos) << set_cookie;
  EXPECT_NE(set_cookie.find("ath=/"), std::string::npos) << set_cookie;  // Path or path
  EXPECT_EQ(set_cookie.find("ecure"), std::string::npos) << "no Secure without TLS";

  const BrowserSession s = this->login("rita");
  const Reply me = this->client().call("GET", "/api/v1/me", "", {{"Cookie", s.cookie}});
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(me.json()->template getValue<std::string>("csrf_token"), s.csrf);
  const Reply by_token = this->get("/api/v1/me", "leo");
  ASSERT_EQ(by_token.status, 200);
  EXPECT_EQ(by_token.json()->template getValue<std::string>("role"), "lead");
  EXPECT_TRUE(by_token.json()->isNull("csrf_token"));
}

TYPED_TEST(HttpAuthTest, CookieChangesNeedTheCsrfTokenTokensDoNot) {
  const BrowserSession s = this->login("rita");
  const std::int64_t id = first_id(this->get("/api/v1/exceptions?view=unassigned", "rita"));
  ASSERT_GT(id, 0);
  const std::string claim = "/api/v1/exceptions/" + std::to_string(id) + "/claim";
  const Reply missing = this->client().call("POST", claim, "", {{"Cookie", s.cookie}});
  EXPECT_EQ(missing.status, 403);
  EXPECT_EQ(missing.error_code(), "csrf");
  const Reply wrong =
      this->client().call("POST", claim, "", {{"Cookie", s.cookie}, {"X-CSRF-Token", "forged"}});
  EXPECT_EQ(wrong.error_code(), "csrf");
  const Reply right =
      this->client().call("POST", claim, "", {{"Cookie", s.cookie}, {"X-CSRF-Token", s.csrf}});
  EXPECT_EQ(right.status, 200) << right.body;
  EXPECT_EQ(right.json()->template getValue<std::string>("claimed_by"), "rita");
  // Reads need no token.
  EXPECT_EQ(this->client().call("GET", "/api/v1/exceptions", "", {{"Cookie", s.cookie}}).status,
            200);
  // An API token needs no CSRF token.
  EXPECT_EQ(this->post(claim, "", "rita").status, 200);
}

TYPED_TEST(HttpAuthTest, MissingOrUnknownCredentialsAre401) {
  const Reply none = this->get("/api/v1/exceptions", "");
  EXPECT_EQ(none.status, 401);
  EXPECT_EQ(none.error_code(), "unauthenticated");
  const Reply forged = this->client().call(
      "GET", "/api/v1/exceptions", "",
      {{"Authorization", "Bearer ordex_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}});
  EXPECT_EQ(forged.status, 401);
  const Reply basic =
      this->client().call("GET", "/api/v1/exceptions", "", {{"Authorization", "Basic cml0YTp4"}});
  EXPECT_EQ(basic.status, 401);
  const Reply stale = this->client().call("GET", "/api/v1/exceptions", "",
                                          {{"Cookie", "ordex_session=not-a-session"}});
  EXPECT_EQ(stale.status, 401);
  EXPECT_EQ(stale.error_code(), "session_expired");
}

TYPED_TEST(HttpAuthTest, RolesAreChecked) {
  const std::int64_t id = first_id(this->get("/api/v1/exceptions", "rita"));
  ASSERT_GT(id, 0);
  const std::string assign = "/api/v1/exceptions/" + std::to_string(id) + "/assign";
  const Reply rep = this->post(assign, R"({"to":"rita"})", "rita");
  EXPECT_EQ(rep.status, 403);
  EXPECT_EQ(rep.error_code(), "forbidden");
  EXPECT_NE(rep.body.find("lead"), std::string::npos) << rep.body;
  EXPECT_EQ(this->post(assign, R"({"to":"rita"})", "leo").status, 200);
  EXPECT_EQ(this->post(assign, R"({"to":"rita"})", "mia").status, 200);  // manager >= lead
  EXPECT_EQ(this->post("/api/v1/imports/1/rerun", "", "leo").status, 403);
  EXPECT_EQ(this->post("/api/v1/exceptions/bulk", R"({"action":"claim","ids":[1]})", "rita").status,
            403);
}

TYPED_TEST(HttpAuthTest, IdleSessionsExpireAndLogoutEndsOne) {
  const BrowserSession s = this->login("rita");
  const Headers cookie = {{"Cookie", s.cookie}};
  EXPECT_EQ(this->client().call("GET", "/api/v1/me", "", cookie).status, 200);
  this->now() += 7 * 3600;  // used within 8 h: extended
  EXPECT_EQ(this->client().call("GET", "/api/v1/me", "", cookie).status, 200);
  this->now() += 8 * 3600 + 60;  // idle for longer than 8 h
  const Reply expired = this->client().call("GET", "/api/v1/me", "", cookie);
  EXPECT_EQ(expired.status, 401);
  EXPECT_EQ(expired.error_code(), "session_expired");

  const BrowserSession again = this->login("rita");
  const Headers fresh = {{"Cookie", again.cookie}, {"X-CSRF-Token", again.csrf}};
  const Reply out = this->client().call("POST", "/api/v1/logout", "", fresh);
  EXPECT_EQ(out.status, 204);
  EXPECT_NE(out.header("Set-Cookie").find("ordex_session="), std::string::npos);
  EXPECT_EQ(this->client().call("GET", "/api/v1/me", "", fresh).error_code(), "session_expired");
}

}  // namespace
}  // namespace ordex::app::http::testing
