#pragma once
// A console reporter that also prints each benchmark's throughput as a ratio to the
// reference benchmark of the same input (names "<input>/reference_memchr_split"), since
// absolute figures on a shared 2-core machine are noisy and ratios are what the targets say.

#include <benchmark/benchmark.h>

#include <map>
#include <string>

namespace ordex::bench {

class RatioReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override;
  void Finalize() override;

 private:
  std::map<std::string, double> bytes_per_second_;  // by benchmark name
};

}  // namespace ordex::bench
