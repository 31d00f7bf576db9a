#pragma once
// Generated inputs shared by the benchmarks: made once per process, checked by the
// benchmarks against their manifests before any figure is reported.

#include <string>

#include "edi_generator.h"

namespace ordex::bench {

struct BenchInput {
  std::string bytes;
  Manifest manifest;
};

// Size from ORDEX_BENCH_MB (default 64 MB); seed 42; no injected errors.
const BenchInput& x12_input();
const BenchInput& edifact_input();

}  // namespace ordex::bench
