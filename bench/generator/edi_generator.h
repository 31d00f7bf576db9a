#pragma once
// A deterministic generator of large, realistic X12 and EDIFACT files for benchmarks and
// load tests: the same options and seed give byte-identical output on every platform, and a
// Manifest says exactly what was written.
//
// The file tells a consistent story. Customers send orders (850 / ORDERS); we acknowledge
// (855 / ORDRSP), ship (856 / DESADV) and invoice (810 / INVOIC) orders that appear earlier in
// the same file; carriers report on those shipments (214 / IFTSTA). So an import of the file
// links documents to orders the way real traffic does. Each interchange goes between one
// customer or carrier and us, and each group holds one kind of document.
//
// Output is streamed through a 1 MiB buffer and all per-document state is bounded, so memory
// does not grow with the file; only the list of injected errors does (about
// error_rate * transactions small entries).

#include <array>
#include <cstdint>
#include <ostream>
#include <string>

#include "documents.h"
#include "manifest.h"

namespace ordex::bench {

struct GeneratorOptions {
  Standard standard = Standard::kX12;
  std::string x12_version = "004010";      // GS08: "004010" or "005010"
  std::string edifact_directory = "D96A";  // "D96A" or "D01B"
  // Generation stops at the first transaction boundary at or past this size, so the file is
  // at least this long (at least one transaction) and longer by less than one transaction
  // plus its envelope trailers.
  std::uint64_t target_bytes = std::uint64_t{1} << 20;
  std::uint64_t seed = 1;
  // Relative frequency of each document, indexed by DocKind (850, 855, 856, 810, 214).
  // Documents that answer an earlier one are only written while there is something to answer,
  // so early in a file and for lopsided mixes the counts can fall short of the weights.
  std::array<std::uint32_t, kDocKindCount> mix = {4, 1, 3, 2, 3};
  std::uint32_t transactions_per_group = 10;  // at most; linked documents may stop earlier
  std::uint32_t groups_per_interchange = 2;   // at most, likewise
  bool newline = false;                       // '\n' after every segment terminator
  bool edifact_una = true;                    // start each interchange with UNA:+.? '
  bool edifact_groups = false;                // wrap messages in UNG/UNE
  double error_rate = 0.0;      // fraction of transactions that get exactly one injected error
  std::uint32_t partners = 25;  // customers; the six carriers are built in
  std::uint32_t items = 5000;   // catalog size
};

// Empty when the options can be used, else what is wrong with them.
std::string check_options(const GeneratorOptions& options);

// Writes the whole file to `out`. Throws std::invalid_argument for bad options and
// std::runtime_error when the stream fails.
Manifest generate(const GeneratorOptions& options, std::ostream& out);

}  // namespace ordex::bench
