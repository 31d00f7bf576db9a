#pragma once
// A closed-loop HTTP load generator for the benchmarks: `connections` clients, each on its own
// thread with one keep-alive connection, send the same GET again as soon as the answer is in,
// for `seconds`; every request's latency is kept, so the percentiles are exact.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace ordex::bench {

struct LoadSpec {
  std::uint16_t port = 0;
  std::string target;
  std::vector<std::pair<std::string, std::string>> headers;
  int connections = 200;
  double seconds = 10;
};

struct LoadResult {
  std::size_t requests = 0;  // answered 200
  std::size_t failures = 0;  // another status or a connection error
  double seconds = 0;
  double p50_ms = 0, p90_ms = 0, p99_ms = 0, max_ms = 0;
  double per_second() const { return seconds > 0 ? static_cast<double>(requests) / seconds : 0; }
};

LoadResult run_load(const LoadSpec& spec);

}  // namespace ordex::bench
