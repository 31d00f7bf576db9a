// ordex-gen: writes a benchmark EDI file and, optionally, its manifest.

#include <chrono>
#include <cstdio>
#include <exception>
#include <fstream>
#include <iostream>
#include <string_view>
#include <vector>

#include "cli_options.h"
#include "edi_generator.h"
#include "manifest.h"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitUsage = 2;  // usage and I/O errors alike, as for every ordex tool

int run(const ordex::bench::CliOptions& cli) {
  std::ofstream file;
  std::ostream* out = &std::cout;
  if (cli.out_path != "-") {
    file.open(cli.out_path, std::ios::binary | std::ios::trunc);
    if (!file) {
      std::cerr << "ordex-gen: cannot open '" << cli.out_path << "' for writing\n";
      return kExitUsage;
    }
    out = &file;
  }
  // Opened before generating, so a bad path fails in a second, not after a gigabyte.
  std::ofstream json;
  if (!cli.manifest_path.empty()) {
    json.open(cli.manifest_path, std::ios::binary | std::ios::trunc);
    if (!json) {
      std::cerr << "ordex-gen: cannot open '" << cli.manifest_path << "' for writing\n";
      return kExitUsage;
    }
  }
  const auto start = std::chrono::steady_clock::now();
  const ordex::bench::Manifest manifest = ordex::bench::generate(cli.generator, *out);
  if (file.is_open()) {
    file.close();
    if (!file) {
      std::cerr << "ordex-gen: error writing '" << cli.out_path << "'\n";
      return kExitUsage;
    }
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  if (json.is_open()) {
    ordex::bench::write_manifest_json(manifest, json);
    json.close();
    if (!json) {
      std::cerr << "ordex-gen: error writing '" << cli.manifest_path << "'\n";
      return kExitUsage;
    }
  }

  const double mb = static_cast<double>(manifest.bytes) / (1024.0 * 1024.0);
  std::fprintf(stderr,
               "ordex-gen: %llu bytes, %llu interchanges, %llu transactions, %zu injected "
               "errors in %.2f s (%.0f MiB/s)\n",
               static_cast<unsigned long long>(manifest.bytes),
               static_cast<unsigned long long>(manifest.interchanges),
               static_cast<unsigned long long>(manifest.transactions), manifest.errors.size(),
               seconds, seconds > 0 ? mb / seconds : 0.0);
  return kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string_view> args(argv + 1, argv + argc);
  ordex::bench::CliOptions cli;
  if (const std::string problem = ordex::bench::parse_cli(args, cli); !problem.empty()) {
    std::cerr << "ordex-gen: " << problem << "\nrun 'ordex-gen --help' for usage\n";
    return kExitUsage;
  }
  if (cli.help) {
    std::cout << ordex::bench::usage();
    return kExitOk;
  }
  try {
    return run(cli);
  } catch (const std::exception& e) {
    std::cerr << "ordex-gen: " << e.what() << '\n';
    return kExitUsage;
  }
}
