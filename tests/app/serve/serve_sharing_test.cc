// The test: three `ordex serve` daemons on one PostgreSQL database and one inbox with
// many files. Every file is imported exactly once (one "file imported" event in all three logs,
// one archived copy, one inbound_files row), none is lost (the inbox and the processing folders
// end empty), and the store holds what one `ordex run` over the same files leaves.
//
// The files are one generated X12 stream (ordex-gen) cut into one file per interchange,
// so every interchange control number is distinct and every ship notice, invoice and carrier
// event still finds its order whichever daemon imports which file first.
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <fstream>
#include <iterator>
#include <map>
#include <set>

#include "serve_process.h"
#include "store_test_base.h"

namespace ordex::app::serve::testing {
namespace {

using namespace std::chrono_literals;

// Cuts `stream` into files of `per_file` interchanges each; returns how many were written.
std::size_t split_interchanges(const fs::path& stream, const fs::path& dir, int per_file) {
  std::ifstream in(stream, std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<std::size_t> starts;
  for (std::size_t p = text.find("ISA"); p != std::string::npos; p = text.find("ISA", p + 1)) {
    if (p == 0 || text[p - 1] == '~' || text[p - 1] == '\n') starts.push_back(p);
  }
  starts.push_back(text.size());
  std::size_t files = 0;
  for (std::size_t i = 0; i + 1 < starts.size(); i += static_cast<std::size_t>(per_file)) {
    const std::size_t end =
        starts[std::min(i + static_cast<std::size_t>(per_file), starts.size() - 1)];
    char name[32];
    std::snprintf(name, sizeof name, "gen-%04zu.x12", files++);
    std::ofstream(dir / name, std::ios::binary) << text.substr(starts[i], end - starts[i]);
  }
  return files;
}

TEST(ServeSharing, ThreeDaemonsOnePostgresImportEveryFileExactlyOnce) {
  if (!fs::exists(kGen)) GTEST_SKIP() << "ordex-gen is not built (ORDEX_BUILD_BENCHMARKS=OFF)";
  auto pg = orders::testing::PostgresEngine::make();
  if (const std::string why = pg->unavailable(); !why.empty()) GTEST_SKIP() << why;
  auto url = pg->create();
  ASSERT_TRUE(url.ok()) << url.error();

  const fs::path dir =
      fs::temp_directory_path() / ("ordex-serve-share-" + std::to_string(getpid()));
  fs::remove_all(dir);
  for (const char* sub : {"gen", "staging", "inbox", "archive", "quarantine"}) {
    fs::create_directories(dir / sub);
  }
  ASSERT_EQ(run({kGen.string(), "--standard", "x12", "--size", "600K", "--seed", "6", "--out",
                 (dir / "stream.x12").string()}),
            0);
  const std::size_t count = split_interchanges(dir / "stream.x12", dir / "gen", 1);
  ASSERT_GE(count, 80u);

  const std::string reference = (dir / "run.db").string();
  ASSERT_LE(run({kOrdex.string(), "run", "--db", reference, "--quiet", (dir / "gen").string()}), 1);

  std::vector<pid_t> daemons;
  for (int d = 0; d < 3; ++d) {
    const fs::path config = dir / ("serve-" + std::to_string(d) + ".properties");
    std::ofstream(config) << "serve.db = " << url.value() << "\n"
                          << "serve.http.port = 0\n"
                          << "serve.log.format = json\n"
                          << "serve.log.file = "
                          << (dir / ("serve-" + std::to_string(d) + ".log")).string() << "\n"
                          << "serve.sweep.every = 1h\n"
                          << "serve.lease_seconds = 15\n"
                          << "jobs.1.name = shared\n"
                          << "jobs.1.inbox = " << (dir / "inbox").string() << "\n"
                          << "jobs.1.schedule = every 1s\n"
                          << "jobs.1.stable_seconds = 0\n"
                          << "jobs.1.archive = " << (dir / "archive").string() << "\n"
                          << "jobs.1.quarantine = " << (dir / "quarantine").string() << "\n";
    daemons.push_back(spawn({kOrdex.string(), "serve", "--config", config.string()},
                            dir / ("stderr-" + std::to_string(d) + ".log")));
  }
  // All three up before the files arrive, so that they race for them.
  ASSERT_TRUE(eventually(
      [&] {
        int up = 0;
        for (int d = 0; d < 3; ++d) {
          up += !log_lines(dir / ("serve-" + std::to_string(d) + ".log"), "ORDX-S001").empty();
        }
        return up == 3;
      },
      60s));
  for (const fs::path& f : [&] {
         std::vector<fs::path> all;
         for (const auto& e : fs::directory_iterator(dir / "gen")) all.push_back(e.path());
         return all;
       }()) {
    drop_into(f, dir / "inbox");
  }
  EXPECT_TRUE(eventually([&] { return files_in(dir / "archive").size() >= count; }, 600s))
      << files_in(dir / "archive").size() << " of " << count << " archived";
  for (pid_t pid : daemons) ::kill(pid, SIGTERM);
  for (pid_t pid : daemons) EXPECT_EQ(wait_exit(pid, 120s), 0);

  // Exactly once, none lost.
  EXPECT_EQ(files_in(dir / "archive").size(), count);
  EXPECT_TRUE(files_in(dir / "quarantine").empty());
  EXPECT_TRUE(files_in(dir / "inbox").empty());
  std::size_t left_processing = 0;
  if (fs::exists(dir / "inbox" / ".ordex-processing")) {
    for (const auto& e : fs::recursive_directory_iterator(dir / "inbox" / ".ordex-processing")) {
      left_processing += e.is_regular_file();
    }
  }
  EXPECT_EQ(left_processing, 0u);
  std::map<std::string, int> imported;  // file name -> "file imported" events
  int daemons_that_imported = 0;
  for (int d = 0; d < 3; ++d) {
    const auto lines = log_lines(dir / ("serve-" + std::to_string(d) + ".log"), "\"ORDX-S022\"");
    daemons_that_imported += !lines.empty();
    for (const std::string& line : lines) {
      const std::size_t at = line.find("gen-");
      ASSERT_NE(at, std::string::npos) << line;
      ++imported[line.substr(at, 12)];
    }
  }
  EXPECT_EQ(imported.size(), count);
  for (const auto& [name, times] : imported) EXPECT_EQ(times, 1) << name;
  EXPECT_GE(daemons_that_imported, 2) << "the daemons did not share the work";

  // What one `ordex run` leaves.
  const StoreFacts expected = facts_of(reference);
  const StoreFacts got = facts_of(url.value());
  EXPECT_EQ(expected.rows.at("inbound_files"), static_cast<std::int64_t>(count));
  EXPECT_EQ(got.rows, expected.rows);
  EXPECT_EQ(got.files, expected.files);
  EXPECT_EQ(got.orders, expected.orders);
  if (!::testing::Test::HasFailure()) {  // else kept for a look
    pg->drop();
    fs::remove_all(dir);
  }
}

}  // namespace
}  // namespace ordex::app::serve::testing
