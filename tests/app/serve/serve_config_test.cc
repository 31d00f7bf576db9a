// The serve config: defaults, paths taken from the start folder, per-job overrides of the
// `ordex run` keys, and errors that name the key.
#include "app/serve/serve_config.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace ordex::app::serve {
namespace {

namespace fs = std::filesystem;

class ServeConfigTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("ordex-serve-config-" + std::to_string(getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  orders::Result<ServeConfig> load(const std::string& text,
                                   const std::optional<std::string>& db = std::nullopt) {
    std::ofstream(dir_ / "c.properties") << text;
    return load_serve_config("c.properties", db, dir_.string());
  }
  std::string error(const std::string& text) {
    auto c = load(text);
    return c.ok() ? "(loaded)" : c.error();
  }
  fs::path dir_;
};

constexpr const char* kJob =
    "jobs.1.inbox = in\njobs.1.schedule = every 30s\narchive.dir = arc\nquarantine.dir = q\n";

TEST_F(ServeConfigTest, DefaultsAndPathsFromTheStartFolder) {
  auto c = load(std::string("serve.db = s.db\n") + kJob);
  ASSERT_TRUE(c.ok()) << c.error();
  const ServeConfig& config = c.value();
  EXPECT_EQ(config.db, (dir_ / "s.db").string());
  EXPECT_EQ(config.path, (dir_ / "c.properties").string());
  EXPECT_EQ(config.http.host, "127.0.0.1");
  EXPECT_EQ(config.http.port, 8080);
  EXPECT_EQ(config.http.threads, 128);
  EXPECT_EQ(config.http.session_minutes, 480);
  EXPECT_EQ(config.log_format, "text");
  EXPECT_EQ(config.sweep_every, 300);
  EXPECT_EQ(config.lease_seconds, 60);
  ASSERT_EQ(config.jobs.size(), 1u);
  const JobConfig& job = config.jobs[0];
  EXPECT_EQ(job.name, "job-1");
  EXPECT_EQ(job.inbox, (dir_ / "in").string());
  EXPECT_EQ(job.schedule.interval(), 30);
  EXPECT_EQ(job.stable_seconds, 5);
  EXPECT_EQ(job.pattern, "*");
  EXPECT_EQ(job.run.archive_dir, (dir_ / "arc").string());
  EXPECT_EQ(job.run.ack_dir, dir_.string());  // `ordex run`'s current folder
  EXPECT_FALSE(job.acks.any());
}

TEST_F(ServeConfigTest, JobsOverrideTheRunKeysAndSortByNumber) {
  auto c =
      load(std::string("serve.db = postgresql://o@db/x\nack.x12 = 997\nself.ids = ZZ:ME\n") + kJob +
           "jobs.10.name = feeds\njobs.10.inbox = /srv/feeds\njobs.10.schedule = */5 * * * *\n"
           "jobs.10.archive = /srv/a\njobs.10.ack = none\njobs.10.pattern = *.csv\n");
  ASSERT_TRUE(c.ok()) << c.error();
  const ServeConfig& config = c.value();
  EXPECT_EQ(config.db, "postgresql://o@db/x");  // a URL is kept as given
  ASSERT_EQ(config.jobs.size(), 2u);
  EXPECT_EQ(config.jobs[0].number, 1);
  EXPECT_TRUE(config.jobs[0].acks.any());  // ack.x12 of the file
  EXPECT_EQ(config.jobs[0].run.self_ids, std::vector<std::string>{"ZZ:ME"});
  EXPECT_EQ(config.jobs[1].name, "feeds");
  EXPECT_EQ(config.jobs[1].run.archive_dir, "/srv/a");
  EXPECT_EQ(config.jobs[1].run.quarantine_dir, (dir_ / "q").string());
  EXPECT_FALSE(config.jobs[1].acks.any());
  EXPECT_EQ(config.jobs[1].pattern, "*.csv");
  EXPECT_EQ(config.jobs[1].schedule.interval(), 0);
}

TEST_F(ServeConfigTest, DbOptionOverridesTheFile) {
  auto c = load(std::string("serve.db = s.db\n") + kJob, std::string("other.db"));
  ASSERT_TRUE(c.ok()) << c.error();
  EXPECT_EQ(c.value().db, (dir_ / "other.db").string());
}

TEST_F(ServeConfigTest, ErrorsNameTheKey) {
  EXPECT_NE(error(kJob).find("no database"), std::string::npos);
  const std::string db = "serve.db = s.db\n";
  EXPECT_NE(error(db + kJob + "serve.http.port = 70000\n").find("serve.http.port"),
            std::string::npos);
  EXPECT_NE(error(db + kJob + "serve.log.format = xml\n").find("serve.log.format"),
            std::string::npos);
  EXPECT_NE(error(db + kJob + "serve.sweep.every = soon\n").find("serve.sweep.every"),
            std::string::npos);
  EXPECT_NE(error(db + kJob + "serve.timezone = Mars/Olympus\n").find("serve.timezone"),
            std::string::npos);
  EXPECT_NE(error(db + kJob + "serve.http.tls.cert = c.pem\n").find("serve.http.tls.key"),
            std::string::npos);
  EXPECT_NE(error(db + "jobs.1.schedule = every 1m\narchive.dir = a\nquarantine.dir = q\n")
                .find("jobs.1.inbox"),
            std::string::npos);
  EXPECT_NE(error(db + "jobs.1.inbox = in\narchive.dir = a\nquarantine.dir = q\n")
                .find("jobs.1.schedule"),
            std::string::npos);
  EXPECT_NE(error(db + "jobs.1.inbox = in\njobs.1.schedule = every 1m\n").find("jobs.1.archive"),
            std::string::npos);
  EXPECT_NE(error(db + kJob + "jobs.1.ack = 998\n").find("jobs.1.ack"), std::string::npos);
  EXPECT_NE(error(db + kJob + "jobs.1.stable_seconds = -1\n").find("jobs.1.stable_seconds"),
            std::string::npos);
  EXPECT_NE(error(db + kJob + "jobs.x.inbox = in\n").find("jobs.x"), std::string::npos);
  EXPECT_NE(error(db + kJob + "rules.qty_tolerance = lots\n").find("rules.qty_tolerance"),
            std::string::npos);
  auto missing = load_serve_config("nope.properties", std::nullopt, dir_.string());
  EXPECT_FALSE(missing.ok());
}

}  // namespace
}  // namespace ordex::app::serve
