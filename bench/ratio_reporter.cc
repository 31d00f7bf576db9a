#include "ratio_reporter.h"

#include <cstdio>

namespace ordex::bench {

void RatioReporter::ReportRuns(const std::vector<Run>& runs) {
  ConsoleReporter::ReportRuns(runs);
  for (const Run& run : runs) {
    if (run.run_type != Run::RT_Iteration || run.error_occurred) continue;
    const auto it = run.counters.find("bytes_per_second");
    if (it != run.counters.end()) bytes_per_second_[run.benchmark_name()] = it->second;
  }
}

void RatioReporter::Finalize() {
  ConsoleReporter::Finalize();
  std::printf("\n%-48s %12s %10s\n", "benchmark", "MB/s", "vs memchr");
  for (const auto& [name, bps] : bytes_per_second_) {
    const std::string input = name.substr(0, name.find('/'));
    const auto ref = bytes_per_second_.find(input + "/reference_memchr_split");
    const double ratio = ref == bytes_per_second_.end() ? 0 : bps / ref->second;
    std::printf("%-48s %12.1f %9.2fx\n", name.c_str(), bps / 1e6, ratio);
  }
}

}  // namespace ordex::bench
