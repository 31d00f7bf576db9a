#pragma once
// The API test fixture: a real HttpService on a free port over a real store (a temporary SQLite
// file, or a PostgreSQL schema when ORDEX_TEST_PG_URL is set) holding the demo week
// (samples/: master data, then `ordex run` over the inbound and outbound files at the demo's
// as-of), with a user of each role and an API token for each. The service's clock is the
// fixture's `now`, which a test may move (session expiry).
//
//   TYPED_TEST(HttpApiTest, Something) { auto r = this->get("/api/v1/exceptions", "rita"); }

#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <memory>
#include <string>

#include "app/http/http_service.h"
#include "tests/app/http/http_client.h"
#include "tests/orders/store_test_base.h"

namespace ordex::app::http::testing {

using orders::testing::PostgresEngine;
using orders::testing::SqliteEngine;
using orders::testing::StoreEngineNames;
using orders::testing::StoreEngines;

// The demo week's as-of (samples/README.md): the queue as a rep finds it that morning.
inline constexpr const char* kDemoAsOf = "2026-11-23T08:00:00-06:00";

// A browser session: the cookie header to send back and the CSRF token.
struct BrowserSession {
  std::string cookie;  // "ordex_session=..."
  std::string csrf;
};

class HttpFixture {
 public:
  // Loads the demo week into `url` and creates the users; then start() the service.
  void prepare(const std::string& url);
  void start(HttpSettings settings = {}, ServiceHooks hooks = {});
  void stop() { service_.reset(); }

  std::atomic<std::int64_t>& now() { return now_; }
  std::uint16_t port() const { return service_->port(); }
  HttpService& service() { return *service_; }
  HttpClient client() const { return HttpClient(port(), tls_); }

  // Requests with `user`'s API token ("" = none).
  Reply get(const std::string& target, const std::string& user) const;
  Reply post(const std::string& target, const std::string& body, const std::string& user) const;
  // Logs in with the password every fixture user has; asserts it worked.
  BrowserSession login(const std::string& user) const;

  const std::string& url() const { return url_; }
  std::string token(const std::string& user) const { return tokens_.at(user); }

  static constexpr const char* kPassword = "correct horse battery";

 private:
  std::string url_;
  bool tls_ = false;
  std::atomic<std::int64_t> now_{0};
  std::map<std::string, std::string> tokens_;
  std::unique_ptr<HttpService> service_;
};

template <typename E>
class HttpApiTest : public ::testing::Test, public HttpFixture {
 protected:
  void SetUp() override {
    db_ = E::make();
    if (const std::string why = db_->unavailable(); !why.empty()) GTEST_SKIP() << why;
    orders::Result<std::string> url = db_->create();
    ASSERT_TRUE(url.ok()) << url.error();
    created_ = true;
    ASSERT_NO_FATAL_FAILURE(prepare(url.value()));
    ASSERT_NO_FATAL_FAILURE(start());
  }
  void TearDown() override {
    stop();
    if (created_) db_->drop();
  }

 private:
  std::unique_ptr<orders::testing::TestDatabase> db_;
  bool created_ = false;
};

// The first exception id of `reply`'s items, 0 when there is none.
std::int64_t first_id(const Reply& reply);

}  // namespace ordex::app::http::testing
