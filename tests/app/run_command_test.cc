// `ordex run` and `ordex orders` in process: exit codes, the JSON summary, usage errors.
#include "app/run_command.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "app/master_command.h"
#include "app/orders_command.h"
#include "app/validate_command.h"
#include "capture.h"
#include "orders/store.h"

namespace ordex::app {
namespace {

namespace fs = std::filesystem;

const fs::path kSamples = fs::path(ORDEX_SOURCE_DIR) / "samples";

using testing::Capture;

class RunCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("ordex-run-cmd-" + std::to_string(getpid()));
    fs::create_directories(dir_);
    db_ = (dir_ / "orders.db").string();
  }
  void TearDown() override {
    std::error_code ignored;
    fs::permissions(dir_, fs::perms::owner_all, ignored);
    fs::remove_all(dir_, ignored);
  }
  template <typename C>
  int run(std::vector<std::string> args, std::string* out = nullptr, std::string* err = nullptr) {
    C command;
    Capture o(std::cout), e(std::cerr);
    const int code = run_command(command, args);
    if (out) *out = o.text();
    if (err) *err = e.text();
    return code;
  }
  fs::path dir_;
  std::string db_;
};

TEST_F(RunCommandTest, TheDemoWeekExitsOneForItsRejectedSetAndDuplicate) {
  ASSERT_EQ(run<MasterCommand>({"load", "--db", db_, (kSamples / "master").string()}), 0);
  std::string out;
  EXPECT_EQ(
      run<RunCommand>({"--db", db_, "--as-of", "2026-11-23T08:00:00-06:00", "--format", "json",
                       (kSamples / "inbound").string(), (kSamples / "outbound").string()},
                      &out),
      1);
  EXPECT_NE(out.find("\"files\":67,"), std::string::npos) << out;
  EXPECT_NE(out.find("\"orders\":24,"), std::string::npos) << out;
  EXPECT_EQ(out.find('\n'), out.size() - 1);  // one object, one line
  // Again: nothing new, nothing rejected this time.
  EXPECT_EQ(run<RunCommand>({"--db", db_, "--quiet", (kSamples / "inbound").string()}, &out), 0);
  EXPECT_EQ(out, "");
  EXPECT_EQ(run<OrdersCommand>({"list", "--db", db_, "--format", "csv"}, &out), 0);
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 24);  // header + 23 orders
  EXPECT_EQ(run<OrdersCommand>({"show", "--db", db_, "4500012610"}, &out), 0);
  EXPECT_NE(out.find("850 rejected"), std::string::npos) << out;
  EXPECT_EQ(run<OrdersCommand>({"show", "--db", db_, "NOPE"}, &out), 1);
}

TEST_F(RunCommandTest, AMissingInputPathIsExitTwoAndWritesNothing) {
  std::string err;
  EXPECT_EQ(run<RunCommand>({"--db", db_, (dir_ / "missing").string()}, nullptr, &err), 2);
  EXPECT_NE(err.find("no such file"), std::string::npos) << err;
  EXPECT_FALSE(fs::exists(db_));
}

TEST_F(RunCommandTest, UsageErrorsAreExitTwo) {
  EXPECT_EQ(run<RunCommand>({(kSamples / "inbound").string()}), 2);  // no --db
  EXPECT_EQ(run<RunCommand>({"--db", db_}), 2);                      // no input
  EXPECT_EQ(run<RunCommand>({"--db", db_, "--format", "xml", "x"}), 2);
  EXPECT_EQ(run<RunCommand>({"--db", db_, "--config", (dir_ / "none.properties").string(),
                             (kSamples / "inbound").string()}),
            2);
  EXPECT_EQ(run<OrdersCommand>({"list"}), 2);
}

TEST_F(RunCommandTest, AReadOnlyDatabaseIsExitTwo) {
  if (::geteuid() == 0) GTEST_SKIP() << "root writes read-only files";
  ASSERT_EQ(run<MasterCommand>({"load", "--db", db_, (kSamples / "master").string()}), 0);
  ::chmod(db_.c_str(), 0444);
  std::string err;
  EXPECT_EQ(run<RunCommand>({"--db", db_, (kSamples / "inbound").string()}, nullptr, &err), 2);
  EXPECT_NE(err.find("not writable"), std::string::npos) << err;
}

TEST_F(RunCommandTest, AnUnopenableDatabaseIsExitTwo) {
  std::string err;
  EXPECT_EQ(run<RunCommand>({"--db", (dir_ / "no" / "such" / "dir" / "x.db").string(),
                             (kSamples / "inbound").string()},
                            nullptr, &err),
            2);
  EXPECT_FALSE(err.empty());
}

TEST_F(RunCommandTest, ConfigSetsArchiveAndQuarantine) {
  const fs::path in = dir_ / "in";
  fs::create_directories(in);
  fs::copy_file(kSamples / "inbound/20261116T0815_NORTHWIND_850_000000101.x12", in / "a.x12");
  std::ofstream(in / "b.xml") << "<trackingFeed carrier=\"X\">";
  std::ofstream(dir_ / "run.properties")
      << "# test\nself.ids = ZZ:ACMESUPPLY\narchive.dir = " << (dir_ / "archive").string()
      << "\nquarantine.dir = " << (dir_ / "quarantine").string() << "\n";
  EXPECT_EQ(run<RunCommand>({"--db", db_, "--quiet", "--config", (dir_ / "run.properties").string(),
                             in.string()}),
            1);
  EXPECT_TRUE(fs::exists(dir_ / "archive" / "a.x12"));
  EXPECT_TRUE(fs::exists(dir_ / "quarantine" / "b.xml"));
  EXPECT_TRUE(fs::exists(dir_ / "quarantine" / "b.xml.reason"));
  EXPECT_TRUE(fs::is_empty(in));
}

// The acknowledgment files in `dir` (not the pending folder), by name.
std::vector<fs::path> ack_files(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const fs::directory_entry& e : fs::directory_iterator(dir)) {
    if (e.is_regular_file()) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Our ISA13 / UNB 0020 of each acknowledgment written.
std::vector<std::string> our_control_numbers(const std::vector<fs::path>& files) {
  std::vector<std::string> numbers;
  for (const fs::path& f : files) {
    const std::string text = read_all(f);
    if (text.rfind("ISA", 0) == 0) {
      numbers.push_back(text.substr(90, 9));  // fixed-width ISA: ISA13 at byte 90
    } else {
      const std::size_t unb = text.find("UNB");
      std::size_t at = unb;
      for (int plus = 0; plus < 5 && at != std::string::npos; ++plus) at = text.find('+', at + 1);
      numbers.push_back(text.substr(at + 1, text.find_first_of("+'", at + 1) - at - 1));
    }
  }
  return numbers;
}

TEST_F(RunCommandTest, AcknowledgmentsAreWrittenOnceWithFreshControlNumbersAndValidateClean) {
  ASSERT_EQ(run<MasterCommand>({"load", "--db", db_, (kSamples / "master").string()}), 0);
  // Two batches of the demo week, so control numbers must carry over from one run to the next.
  const fs::path first = dir_ / "first", second = dir_ / "second", acks = dir_ / "acks";
  fs::create_directories(first);
  fs::create_directories(second);
  int n = 0;
  for (const fs::directory_entry& e : fs::directory_iterator(kSamples / "inbound")) {
    if (e.is_regular_file())
      fs::copy_file(e.path(), (n++ % 2 ? first : second) / e.path().filename());
  }
  const std::vector<std::string> common = {
      "--db",  db_,   "--quiet",   "--as-of",    "2026-11-23T08:00:00-06:00",
      "--ack", "997", "--ack-dir", acks.string()};
  auto run_on = [&](const fs::path& input) {
    std::vector<std::string> args = common;
    args.push_back(input.string());
    std::string err;
    const int code = run<RunCommand>(args, nullptr, &err);
    EXPECT_NE(code, 2) << err;
  };
  run_on(first);
  const std::size_t after_first = ack_files(acks).size();
  EXPECT_GT(after_first, 0u);
  run_on(second);
  const std::vector<fs::path> written = ack_files(acks);
  EXPECT_GT(written.size(), after_first);
  EXPECT_TRUE(fs::is_empty(acks / ".pending"));

  // Never an acknowledgment of an acknowledgment: no file is named after a received 997, 999
  // or CONTRL ("<stem>.<ordinal>.<kind>.<ext>", the stem names the set received).
  for (const fs::path& f : written) {
    const std::string name = f.filename().string();
    EXPECT_EQ(name.find("_997_"), std::string::npos) << name;
    EXPECT_EQ(name.find("_999_"), std::string::npos) << name;
    EXPECT_EQ(name.find("_CONTRL_"), std::string::npos) << name;
  }
  // EDIFACT interchanges got CONTRLs.
  EXPECT_TRUE(std::any_of(written.begin(), written.end(), [](const fs::path& f) {
    return f.filename().string().find(".contrl.edi") != std::string::npos;
  }));
  // Control numbers never repeat, across the two runs.
  std::vector<std::string> numbers = our_control_numbers(written);
  std::sort(numbers.begin(), numbers.end());
  EXPECT_EQ(std::adjacent_find(numbers.begin(), numbers.end()), numbers.end());

  // Running everything again imports nothing new and writes nothing.
  run_on(first);
  run_on(second);
  EXPECT_EQ(ack_files(acks).size(), written.size());

  // Each acknowledgment validates clean.
  std::string out;
  EXPECT_EQ(run<ValidateCommand>({acks.string()}, &out), 0) << out;

  // And each is recorded as an outbound group that awaits no acknowledgment.
  auto store = orders::Store::open(db_);
  ASSERT_TRUE(store.ok()) << store.error();
  auto groups = store.value()->outbound_groups();
  ASSERT_TRUE(groups.ok()) << groups.error();
  std::size_t ack_groups = 0;
  for (const orders::OutboundGroupStatus& g : groups.value()) {
    if (!orders::awaits_functional_ack(g.group)) ++ack_groups;
  }
  // One record per 997 group (GS), per TA1 and per CONTRL.
  std::size_t records = 0;
  for (const fs::path& f : written) {
    const std::string text = read_all(f);
    if (text.rfind("ISA", 0) != 0) {
      ++records;
      continue;
    }
    const std::string term(1, text[105]), sep(1, text[3]);
    for (const std::string tag : {"GS", "TA1"}) {
      for (std::size_t at = text.find(term + tag + sep); at != std::string::npos;
           at = text.find(term + tag + sep, at + 1)) {
        ++records;
      }
    }
  }
  EXPECT_EQ(ack_groups, records);
}

TEST_F(RunCommandTest, ConfigChoosesAcknowledgmentsPerStandard) {
  ASSERT_EQ(run<MasterCommand>({"load", "--db", db_, (kSamples / "master").string()}), 0);
  const fs::path in = dir_ / "in";
  fs::create_directories(in);
  fs::copy_file(kSamples / "inbound/20261116T0815_NORTHWIND_850_000000101.x12", in / "a.x12");
  fs::copy_file(kSamples / "inbound/20261116T1030_RHEINMARKT_ORDERS_RMK000000418.edi",
                in / "b.edi");
  std::ofstream(dir_ / "run.properties")
      << "ack.x12 = 999\nack.edifact = none\nack.dir = " << (dir_ / "acks").string() << "\n";
  EXPECT_NE(run<RunCommand>({"--db", db_, "--quiet", "--config", (dir_ / "run.properties").string(),
                             in.string()}),
            2);
  const std::vector<fs::path> written = ack_files(dir_ / "acks");
  ASSERT_EQ(written.size(), 1u);
  EXPECT_EQ(written[0].filename().string(), "a.1.999.x12");
  std::ofstream(dir_ / "bad.properties") << "ack.edifact = 997\n";
  EXPECT_EQ(
      run<RunCommand>({"--db", db_, "--config", (dir_ / "bad.properties").string(), in.string()}),
      2);
  EXPECT_EQ(run<RunCommand>({"--db", db_, "--ack", "998", in.string()}), 2);
}

}  // namespace
}  // namespace ordex::app
