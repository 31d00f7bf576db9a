#pragma once
// A small HTTP client for the API tests: one request per call on a fresh connection to the
// service under test, the reply's status, headers and body, and its body parsed as JSON.

#include <Poco/JSON/Object.h>
#include <Poco/Net/HTTPResponse.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace ordex::app::http::testing {

using Headers = std::vector<std::pair<std::string, std::string>>;

struct Reply {
  int status = 0;
  std::string body;
  Poco::Net::HTTPResponse head;

  std::string header(const std::string& name) const { return head.get(name, ""); }
  // The body as a JSON object; a test failure (and an empty object) when it is not one.
  Poco::JSON::Object::Ptr json() const;
  // The error body's code, or "" when the body is not the contract's error shape.
  std::string error_code() const;
};

class HttpClient {
 public:
  explicit HttpClient(std::uint16_t port, bool tls = false) : port_(port), tls_(tls) {}
  Reply call(const std::string& method, const std::string& target, const std::string& body = "",
             const Headers& headers = {}) const;

 private:
  std::uint16_t port_;
  bool tls_;
};

}  // namespace ordex::app::http::testing
