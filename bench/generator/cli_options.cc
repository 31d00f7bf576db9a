#include "cli_options.h"

#include <charconv>
#include <limits>

namespace ordex::bench {
namespace {

template <typename T>
std::optional<T> parse_number(std::string_view text) {
  T value{};
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end) return std::nullopt;
  return value;
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

std::optional<std::uint64_t> parse_size(std::string_view text) {
  if (text.empty()) return std::nullopt;
  std::uint64_t multiplier = 1;
  switch (text.back()) {
    case 'k':
    case 'K':
      multiplier = std::uint64_t{1} << 10;
      break;
    case 'm':
    case 'M':
      multiplier = std::uint64_t{1} << 20;
      break;
    case 'g':
    case 'G':
      multiplier = std::uint64_t{1} << 30;
      break;
    default:
      break;
  }
  if (multiplier != 1) text.remove_suffix(1);
  const auto value = parse_number<std::uint64_t>(text);
  if (!value || *value > std::numeric_limits<std::uint64_t>::max() / multiplier) {
    return std::nullopt;
  }
  return *value * multiplier;
}

std::optional<std::array<std::uint32_t, kDocKindCount>> parse_mix(std::string_view text) {
  std::array<std::uint32_t, kDocKindCount> mix{};
  while (!text.empty()) {
    const std::size_t comma = text.find(',');
    const std::string_view pair = text.substr(0, comma);
    text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
    const std::size_t eq = pair.find('=');
    if (eq == std::string_view::npos) return std::nullopt;
    const auto kind = parse_doc_kind(pair.substr(0, eq));
    const auto weight = parse_number<std::uint32_t>(pair.substr(eq + 1));
    if (!kind || !weight) return std::nullopt;
    mix[index_of(*kind)] = *weight;
  }
  return mix;
}

std::string parse_cli(const std::vector<std::string_view>& args, CliOptions& cli) {
  GeneratorOptions& g = cli.generator;
  bool have_standard = false;
  bool have_size = false;
  std::string version;
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string_view flag = args[i];
    std::optional<std::string_view> inline_value;
    if (const std::size_t eq = flag.find('='); flag.starts_with("--") && eq != flag.npos) {
      inline_value = flag.substr(eq + 1);
      flag = flag.substr(0, eq);
    }
    // Takes the flag's value from "--flag=value" or from the next argument.
    std::string missing;
    const auto value = [&]() -> std::optional<std::string_view> {
      if (inline_value) return inline_value;
      if (i + 1 < args.size()) return args[++i];
      missing = std::string(flag) + " needs a value";
      return std::nullopt;
    };
    const auto count = [&](std::uint32_t& target) -> std::string {
      const auto v = value();
      if (!v) return missing;
      const auto n = parse_number<std::uint32_t>(*v);
      if (!n) return std::string(flag) + ": not a number: '" + std::string(*v) + "'";
      target = *n;
      return "";
    };

    if (flag == "-h" || flag == "--help") {
      cli.help = true;
      return "";
    } else if (flag == "--standard") {
      const auto v = value();
      if (!v) return missing;
      const std::string s = ascii_lower(*v);
      if (s == "x12") {
        g.standard = Standard::kX12;
      } else if (s == "edifact") {
        g.standard = Standard::kEdifact;
      } else {
        return "--standard must be x12 or edifact, not '" + std::string(*v) + "'";
      }
      have_standard = true;
    } else if (flag == "--version") {
      const auto v = value();
      if (!v) return missing;
      version = std::string(*v);
    } else if (flag == "--size") {
      const auto v = value();
      if (!v) return missing;
      const auto size = parse_size(*v);
      if (!size) return "--size: expected a byte count like 1048576, 512K, 100M or 1G";
      g.target_bytes = *size;
      have_size = true;
    } else if (flag == "--seed") {
      const auto v = value();
      if (!v) return missing;
      const auto seed = parse_number<std::uint64_t>(*v);
      if (!seed) return "--seed: not a number: '" + std::string(*v) + "'";
      g.seed = *seed;
    } else if (flag == "--errors") {
      const auto v = value();
      if (!v) return missing;
      const auto rate = parse_number<double>(*v);
      if (!rate || !(*rate >= 0.0 && *rate <= 1.0)) {
        return "--errors: expected a fraction between 0 and 1, like 0.01";
      }
      g.error_rate = *rate;
    } else if (flag == "--mix") {
      const auto v = value();
      if (!v) return missing;
      const auto mix = parse_mix(*v);
      if (!mix) return "--mix: expected SET=WEIGHT,... with SET one of 850 855 856 810 214";
      g.mix = *mix;
    } else if (flag == "--tx-per-group") {
      if (auto e = count(g.transactions_per_group); !e.empty()) return e;
    } else if (flag == "--groups-per-interchange") {
      if (auto e = count(g.groups_per_interchange); !e.empty()) return e;
    } else if (flag == "--partners") {
      if (auto e = count(g.partners); !e.empty()) return e;
    } else if (flag == "--items") {
      if (auto e = count(g.items); !e.empty()) return e;
    } else if (flag == "--newlines") {
      g.newline = true;
    } else if (flag == "--no-una") {
      g.edifact_una = false;
    } else if (flag == "--edifact-groups") {
      g.edifact_groups = true;
    } else if (flag == "--out") {
      const auto v = value();
      if (!v) return missing;
      cli.out_path = std::string(*v);
    } else if (flag == "--manifest") {
      const auto v = value();
      if (!v) return missing;
      cli.manifest_path = std::string(*v);
    } else {
      return "unknown argument '" + std::string(args[i]) + "'";
    }
  }
  if (!have_standard) return "--standard is required";
  if (!have_size) return "--size is required";
  if (cli.out_path.empty()) return "--out is required";
  if (!version.empty()) {
    if (g.standard == Standard::kX12) {
      g.x12_version = version;
    } else {
      g.edifact_directory = version;
    }
  }
  return check_options(g);
}

std::string_view usage() {
  return R"(usage: ordex-gen --standard x12|edifact --size SIZE --out FILE [options]

Writes a deterministic, realistic EDI file of about SIZE bytes: customers' orders, our
acknowledgments, ship notices and invoices for those orders, and carriers' status reports.
The same options and seed always give the same bytes.

  --standard x12|edifact     syntax to write
  --version V                X12 004010 (default) or 005010; EDIFACT D96A (default) or D01B
  --size SIZE                target size: bytes, or with K, M, G (binary: 1M = 1048576)
  --seed N                   seed (default 1)
  --errors RATE              fraction of transactions with one injected error (default 0)
  --mix LIST                 document weights (default 850=4,855=1,856=3,810=2,214=3);
                             EDIFACT names work too: ORDERS, ORDRSP, DESADV, INVOIC, IFTSTA
  --tx-per-group N           transactions per functional group, at most (default 10)
  --groups-per-interchange N groups per interchange, at most (default 2)
  --partners N               number of customers (default 25)
  --items N                  catalog size (default 5000)
  --newlines                 put a newline after every segment
  --no-una                   EDIFACT: leave out the UNA service string advice
  --edifact-groups           EDIFACT: wrap messages in UNG/UNE groups
  --out FILE                 output file, '-' for standard output
  --manifest FILE            write a JSON manifest of what the file contains
  -h, --help                 show this help

Exit status: 0 success, 2 usage or I/O error.
)";
}

}  // namespace ordex::bench
