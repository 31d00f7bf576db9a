#include "bench_inputs.h"

#include <cstdlib>
#include <sstream>

namespace ordex::bench {

namespace {

std::uint64_t bench_bytes() {
  const char* mb = std::getenv("ORDEX_BENCH_MB");
  return (mb ? std::strtoull(mb, nullptr, 10) : 64) << 20;
}

BenchInput make(Standard standard) {
  GeneratorOptions options;
  options.standard = standard;
  options.target_bytes = bench_bytes();
  options.seed = 42;
  options.newline = standard == Standard::kX12;
  std::ostringstream out;
  BenchInput input;
  input.manifest = generate(options, out);
  input.bytes = std::move(out).str();
  return input;
}

}  // namespace

const BenchInput& x12_input() {
  static const BenchInput input = make(Standard::kX12);
  return input;
}

const BenchInput& edifact_input() {
  static const BenchInput input = make(Standard::kEdifact);
  return input;
}

}  // namespace ordex::bench
