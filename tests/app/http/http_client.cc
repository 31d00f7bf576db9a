#include "tests/app/http/http_client.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/StreamCopier.h>
#include <gtest/gtest.h>

#include <memory>

namespace ordex::app::http::testing {

Poco::JSON::Object::Ptr Reply::json() const {
  try {
    Poco::JSON::Parser parser;
    auto parsed = parser.parse(body);
    if (parsed.type() == typeid(Poco::JSON::Object::Ptr)) {
      return parsed.extract<Poco::JSON::Object::Ptr>();
    }
  } catch (const Poco::Exception& e) {
    ADD_FAILURE() << "not JSON (" << e.displayText() << "): " << body;
    return new Poco::JSON::Object;
  }
  ADD_FAILURE() << "not a JSON object: " << body;
  return new Poco::JSON::Object;
}

std::string Reply::error_code() const {
  try {
    Poco::JSON::Parser parser;
    auto object = parser.parse(body).extract<Poco::JSON::Object::Ptr>();
    auto error = object->getObject("error");
    if (!error || object->size() != 1 || error->size() != 2 || !error->has("message")) return "";
    return error->getValue<std::string>("code");
  } catch (const Poco::Exception&) {
    return "";
  }
}

Reply HttpClient::call(const std::string& method, const std::string& target,
                       const std::string& body, const Headers& headers) const {
  std::unique_ptr<Poco::Net::HTTPClientSession> session;
  if (tls_) {
    // The test's certificate is self-signed: no verification, only the channel is under test.
    Poco::Net::Context::Ptr context = new Poco::Net::Context(
        Poco::Net::Context::TLS_CLIENT_USE, "", "", "", Poco::Net::Context::VERIFY_NONE);
    session = std::make_unique<Poco::Net::HTTPSClientSession>("127.0.0.1", port_, context);
  } else {
    session = std::make_unique<Poco::Net::HTTPClientSession>("127.0.0.1", port_);
  }
  session->setTimeout(Poco::Timespan(30, 0));
  Poco::Net::HTTPRequest request(method, target, Poco::Net::HTTPMessage::HTTP_1_1);
  for (const auto& [name, value] : headers) request.set(name, value);
  if (!body.empty() || method == "POST") {
    request.setContentType("application/json");
    request.setContentLength64(static_cast<Poco::Int64>(body.size()));
  }
  session->sendRequest(request) << body;
  Reply reply;
  std::istream& in = session->receiveResponse(reply.head);
  Poco::StreamCopier::copyToString(in, reply.body);
  reply.status = static_cast<int>(reply.head.getStatus());
  return reply;
}

}  // namespace ordex::app::http::testing
