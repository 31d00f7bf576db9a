#include "app/http/http_metrics.h"

#include <cstdio>

namespace ordex::app::http {

namespace {

std::string number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.6g", value);
  return text;
}

}  // namespace

std::string prometheus_label(std::string_view value) {
  std::string out;
  for (char c : value) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

void HttpMetrics::record(const std::string& route, int status, double seconds) {
  std::lock_guard lock(mutex_);
  RouteStats& s = routes_[route];
  ++s.codes[status];
  ++s.count;
  s.sum += seconds;
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) {
      ++s.buckets[i];
      break;
    }
  }
}

std::string HttpMetrics::render() const {
  std::lock_guard lock(mutex_);
  std::string out =
      "# HELP ordex_http_requests_total HTTP requests answered, by route pattern and status.\n"
      "# TYPE ordex_http_requests_total counter\n";
  for (const auto& [route, s] : routes_) {
    for (const auto& [code, count] : s.codes) {
      out += "ordex_http_requests_total{route=\"" + prometheus_label(route) + "\",code=\"" +
             std::to_string(code) + "\"} " + std::to_string(count) + "\n";
    }
  }
  out +=
      "# HELP ordex_http_request_duration_seconds Time to answer an HTTP request, by route.\n"
      "# TYPE ordex_http_request_duration_seconds histogram\n";
  for (const auto& [route, s] : routes_) {
    const std::string label = "route=\"" + prometheus_label(route) + "\"";
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
      cumulative += s.buckets[i];
      out += "ordex_http_request_duration_seconds_bucket{" + label + ",le=\"" +
             number(kBuckets[i]) + "\"} " + std::to_string(cumulative) + "\n";
    }
    out += "ordex_http_request_duration_seconds_bucket{" + label + ",le=\"+Inf\"} " +
           std::to_string(s.count) + "\n";
    out += "ordex_http_request_duration_seconds_sum{" + label + "} " + number(s.sum) + "\n";
    out += "ordex_http_request_duration_seconds_count{" + label + "} " + std::to_string(s.count) +
           "\n";
  }
  return out;
}

}  // namespace ordex::app::http
