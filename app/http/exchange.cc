#include "app/http/exchange.h"

#include <Poco/Exception.h>
#include <Poco/URI.h>

#include <algorithm>
#include <istream>

#include "app/http/api_error.h"

namespace ordex::app::http {

namespace {

const std::string kEmpty;

// How much of an oversize body is read before answering 413, as a multiple of the limit.
constexpr std::streamsize kDrainFactor = 8;

void discard(std::istream& in, std::streamsize most) {
  char buffer[8192];
  while (in && most > 0) {
    in.read(buffer, std::min<std::streamsize>(sizeof buffer, most));
    most -= in.gcount();
  }
}

}  // namespace

void drop_unread_body(Poco::Net::HTTPServerRequest& request,
                      Poco::Net::HTTPServerResponse& response, std::int64_t limit) {
  // Without a length or chunking, the body runs to the end of the connection: nothing to skip.
  if (!request.hasContentLength() && !request.getChunkedTransferEncoding()) return;
  if (!response.getKeepAlive()) return;  // closing anyway (an oversize body was refused)
  std::istream& in = request.stream();
  discard(in, static_cast<std::streamsize>(limit));
  if (in && in.peek() != std::char_traits<char>::eof()) response.setKeepAlive(false);
}

Exchange::Exchange(const ServiceContext& context, Poco::Net::HTTPServerRequest& request,
                   Poco::Net::HTTPServerResponse& response, PathParams params)
    : context_(&context), request_(&request), response_(&response), params_(std::move(params)) {
  try {
    query_ = Poco::URI(request.getURI()).getQueryParameters();
  } catch (const Poco::Exception& e) {
    throw bad_request("the query string cannot be read: " + e.message());
  }
}

const std::string& Exchange::param(std::string_view name) const {
  for (const auto& [key, value] : params_) {
    if (key == name) return value;
  }
  return kEmpty;
}

std::int64_t Exchange::id_param(std::string_view name) const { return parse_id(name, param(name)); }

std::optional<std::string> Exchange::query(std::string_view name) const {
  std::optional<std::string> found;
  for (const auto& [key, value] : query_) {
    if (key == name) found = value;
  }
  return found;
}

const std::string& Exchange::body() {
  if (body_) return *body_;
  const auto limit = static_cast<std::streamsize>(context_->settings.max_body_bytes);
  const ApiError too_large{413, "too_large",
                           "the request body is larger than " + std::to_string(limit) + " bytes"};
  if (request_->hasContentLength() && request_->getContentLength64() > limit) {
    // Read (and drop) a bounded amount first, so that a client still writing its body is not
    // reset before it reads the 413; then close, as the rest is unread.
    discard(request_->stream(), limit * kDrainFactor);
    response_->setKeepAlive(false);
    throw too_large;
  }
  std::string text;
  std::istream& in = request_->stream();
  char buffer[8192];
  while (in) {
    in.read(buffer, sizeof buffer);
    text.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (static_cast<std::streamsize>(text.size()) > limit) {
      discard(in, limit * kDrainFactor);
      response_->setKeepAlive(false);
      throw too_large;
    }
  }
  body_ = std::move(text);
  return *body_;
}

StoreSession& Exchange::session() {
  if (!lease_) {
    auto lease = context_->pool->borrow();
    if (!lease.ok()) throw unavailable(lease.error());
    lease_.emplace(std::move(lease).value());
  }
  return **lease_;
}

const auth::Principal& Exchange::principal() const {
  if (!auth_) throw ApiError(401, "unauthenticated", "log in first");
  return auth_->principal;
}

// The answer is known once it is sent, so the database session goes back to the pool first:
// the write may wait on a slow client, and the next request in line should not wait with it
// (at 200 concurrent queue pages, sessions were held through the write's 4 KB sends).
void Exchange::send(int status, std::string_view content_type, std::string_view body) {
  lease_.reset();
  if (!body_) drop_unread_body(*request_, *response_, context_->settings.max_body_bytes);
  response_->setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
  response_->setContentType(std::string(content_type));
  if (request_->getMethod() == "HEAD") {
    response_->setContentLength64(static_cast<Poco::Int64>(body.size()));
    response_->send();
  } else {
    // Head and body in one write, without the character-by-character path of an ostream.
    response_->sendBuffer(body.data(), body.size());
  }
  sent_ = true;
  status_ = status;
}

void Exchange::no_content(int status) {
  lease_.reset();
  if (!body_) drop_unread_body(*request_, *response_, context_->settings.max_body_bytes);
  response_->setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
  response_->setContentLength64(0);
  response_->send();
  sent_ = true;
  status_ = status;
}

void database_failed(Exchange& exchange, std::string_view detail) {
  exchange.mark_session_broken();
  throw unavailable(detail);
}

}  // namespace ordex::app::http
