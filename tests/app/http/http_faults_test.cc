// Faults: a database that cannot be opened (503 on every route that needs it, /healthz still
// 200, /readyz 503), and HTTPS with a certificate made for the test.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "tests/app/http/http_test_base.h"

namespace ordex::app::http::testing {
namespace {

namespace fs = std::filesystem;

TEST(HttpFaultsTest, UnreachableDatabaseIs503NeverACrash) {
  HttpSettings settings;
  settings.db = "/nonexistent-dir-for-ordex-tests/sub/store.db";
  settings.port = 0;
  settings.threads = 2;
  HttpService service(settings, {});
  ASSERT_TRUE(service.start().ok());
  const HttpClient client(service.port());
  EXPECT_EQ(client.call("GET", "/healthz").status, 200);
  const Reply ready = client.call("GET", "/readyz");
  EXPECT_EQ(ready.status, 503);
  EXPECT_NE(ready.body.find("\"ready\":false"), std::string::npos);
  const Reply list =
      client.call("GET", "/api/v1/exceptions", "", {{"Authorization", "Bearer ordex_whatever"}});
  EXPECT_EQ(list.status, 503);
  EXPECT_EQ(list.error_code(), "unavailable");
  EXPECT_EQ(list.header("Retry-After"), "5");
  const Reply login =
      client.call("POST", "/api/v1/login", R"({"user":"rita","password":"whatever"})");
  EXPECT_EQ(login.status, 503);
  const Reply metrics = client.call("GET", "/metrics");
  EXPECT_EQ(metrics.status, 200);
  EXPECT_NE(metrics.body.find("ordex_database_up 0"), std::string::npos);
  service.stop();
}

template <typename E>
class HttpTlsTest : public HttpApiTest<E> {};
using SqliteOnly = ::testing::Types<SqliteEngine>;
TYPED_TEST_SUITE(HttpTlsTest, SqliteOnly, StoreEngineNames);

TYPED_TEST(HttpTlsTest, ServesHttpsWithSecureCookies) {
  const fs::path dir = fs::temp_directory_path() / ("ordex-tls-" + std::to_string(getpid()));
  fs::create_directories(dir);
  const std::string key = (dir / "key.pem").string(), cert = (dir / "cert.pem").string();
  const std::string openssl =
      "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost -keyout " + key +
      " -out " + cert + " >/dev/null 2>&1";
  if (std::system(openssl.c_str()) != 0) {
    fs::remove_all(dir);
    GTEST_SKIP() << "the openssl command cannot make a certificate here";
  }
  this->stop();
  HttpSettings settings;
  settings.tls_cert = cert;
  settings.tls_key = key;
  ASSERT_NO_FATAL_FAILURE(this->start(settings));
  EXPECT_EQ(this->get("/healthz", "").status, 200);
  EXPECT_EQ(this->get("/api/v1/exceptions", "rita").status, 200);
  const Reply login = this->client().call(
      "POST", "/api/v1/login",
      std::string(R"({"user":"rita","password":")") + HttpFixture::kPassword + "\"}");
  ASSERT_EQ(login.status, 200) << login.body;
  EXPECT_NE(login.header("Set-Cookie").find("ecure"), std::string::npos)
      << login.header("Set-Cookie");
  EXPECT_FALSE(login.header("Strict-Transport-Security").empty());
  // Plain HTTP to the TLS port gets no answer, never a crash.
  EXPECT_ANY_THROW(HttpClient(this->port()).call("GET", "/healthz"));
  this->stop();
  fs::remove_all(dir);
}

}  // namespace
}  // namespace ordex::app::http::testing
