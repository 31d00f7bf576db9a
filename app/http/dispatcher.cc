#include "app/http/dispatcher.h"

#include <Poco/Exception.h>
#include <Poco/URI.h>

#include <chrono>

#include "app/http/api_error.h"
#include "app/http/exchange.h"

namespace ordex::app::http {

namespace {

using Poco::Net::HTTPServerRequest;
using Poco::Net::HTTPServerResponse;

void security_headers(HTTPServerResponse& response, bool tls) {
  response.set("X-Content-Type-Options", "nosniff");
  response.set("X-Frame-Options", "DENY");
  response.set("Referrer-Policy", "no-referrer");
  response.set("Content-Security-Policy",
               "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
               "frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
  if (tls) response.set("Strict-Transport-Security", "max-age=31536000");
}

// Writes an error body unless the handler already answered (then the connection is all that
// can still go wrong, and Poco closes it).
void send_error(HTTPServerRequest& request, HTTPServerResponse& response, std::int64_t body_limit,
                bool already_sent, int status, const std::string& code, const std::string& message,
                int& recorded) {
  recorded = status;
  if (already_sent) return;
  const std::string body = error_json(code, message);
  drop_unread_body(request, response, body_limit);
  response.setStatusAndReason(static_cast<HTTPServerResponse::HTTPStatus>(status));
  response.setContentType("application/json; charset=utf-8");
  if (status == 503) response.set("Retry-After", "5");
  response.sendBuffer(body.data(), body.size());
}

class Dispatcher final : public Poco::Net::HTTPRequestHandler {
 public:
  Dispatcher(const ServiceContext& context, const Router& router, const Authenticator& auth)
      : context_(context), router_(router), auth_(auth) {}

  void handleRequest(HTTPServerRequest& request, HTTPServerResponse& response) override {
    const auto start = std::chrono::steady_clock::now();
    security_headers(response, context_.tls);
    std::string route_name = "unmatched";
    int status = 500;
    bool sent = false;
    try {
      std::string path;
      try {
        path = Poco::URI(request.getURI()).getPath();
      } catch (const Poco::Exception& e) {
        throw bad_request("the request target cannot be read: " + e.message());
      }
      RouteMatch match = router_.match(request.getMethod(), path);
      if (match.route == nullptr) {
        if (match.allow.empty()) throw not_found("no route for " + path);
        response.set("Allow", match.allow);
        throw ApiError(
            405, "method_not_allowed",
            request.getMethod() + " is not allowed on " + path + " (allowed: " + match.allow + ")");
      }
      route_name = match.route->pattern;
      Exchange exchange(context_, request, response, std::move(match.params));
      try {
        if (match.route->role) auth_(exchange, *match.route);
        match.route->handler(exchange);
        if (!exchange.sent()) throw std::logic_error("route " + route_name + " sent no answer");
        status = exchange.status();
      } catch (...) {
        sent = exchange.sent();
        if (sent) status = exchange.status();
        throw;
      }
    } catch (const ApiError& e) {
      send_error(request, response, context_.settings.max_body_bytes, sent, e.status(), e.code(),
                 e.message(), status);
    } catch (const Poco::Exception& e) {
      send_error(request, response, context_.settings.max_body_bytes, sent, 500, "internal",
                 "unexpected error: " + e.displayText(), status);
    } catch (const std::exception& e) {
      send_error(request, response, context_.settings.max_body_bytes, sent, 500, "internal",
                 std::string("unexpected error: ") + e.what(), status);
    }
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    context_.metrics->record(route_name, status, took.count());
  }

 private:
  const ServiceContext& context_;
  const Router& router_;
  const Authenticator& auth_;
};

}  // namespace

Poco::Net::HTTPRequestHandler* DispatcherFactory::createRequestHandler(const HTTPServerRequest&) {
  return new Dispatcher(context_, router_, auth_);
}

}  // namespace ordex::app::http
