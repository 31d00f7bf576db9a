// Bad input gets a clear 4xx in the contract's error shape, never a 500: malformed JSON,
// unknown fields, oversize bodies, bad ids, unknown routes and methods, bad query values.
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/StreamCopier.h>

#include "tests/app/http/http_test_base.h"

namespace ordex::app::http::testing {
namespace {

template <typename E>
class HttpErrorsTest : public HttpApiTest<E> {};
TYPED_TEST_SUITE(HttpErrorsTest, StoreEngines, StoreEngineNames);

std::string note_path(std::int64_t id) {
  return "/api/v1/exceptions/" + std::to_string(id) + "/note";
}

TYPED_TEST(HttpErrorsTest, BodiesThatAreNotWhatTheRouteTakes) {
  const std::int64_t id = first_id(this->get("/api/v1/exceptions", "rita"));
  ASSERT_GT(id, 0);
  const struct {
    std::string body;
    int status;
    std::string code;
  } cases[] = {
      {R"({"text": "unterminated)", 400, "bad_json"},
      {"[1, 2]", 400, "bad_json"},
      {"\"a string\"", 400, "bad_json"},
      {R"({"text": "fine", "colour": "red"})", 400, "unknown_field"},
      {R"({"text": 42})", 400, "bad_request"},
      {R"({})", 400, "bad_request"},
      {R"({"text": "a note"})", 200, ""},
  };
  for (const auto& c : cases) {
    const Reply r = this->post(note_path(id), c.body, "rita");
    EXPECT_EQ(r.status, c.status) << c.body << " -> " << r.body;
    if (!c.code.empty()) {
      EXPECT_EQ(r.error_code(), c.code) << c.body << " -> " << r.body;
    }
  }
  const Reply login = this->client().call("POST", "/api/v1/login", R"({"user":"rita"})");
  EXPECT_EQ(login.status, 400);
  const Reply extra = this->client().call("POST", "/api/v1/login",
                                          R"({"user":"rita","password":"x","remember":true})");
  EXPECT_EQ(extra.error_code(), "unknown_field");
}

TYPED_TEST(HttpErrorsTest, OversizeBodiesAre413) {
  const std::int64_t id = first_id(this->get("/api/v1/exceptions", "rita"));
  const std::string huge = R"({"text":")" + std::string(std::size_t{1} << 21, 'x') + "\"}";
  const Reply r = this->post(note_path(id), huge, "rita");
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(r.error_code(), "too_large");
  EXPECT_EQ(this->get("/healthz", "").status, 200) << "the service goes on";
}

TYPED_TEST(HttpErrorsTest, BadAndUnknownIds) {
  for (const char* bad : {"abc", "0", "-3", "12x", "99999999999999999999999"}) {
    const Reply r = this->get(std::string("/api/v1/exceptions/") + bad, "rita");
    EXPECT_EQ(r.status, 400) << bad;
    EXPECT_EQ(r.error_code(), "bad_id") << bad << " -> " << r.body;
  }
  const Reply missing = this->get("/api/v1/exceptions/987654", "rita");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.error_code(), "not_found");
  const Reply merge = this->post("/api/v1/exceptions/1/merge", R"({"into":"x"})", "leo");
  EXPECT_EQ(merge.error_code(), "bad_id");
  const Reply self = this->post("/api/v1/exceptions/1/merge", R"({"into":1})", "leo");
  EXPECT_EQ(self.status, 409) << self.body;
  EXPECT_EQ(self.error_code(), "invalid_state");
}

TYPED_TEST(HttpErrorsTest, UnknownRoutesAndMethods) {
  const Reply route = this->get("/api/v1/nothing-here", "rita");
  EXPECT_EQ(route.status, 404);
  EXPECT_EQ(route.error_code(), "not_found");
  const Reply method = this->client().call("DELETE", "/api/v1/exceptions", "",
                                           {{"Authorization", "Bearer " + this->token("rita")}});
  EXPECT_EQ(method.status, 405);
  EXPECT_EQ(method.error_code(), "method_not_allowed");
  EXPECT_EQ(method.header("Allow"), "GET");
  EXPECT_EQ(this->get("/api/v1/login", "").status, 405);
  // `next` is its own resource, not an exception id.
  const Reply next = this->get("/api/v1/exceptions/next", "rita");
  EXPECT_EQ(next.status, 405) << next.body;
  EXPECT_EQ(next.header("Allow"), "POST");
}

TYPED_TEST(HttpErrorsTest, BadQueryParameters) {
  const struct {
    const char* query;
    const char* code;
  } cases[] = {
      {"limit=0", "bad_request"},         {"limit=501", "bad_request"},
      {"limit=ten", "bad_request"},       {"offset=-1", "bad_request"},
      {"view=everything", "bad_request"}, {"sort=colour", "bad_request"},
      {"order=up", "bad_request"},        {"type=NOT_A_TYPE", "bad_request"},
      {"severity=urgent", "bad_request"}, {"status=closed", "bad_request"},
      {"colour=red", "unknown_field"},    {"%zz=1", "bad_request"},
  };
  for (const auto& c : cases) {
    const Reply r = this->get(std::string("/api/v1/exceptions?") + c.query, "rita");
    EXPECT_EQ(r.status, 400) << c.query << " -> " << r.body;
    EXPECT_EQ(r.error_code(), c.code) << c.query << " -> " << r.body;
  }
}

TYPED_TEST(HttpErrorsTest, EveryResponseCarriesTheSecurityHeaders) {
  for (const char* target : {"/healthz", "/api/v1/exceptions", "/nowhere", "/"}) {
    const Reply r = this->get(target, "");
    EXPECT_EQ(r.header("X-Content-Type-Options"), "nosniff") << target;
    EXPECT_EQ(r.header("X-Frame-Options"), "DENY") << target;
    EXPECT_NE(r.header("Content-Security-Policy").find("default-src 'self'"), std::string::npos);
    EXPECT_FALSE(r.header("Referrer-Policy").empty()) << target;
  }
}

// A body no route reads (a refused request, a route that takes none) must not be read as the
// start of the next request on the same kept-alive connection.
TYPED_TEST(HttpErrorsTest, AnUnreadBodyDoesNotSpillIntoTheNextRequest) {
  Poco::Net::HTTPClientSession session("127.0.0.1", this->port());
  session.setKeepAlive(true);
  const auto send = [&](const std::string& method, const std::string& target,
                        const std::string& body) {
    Poco::Net::HTTPRequest request(method, target, Poco::Net::HTTPMessage::HTTP_1_1);
    request.setKeepAlive(true);
    request.set("Authorization", "Bearer " + this->token("rita"));
    request.setContentLength(static_cast<std::streamsize>(body.size()));
    session.sendRequest(request) << body;
    Poco::Net::HTTPResponse response;
    std::string text;
    Poco::StreamCopier::copyToString(session.receiveResponse(response), text);
    return std::make_pair(response, text);
  };
  // Refused before any body is read: a bad id, and a route a rep may not use.
  const auto [bad_id, bad_id_body] = send("POST", "/api/v1/exceptions/abc/claim", "{}");
  EXPECT_EQ(bad_id.getStatus(), 400) << bad_id_body;
  EXPECT_EQ(bad_id.getReason(), "Bad Request");
  const auto [forbidden, forbidden_body] = send("POST", "/api/v1/imports/1/rerun", "{\"x\":1}");
  EXPECT_EQ(forbidden.getStatus(), 403) << forbidden_body;
  const auto [health, health_body] = send("GET", "/healthz", "");
  EXPECT_EQ(health.getStatus(), 200) << health_body;
  const auto [list, list_body] = send("GET", "/api/v1/exceptions?limit=1", "");
  EXPECT_EQ(list.getStatus(), 200) << list_body;
}

}  // namespace
}  // namespace ordex::app::http::testing
