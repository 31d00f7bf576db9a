#include "tests/app/http/http_test_base.h"

#include <Poco/JSON/Array.h>
#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/NameValueCollection.h>

#include <filesystem>
#include <iostream>

#include "app/auth/directory.h"
#include "app/clock_option.h"
#include "app/master_command.h"
#include "app/run_command.h"
#include "exceptions/exceptions_config.h"
#include "orders/store.h"
#include "tests/app/capture.h"

namespace ordex::app::http::testing {

namespace {

namespace fs = std::filesystem;
const fs::path kSamples = fs::path(ORDEX_SOURCE_DIR) / "samples";

// The fixture's users, one per role.
const std::pair<const char*, auth::Role> kUsers[] = {{"rita", auth::Role::kRep},
                                                     {"leo", auth::Role::kLead},
                                                     {"mia", auth::Role::kManager},
                                                     {"ada", auth::Role::kAdmin}};

template <typename C>
int run(const std::vector<std::string>& args) {
  C command;
  app::testing::Capture out(std::cout);
  app::testing::Capture err(std::cerr);
  return run_command(command, args);
}

Headers token_header(const std::string& token) {
  if (token.empty()) return {};
  return {{"Authorization", "Bearer " + token}};
}

}  // namespace

void HttpFixture::prepare(const std::string& url) {
  url_ = url;
  now_ = parse_as_of(kDemoAsOf).time_since_epoch().count();
  ASSERT_EQ(run<MasterCommand>({"load", "--db", url_, (kSamples / "master").string()}), 0);
  // 1: the week holds a rejected set and a duplicate interchange on purpose.
  ASSERT_EQ(run<RunCommand>({"--db", url_, "--as-of", kDemoAsOf, "--quiet",
                             (kSamples / "inbound").string(), (kSamples / "outbound").string()}),
            1);
  auto store = orders::Store::open(url_);
  ASSERT_TRUE(store.ok()) << store.error();
  // Few PBKDF2 rounds: the tests log in often; the hash format is the same.
  auto directory = auth::Directory::open(store.value()->database(), {.pbkdf2_iterations = 1000});
  ASSERT_TRUE(directory.ok()) << directory.error();
  for (const auto& [user, role] : kUsers) {
    ASSERT_TRUE(directory.value().add_user(user, kPassword, role, now_).ok());
    auto token = directory.value().issue_token(user, "tests", now_);
    ASSERT_TRUE(token.ok()) << token.error();
    tokens_[user] = token.value();
  }
}

void HttpFixture::start(HttpSettings settings, ServiceHooks hooks) {
  settings.db = url_;
  settings.port = 0;
  if (settings.threads == 16) settings.threads = 4;
  settings.rules = exceptions::ExceptionsConfig::defaults();
  settings.clock = [this] { return now_.load(); };
  tls_ = !settings.tls_cert.empty();
  service_ = std::make_unique<HttpService>(std::move(settings), std::move(hooks));
  orders::Status started = service_->start();
  ASSERT_TRUE(started.ok()) << started.error();
}

Reply HttpFixture::get(const std::string& target, const std::string& user) const {
  return client().call("GET", target, "", token_header(user.empty() ? "" : token(user)));
}

Reply HttpFixture::post(const std::string& target, const std::string& body,
                        const std::string& user) const {
  return client().call("POST", target, body, token_header(user.empty() ? "" : token(user)));
}

BrowserSession HttpFixture::login(const std::string& user) const {
  const Reply r = client().call("POST", "/api/v1/login",
                                "{\"user\":\"" + user + "\",\"password\":\"" + kPassword + "\"}");
  EXPECT_EQ(r.status, 200) << r.body;
  std::vector<Poco::Net::HTTPCookie> cookies;
  r.head.getCookies(cookies);
  BrowserSession session;
  for (const auto& c : cookies) {
    if (c.getName() == "ordex_session") session.cookie = "ordex_session=" + c.getValue();
  }
  EXPECT_FALSE(session.cookie.empty()) << "no session cookie";
  if (r.status == 200) session.csrf = r.json()->getValue<std::string>("csrf_token");
  return session;
}

std::int64_t first_id(const Reply& reply) {
  auto items = reply.json()->getArray("items");
  if (!items || items->size() == 0) return 0;
  return items->getObject(0)->getValue<std::int64_t>("id");
}

}  // namespace ordex::app::http::testing
