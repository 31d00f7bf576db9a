#pragma once
// Running `ordex serve` (and `ordex run`, `ordex-gen`) as child processes for the daemon tests,
// and reading what a store holds, table by table, to compare two stores.

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace ordex::app::serve::testing {

namespace fs = std::filesystem;

inline const fs::path kOrdex = fs::path(ORDEX_BINARY_DIR) / "app" / "ordex";
inline const fs::path kGen = fs::path(ORDEX_BINARY_DIR) / "bench" / "generator" / "ordex-gen";
inline const fs::path kSamples = fs::path(ORDEX_SOURCE_DIR) / "samples";

// Starts argv[0] with stdout and stderr appended to `log`.
pid_t spawn(const std::vector<std::string>& argv, const fs::path& log);
// Runs to the end; its exit code (128 + signal when killed).
int run(const std::vector<std::string>& argv, const fs::path& log = "/dev/null");
// The exit code once `pid` ends, or -1 after `timeout` (the process is then killed).
int wait_exit(pid_t pid, std::chrono::seconds timeout);
// Polls `done` every 100 ms until it holds or `timeout` passes.
bool eventually(const std::function<bool()>& done, std::chrono::seconds timeout);

// Every sample file of the demo week in one flat list (inbound, its feeds, outbound).
std::vector<fs::path> demo_week_files();
// Drops a file into an inbox the way a careful writer does: a hidden name, then a rename.
void drop_into(const fs::path& file, const fs::path& inbox);
// Regular files directly in `dir`, by name; `.reason` files left out.
std::vector<std::string> files_in(const fs::path& dir);
// Lines of a log file holding `needle`.
std::vector<std::string> log_lines(const fs::path& log, const std::string& needle);

// What a store holds, in a form two stores can be compared by: row counts of the order tables,
// and per file (by SHA-256) its disposition and its documents and findings.
struct StoreFacts {
  std::map<std::string, std::int64_t> rows;
  std::map<std::string, std::string> files;  // sha256 -> "disposition documents findings"
  std::vector<std::string> orders;           // `ordex orders list` CSV lines, sorted
  friend bool operator==(const StoreFacts&, const StoreFacts&) = default;
};
StoreFacts facts_of(const std::string& db);

}  // namespace ordex::app::serve::testing
