#pragma once
// The one request handler behind every route: security headers, routing (404 / 405), the auth
// middleware for routes that need a principal, the handler, the error body for whatever it
// threw, and the request's metrics. Nothing a client sends ends in a crash or a 500: bad input
// is an ApiError (4xx); only a fault of ours (an unexpected exception) is a 500.

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>

#include "app/http/router.h"
#include "app/http/service_context.h"

namespace ordex::app::http {

// Checks who the request is and whether it may call `route`; sets the exchange's principal.
// Throws ApiError 401 / 403. Defined with the auth routes (auth_middleware.cc).
using Authenticator = std::function<void(Exchange&, const Route&)>;

class DispatcherFactory final : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  DispatcherFactory(const ServiceContext& context, const Router& router, Authenticator auth)
      : context_(context), router_(router), auth_(std::move(auth)) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(
      const Poco::Net::HTTPServerRequest& request) override;

 private:
  const ServiceContext& context_;
  const Router& router_;
  Authenticator auth_;
};

}  // namespace ordex::app::http
