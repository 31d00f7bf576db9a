#pragma once
// One request and its response as a handler sees them: path parameters, query parameters, the
// body (read once, within the size limit), the principal the auth middleware found, a store
// session borrowed on first use and returned when the exchange ends, and ways to answer.

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <optional>
#include <string>
#include <string_view>

#include "app/auth/directory.h"
#include "app/http/router.h"
#include "app/http/service_context.h"
#include "app/http/store_pool.h"

namespace ordex::app::http {

// How the request proved who it is: a session cookie needs the CSRF header on changes.
struct Authenticated {
  auth::Principal principal;
  std::string session_id;  // "" for an API token
  std::string csrf_token;
};

// Reads and drops a request body no handler read (up to `limit` bytes), so that the next request
// on a kept-alive connection starts where it should; past the limit the connection is closed.
void drop_unread_body(Poco::Net::HTTPServerRequest& request,
                      Poco::Net::HTTPServerResponse& response, std::int64_t limit);

class Exchange {
 public:
  Exchange(const ServiceContext& context, Poco::Net::HTTPServerRequest& request,
           Poco::Net::HTTPServerResponse& response, PathParams params);

  const ServiceContext& context() const { return *context_; }
  Poco::Net::HTTPServerRequest& request() { return *request_; }
  Poco::Net::HTTPServerResponse& response() { return *response_; }
  const std::string& method() const { return request_->getMethod(); }

  // A `{name}` segment of the route's pattern ("*" for the tail).
  const std::string& param(std::string_view name) const;
  // The id in the path segment `{name}`; bad_id when it is not a positive number.
  std::int64_t id_param(std::string_view name) const;
  // A query parameter (percent-decoded); nullopt when absent. Given twice: the last wins.
  std::optional<std::string> query(std::string_view name) const;
  const std::vector<std::pair<std::string, std::string>>& query_params() const { return query_; }

  // The body, at most settings.max_body_bytes (413 too_large past that).
  const std::string& body();

  // A store session, borrowed on first use (503 unavailable when none can be had).
  StoreSession& session();
  exceptions::Instant now() const { return context_->clock(); }

  void set_auth(Authenticated who) { auth_ = std::move(who); }
  const std::optional<Authenticated>& auth() const { return auth_; }
  // The principal of an authenticated route (the middleware ran; never empty there).
  const auth::Principal& principal() const;

  // Answers. Each sends the response; a handler answers once.
  void send(int status, std::string_view content_type, std::string_view body);
  void json(int status, std::string_view body) {
    send(status, "application/json; charset=utf-8", body);
  }
  void no_content(int status = 204);
  bool sent() const { return sent_; }
  // After a database error: the borrowed session goes back to the pool to be dropped.
  void mark_session_broken() {
    if (lease_) (*lease_)->broken = true;
  }
  int status() const { return status_; }

 private:
  const ServiceContext* context_;
  Poco::Net::HTTPServerRequest* request_;
  Poco::Net::HTTPServerResponse* response_;
  PathParams params_;
  std::vector<std::pair<std::string, std::string>> query_;
  std::optional<std::string> body_;
  std::optional<StorePool::Lease> lease_;
  std::optional<Authenticated> auth_;
  bool sent_ = false;
  int status_ = 0;
};

// Lets a database failure seen through a session mark it broken (the pool reopens it), then
// answers 503.
[[noreturn]] void database_failed(Exchange& exchange, std::string_view detail);

}  // namespace ordex::app::http
