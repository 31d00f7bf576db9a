// `ordex serve` as a real process on a SQLite store: the demo week dropped into its inbox
// leaves the store `ordex run` leaves; SIGTERM exits 0 and removes the pid file; SIGHUP picks
// up a new job and survives a broken config; a database that is not there at start is waited
// for with nothing lost.
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <fstream>
#include <iterator>
#include <map>

#include "serve_process.h"

namespace ordex::app::serve::testing {
namespace {

using namespace std::chrono_literals;

struct Reply {
  int status = 0;
  std::string body;
};

// One request to the daemon's HTTP side on 127.0.0.1 (a bearer token when given).
Reply http(std::uint16_t port, const std::string& method, const std::string& path,
           const std::string& token) {
  Reply reply;
  try {
    Poco::Net::HTTPClientSession session("127.0.0.1", port);
    Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    if (!token.empty()) request.set("Authorization", "Bearer " + token);
    if (method == "POST") {
      request.setContentType("application/json");
      request.setContentLength(2);
      session.sendRequest(request) << "{}";
    } else {
      session.sendRequest(request);
    }
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    reply.status = static_cast<int>(response.getStatus());
    reply.body.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  } catch (const Poco::Exception& e) {
    reply.body = e.displayText();
  }
  return reply;
}

class ServeDaemonTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("ordex-serve-" + std::to_string(getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = (dir_ / "serve.db").string();
    config_ = dir_ / "serve.properties";
    log_ = dir_ / "serve.log";
  }
  void TearDown() override {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      wait_exit(pid_, 10s);
    }
    if (!HasFailure()) fs::remove_all(dir_);
  }

  // A job `name` on DIR/<name>/inbox, moving files to DIR/<name>/archive and quarantine.
  std::string job(int n, const std::string& name) {
    const fs::path base = dir_ / name;
    for (const char* sub : {"inbox", "archive", "quarantine"}) fs::create_directories(base / sub);
    const std::string p = "jobs." + std::to_string(n) + ".";
    return p + "name = " + name + "\n" + p + "inbox = " + (base / "inbox").string() + "\n" + p +
           "schedule = every 1s\n" + p + "stable_seconds = 0\n" + p +
           "archive = " + (base / "archive").string() + "\n" + p +
           "quarantine = " + (base / "quarantine").string() + "\n";
  }
  void write_config(const std::string& jobs, const std::string& db = "") {
    std::ofstream(config_) << "serve.db = " << (db.empty() ? db_ : db) << "\n"
                           << "serve.http.port = 0\n"
                           << "serve.log.format = json\n"
                           << "serve.log.file = " << log_.string() << "\n"
                           << "serve.sweep.every = 1h\n"
                           << "serve.db.retry_max = 2s\n"
                           << jobs;
  }
  void start(std::vector<std::string> extra = {}) {
    std::vector<std::string> argv = {kOrdex.string(), "serve", "--config", config_.string()};
    argv.insert(argv.end(), extra.begin(), extra.end());
    pid_ = spawn(argv, dir_ / "stderr.log");
  }
  int stop(int signal = SIGTERM) {
    ::kill(pid_, signal);
    const int code = wait_exit(pid_, 60s);
    pid_ = -1;
    return code;
  }
  std::size_t logged(const char* id) {
    return log_lines(log_, std::string("\"") + id + "\"").size();
  }

  fs::path dir_;
  std::string db_;
  fs::path config_;
  fs::path log_;
  pid_t pid_ = -1;
};

TEST_F(ServeDaemonTest, TheDemoWeekThroughTheInboxLeavesWhatOrdexRunLeaves) {
  // The reference: `ordex run` over the same files, in the same (name) order.
  const fs::path week = dir_ / "week";
  fs::create_directories(week);
  const std::vector<fs::path> files = demo_week_files();
  for (const fs::path& f : files) fs::copy_file(f, week / f.filename());
  const std::string reference = (dir_ / "run.db").string();
  ASSERT_EQ(
      run({kOrdex.string(), "master", "load", "--db", reference, (kSamples / "master").string()}),
      0);
  ASSERT_EQ(run({kOrdex.string(), "run", "--db", reference, "--quiet", week.string()}), 1);

  ASSERT_EQ(run({kOrdex.string(), "master", "load", "--db", db_, (kSamples / "master").string()}),
            0);
  write_config(job(1, "week"));
  start();
  for (const fs::path& f : files) drop_into(f, dir_ / "week" / "inbox");
  const fs::path archive = dir_ / "week" / "archive";
  const fs::path quarantine = dir_ / "week" / "quarantine";
  ASSERT_TRUE(eventually(
      [&] { return files_in(archive).size() + files_in(quarantine).size() == files.size(); }, 180s))
      << files_in(archive).size() << " archived of " << files.size();
  EXPECT_EQ(stop(), 0);
  EXPECT_TRUE(files_in(dir_ / "week" / "inbox").empty());
  EXPECT_EQ(files_in(archive).size(), files.size());
  EXPECT_EQ(logged("ORDX-S022"), files.size());  // one "file imported" per file
  EXPECT_EQ(logged("ORDX-S001"), 1u);
  EXPECT_EQ(logged("ORDX-S003"), 1u);
  const StoreFacts expected = facts_of(reference);
  EXPECT_EQ(expected.rows.at("inbound_files"), static_cast<std::int64_t>(files.size()));
  EXPECT_EQ(expected.orders.size(), 24u);  // the header and 23 orders
  const StoreFacts got = facts_of(db_);
  EXPECT_EQ(got.rows, expected.rows);
  EXPECT_EQ(got.files, expected.files);
  EXPECT_EQ(got.orders, expected.orders);
}

TEST_F(ServeDaemonTest, SigtermExitsZeroAndRemovesThePidFile) {
  write_config(job(1, "in"));
  const fs::path pid_file = dir_ / "run" / "ordex.pid";
  fs::create_directories(pid_file.parent_path());
  start({"--pidfile", pid_file.string()});
  ASSERT_TRUE(eventually([&] { return logged("ORDX-S001") == 1; }, 60s));
  std::ifstream in(pid_file);
  pid_t written = 0;
  in >> written;
  EXPECT_EQ(written, pid_);
  EXPECT_EQ(stop(SIGTERM), 0);
  EXPECT_FALSE(fs::exists(pid_file));
  EXPECT_EQ(logged("ORDX-S002"), 1u);
  EXPECT_EQ(logged("ORDX-S003"), 1u);
}

TEST_F(ServeDaemonTest, SighupPicksUpANewJobAndKeepsRunningOnABrokenConfig) {
  const std::string first = job(1, "one");
  write_config(first);
  start();
  ASSERT_TRUE(eventually([&] { return logged("ORDX-S001") == 1; }, 60s));
  const fs::path sample = kSamples / "inbound" / "20261116T0815_NORTHWIND_850_000000101.x12";
  const fs::path other = kSamples / "inbound" / "20261116T0902_BLUEBIRD_850_000004205.x12";

  write_config(first + job(2, "two"));
  ::kill(pid_, SIGHUP);
  ASSERT_TRUE(eventually([&] { return logged("ORDX-S004") == 1; }, 60s));
  drop_into(sample, dir_ / "two" / "inbox");
  EXPECT_TRUE(eventually([&] { return files_in(dir_ / "two" / "archive").size() == 1; }, 60s));

  std::ofstream(config_) << "jobs.1.schedule = not a schedule\n";
  ::kill(pid_, SIGHUP);
  ASSERT_TRUE(eventually([&] { return logged("ORDX-S005") == 1; }, 60s));
  drop_into(other, dir_ / "one" / "inbox");  // the running config still works
  EXPECT_TRUE(eventually([&] { return files_in(dir_ / "one" / "archive").size() == 1; }, 60s));
  EXPECT_EQ(stop(SIGINT), 0);
}

TEST_F(ServeDaemonTest, ADatabaseMissingAtStartIsWaitedForAndNoFileIsLost) {
  const fs::path later = dir_ / "not-yet";  // SQLite cannot create a file in a missing folder
  write_config(job(1, "in"), (later / "serve.db").string());
  drop_into(kSamples / "inbound" / "20261116T0815_NORTHWIND_850_000000101.x12",
            dir_ / "in" / "inbox");
  start();
  ASSERT_TRUE(eventually([&] { return logged("ORDX-S011") >= 2; }, 60s));
  EXPECT_EQ(files_in(dir_ / "in" / "inbox").size(), 1u);  // waits in the inbox
  fs::create_directories(later);
  EXPECT_TRUE(eventually([&] { return files_in(dir_ / "in" / "archive").size() == 1; }, 60s));
  EXPECT_GE(logged("ORDX-S010"), 1u);
  EXPECT_EQ(stop(), 0);
}

TEST_F(ServeDaemonTest, ABadConfigIsExitTwoWithTheKeyNamed) {
  std::ofstream(config_) << "serve.db = " << db_ << "\njobs.1.inbox = " << dir_.string()
                         << "\njobs.1.schedule = 61 * * * *\n";
  const fs::path out = dir_ / "stderr.log";
  EXPECT_EQ(run({kOrdex.string(), "serve", "--config", config_.string()}, out), 2);
  EXPECT_EQ(log_lines(out, "jobs.1.schedule").size(), 1u);
}

// The daemon's side of the HTTP API: readiness, the jobs' status, the daemon's counters in
// /metrics, and the admin's re-run of a quarantined file through the import path.
TEST_F(ServeDaemonTest, TheHttpHooksReportJobsAndRerunAQuarantinedFile) {
  write_config(job(1, "in"));
  start();
  ASSERT_TRUE(eventually([&] { return logged("ORDX-S050") == 1; }, 60s));
  const std::string listening = log_lines(log_, "\"ORDX-S050\"").front();
  const std::size_t at = listening.find("\"port\":");
  ASSERT_NE(at, std::string::npos) << listening;
  const auto port = static_cast<std::uint16_t>(std::stoi(listening.substr(at + 7)));
  std::ofstream(dir_ / "pw") << "a-long-enough-password\n";
  ASSERT_EQ(run({kOrdex.string(), "user", "add", "--db", db_, "--role", "admin", "--password-file",
                 (dir_ / "pw").string(), "root"}),
            0);
  const fs::path token_file = dir_ / "token";
  ASSERT_EQ(
      run({kOrdex.string(), "user", "token", "--db", db_, "--label", "test", "root"}, token_file),
      0);
  const std::vector<std::string> tokens = log_lines(token_file, "ordex_");
  ASSERT_EQ(tokens.size(), 1u);
  const std::string token = tokens.front();

  std::ofstream(dir_ / "garbage.x12") << "this is not EDI\n";
  drop_into(dir_ / "garbage.x12", dir_ / "in" / "inbox");
  ASSERT_TRUE(eventually([&] { return files_in(dir_ / "in" / "quarantine").size() == 1; }, 60s));

  EXPECT_TRUE(eventually([&] { return http(port, "GET", "/readyz", "").status == 200; }, 30s));
  const Reply status = http(port, "GET", "/api/v1/imports/status", token);
  EXPECT_EQ(status.status, 200);
  EXPECT_NE(status.body.find("\"name\":\"in\""), std::string::npos) << status.body;
  EXPECT_NE(status.body.find("\"quarantined\":1"), std::string::npos) << status.body;

  // The file's record names where it arrived, not the daemon's processing folder.
  const Reply imports = http(port, "GET", "/api/v1/imports", token);
  EXPECT_NE(imports.body.find((dir_ / "in" / "inbox" / "garbage.x12").string()), std::string::npos)
      << imports.body;
  EXPECT_EQ(imports.body.find(".ordex-processing"), std::string::npos) << imports.body;

  const Reply rerun = http(port, "POST", "/api/v1/imports/1/rerun", token);
  EXPECT_EQ(rerun.status, 200) << rerun.body;
  EXPECT_NE(rerun.body.find("\"result\":\"quarantined\""), std::string::npos) << rerun.body;
  EXPECT_EQ(files_in(dir_ / "in" / "quarantine"), std::vector<std::string>{"garbage.x12"});
  EXPECT_EQ(http(port, "POST", "/api/v1/imports/99/rerun", token).status, 404);
  const Reply metrics = http(port, "GET", "/metrics", "");
  EXPECT_NE(metrics.body.find("ordex_imports_total{result=\"quarantined\"} 2"), std::string::npos)
      << metrics.body;
  EXPECT_EQ(stop(), 0);
  const StoreFacts facts = facts_of(db_);
  EXPECT_EQ(facts.rows.at("inbound_files"), 1);
  EXPECT_EQ(facts.rows.at("findings"), 1);  // the re-run's, not a second copy
  EXPECT_EQ(logged("ORDX-S033"), 1u);
}

}  // namespace
}  // namespace ordex::app::serve::testing
