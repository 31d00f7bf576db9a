#pragma once
// Command-line parsing for ordex-gen, apart from main() so its rules are easy to test.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "edi_generator.h"

namespace ordex::bench {

struct CliOptions {
  GeneratorOptions generator;
  std::string out_path;       // "-" is standard output
  std::string manifest_path;  // empty: no manifest
  bool help = false;
};

// "1048576", "512K", "100M", "1G" (binary multiples, case-insensitive).
std::optional<std::uint64_t> parse_size(std::string_view text);

// "850=4,856=3,810=2" or with EDIFACT names; kinds not named get weight 0.
std::optional<std::array<std::uint32_t, kDocKindCount>> parse_mix(std::string_view text);

// Fills `cli` from the arguments (without the program name). Returns an error message, or an
// empty string when the arguments are usable (or --help was asked for).
std::string parse_cli(const std::vector<std::string_view>& args, CliOptions& cli);

std::string_view usage();

}  // namespace ordex::bench
