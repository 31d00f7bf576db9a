#pragma once
// Request counts by (route, status) and a latency histogram per route, rendered in the
// Prometheus text format for /metrics. Routes are the router's patterns, not the paths, so the
// label set stays small whatever ids clients send. Thread-safe: every request thread records.

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace ordex::app::http {

class HttpMetrics {
 public:
  void record(const std::string& route, int status, double seconds);
  // ordex_http_requests_total{route,code} and ordex_http_request_duration_seconds{route}.
  std::string render() const;

  // Upper bounds of the histogram buckets, in seconds (+Inf is implied).
  static constexpr std::array<double, 12> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                      0.1,   0.25,   0.5,   1,    2.5,   5};

 private:
  struct RouteStats {
    std::map<int, std::uint64_t> codes;
    std::array<std::uint64_t, kBuckets.size()> buckets{};  // not cumulative; render sums
    std::uint64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::string, RouteStats> routes_;
};

// A Prometheus label value: backslash, double quote and newline escaped.
std::string prometheus_label(std::string_view value);

}  // namespace ordex::app::http
