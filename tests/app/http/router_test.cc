#include "app/http/router.h"

#include <gtest/gtest.h>

namespace ordex::app::http {
namespace {

Router sample() {
  Router r;
  const auto none = [](Exchange&) {};
  r.add({"GET", "/api/v1/exceptions", auth::Role::kRep, none});
  r.add({"GET", "/api/v1/exceptions/{id}", auth::Role::kRep, none});
  r.add({"POST", "/api/v1/exceptions/{id}/claim", auth::Role::kRep, none});
  r.add({"POST", "/api/v1/exceptions/next", auth::Role::kRep, none});  // after {id} on purpose
  r.add({"GET", "/assets/*", std::nullopt, none});
  return r;
}

TEST(RouterTest, CapturesSegmentsAndTheRest) {
  const Router r = sample();
  RouteMatch m = r.match("GET", "/api/v1/exceptions/42");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->pattern, "/api/v1/exceptions/{id}");
  ASSERT_EQ(m.params.size(), 1u);
  EXPECT_EQ(m.params[0], (std::pair<std::string, std::string>{"id", "42"}));
  m = r.match("POST", "/api/v1/exceptions/42/claim/");  // a trailing slash is no segment
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->pattern, "/api/v1/exceptions/{id}/claim");
  m = r.match("GET", "/assets/css/queue.css");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.params[0].second, "css/queue.css");
  EXPECT_EQ(r.match("GET", "/assets/").route, nullptr);
  EXPECT_EQ(r.match("HEAD", "/api/v1/exceptions").route->method, "GET");
}

TEST(RouterTest, TheMostLiteralPatternNamesTheResourceWhateverTheOrderAdded) {
  const Router r = sample();
  RouteMatch m = r.match("POST", "/api/v1/exceptions/next");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->pattern, "/api/v1/exceptions/next");
  EXPECT_TRUE(m.params.empty());
  m = r.match("GET", "/api/v1/exceptions/next");  // not exception "next"
  EXPECT_EQ(m.route, nullptr);
  EXPECT_EQ(m.allow, "POST");
}

TEST(RouterTest, AnotherMethodIsAllowListedAndAnUnknownPathIsNot) {
  const Router r = sample();
  RouteMatch m = r.match("DELETE", "/api/v1/exceptions/7");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_EQ(m.allow, "GET");
  m = r.match("GET", "/api/v1/nothing");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_EQ(m.allow, "");
}

}  // namespace
}  // namespace ordex::app::http
