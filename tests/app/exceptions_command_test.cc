// `ordex exceptions` end to end: in-process for the verbs and their output, and the real
// executable run by several processes at once for `next`.
#include "app/exceptions_command.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "../orders/store_test_base.h"
#include "capture.h"
#include "exceptions/exception_store.h"
#include "exceptions/exceptions_config.h"
#include "exceptions/sla_tracking.h"
#include "orders/store.h"
#include "orders/time_zone.h"

namespace ordex::app {
namespace {

namespace fs = std::filesystem;
using exceptions::ExceptionRecord;

using testing::Capture;

struct Ran {
  int code;
  std::string out, err;
};

class ExceptionsCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("ordex-exceptions-cli-" + std::to_string(getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = (dir_ / "store.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Seeds exceptions opened Monday 2026-11-23 08:00 Chicago, with their SLA fields.
  std::vector<std::int64_t> seed(
      const std::vector<std::pair<std::string, exceptions::Severity>>& rows,
      const std::string& url = "") {
    auto store = orders::Store::open(url.empty() ? db_ : url);
    EXPECT_TRUE(store.ok()) << store.error();
    auto ex = exceptions::ExceptionStore::open(*store.value());
    EXPECT_TRUE(ex.ok()) << ex.error();
    const auto config = exceptions::ExceptionsConfig::defaults();
    std::vector<std::int64_t> ids;
    for (const auto& [key, severity] : rows) {
      ExceptionRecord r;
      r.dedupe_key = key;
      r.type = key.rfind("late", 0) == 0 ? exceptions::ExceptionType::kAsnLate
                                         : exceptions::ExceptionType::kDeliveryLate;
      r.severity = severity;
      r.partner_id = "ACME";
      r.po_number = "PO-" + key;
      r.queue = "logistics";
      r.summary = "summary, \"quoted\", of " + key;
      r.evidence = "{\"po\":\"PO-" + key + "\",\"shipped\":\"8\"}";
      r.first_opened_at = r.opened_at = r.detected_at = r.updated_at = kOpened;
      exceptions::track_sla(r, {}, config.sla, kOpened);
      auto id = ex.value().insert(r);
      EXPECT_TRUE(id.ok()) << id.error();
      ids.push_back(id.ok() ? id.value() : 0);
    }
    return ids;
  }

  Ran run(std::vector<std::string> argv, const std::string& user = "alice",
          const std::string& as_of = "2026-11-23T15:00:00Z") {
    argv.insert(argv.end(), {"--db", db_, "--user", user, "--as-of", as_of});
    ExceptionsCommand command;
    Capture out(std::cout), err(std::cerr);
    const int code = run_command(command, argv);
    return {code, out.text(), err.text()};
  }

  static inline const exceptions::Instant kOpened =
      orders::parse_iso8601_instant("2026-11-23T14:00:00Z").value();
  fs::path dir_;
  std::string db_;
};

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

TEST_F(ExceptionsCommandTest, ListsJsonLinesWithTheContractKeysMostUrgentFirst) {
  const auto ids = seed({{"late-1", exceptions::Severity::kLow},
                         {"late-2", exceptions::Severity::kCritical},
                         {"gone-3", exceptions::Severity::kHigh}});
  const Ran r = run({"list", "--format", "json"}, "alice", "2026-11-24T15:00:00Z");
  ASSERT_EQ(r.code, kExitOk) << r.err;
  const auto l = lines(r.out);
  ASSERT_EQ(l.size(), 3u) << r.out;
  EXPECT_EQ(l[0].rfind("{\"id\":" + std::to_string(ids[1]) + ",\"type\":\"ASN_LATE\"", 0), 0u)
      << l[0];
  for (const char* key :
       {"\"severity\":", "\"status\":\"open\"", "\"partner\":\"ACME\"", "\"po\":",
        "\"queue\":\"logistics\"", "\"assignee\":\"\"", "\"opened_at\":\"2026-11-23T14:00:00Z\"",
        "\"response_due\":", "\"resolve_due\":", "\"breached\":", "\"at_risk\":", "\"claimed_by\":",
        "\"subject\":", "\"summary\":\"summary, \\\"quoted\\\", of late-2\""}) {
    EXPECT_NE(l[0].find(key), std::string::npos) << key << " in " << l[0];
  }
  // Critical: resolve due Monday 16:00 Chicago, so breached a day later.
  EXPECT_NE(l[0].find("\"breached\":true"), std::string::npos) << l[0];
  EXPECT_NE(l[2].find("\"breached\":false"), std::string::npos) << l[2];

  const Ran typed = run({"list", "--format", "csv", "--type", "DELIVERY_LATE"});
  ASSERT_EQ(typed.code, kExitOk) << typed.err;
  const auto csv = lines(typed.out);
  ASSERT_EQ(csv.size(), 2u) << typed.out;
  EXPECT_EQ(csv[0].rfind("id,type,severity,status,partner,po,", 0), 0u);
  EXPECT_NE(csv[1].find("\"summary, \"\"quoted\"\", of gone-3\""), std::string::npos) << csv[1];

  const Ran table = run({"list", "--breached"}, "alice", "2026-11-24T15:00:00Z");
  ASSERT_EQ(table.code, kExitOk);
  EXPECT_NE(table.out.find("BREACH"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("late"), std::string::npos) << table.out;  // "23h late"
  for (const std::string& line : lines(table.out)) EXPECT_LE(line.size(), 120u) << line;
}

TEST_F(ExceptionsCommandTest, NextClaimsThenNothingLeftExitsOne) {
  const auto ids = seed({{"late-1", exceptions::Severity::kHigh}});
  Ran r = run({"next", "--queue", "logistics"});
  ASSERT_EQ(r.code, kExitOk) << r.err;
  EXPECT_NE(r.out.find("claimed " + std::to_string(ids[0])), std::string::npos) << r.out;
  r = run({"next"}, "bob");
  EXPECT_EQ(r.code, kExitRejected);
  EXPECT_NE(r.err.find("nothing to claim"), std::string::npos);
  r = run({"claim", std::to_string(ids[0])}, "bob");
  EXPECT_EQ(r.code, kExitRejected);
  EXPECT_NE(r.err.find("claimed by alice"), std::string::npos) << r.err;
  r = run({"claim", std::to_string(ids[0])}, "bob", "2026-11-23T15:31:00Z");  // expired
  EXPECT_EQ(r.code, kExitOk) << r.err;
}

TEST_F(ExceptionsCommandTest, ChangesShowUpInShowWithBeforeAndAfter) {
  const auto ids = seed({{"late-1", exceptions::Severity::kCritical}});
  const std::string id = std::to_string(ids[0]);
  ASSERT_EQ(run({"note", id, "called", "the", "carrier"}).code, kExitOk);
  ASSERT_EQ(run({"assign", id, "bob"}).code, kExitOk);
  Ran r = run({"wait", id, "--until", "2026-11-23T17:00:00Z", "--on", "carrier"});
  ASSERT_EQ(r.code, kExitOk) << r.err;
  ASSERT_EQ(run({"resume", "--due"}, "alice", "2026-11-23T18:00:00Z").code, kExitOk);
  r = run({"resolve", id, "--reason", "delivered"}, "alice", "2026-11-23T19:00:00Z");
  ASSERT_EQ(r.code, kExitOk) << r.err;
  r = run({"show", id}, "alice", "2026-11-23T19:00:00Z");
  ASSERT_EQ(r.code, kExitOk) << r.err;
  for (const char* text :
       {"ASN_LATE  critical  resolved", "shipped: 8",
        "2026-11-23T15:00:00Z -> 2026-11-23T17:00:00Z  on carrier",
        "alice  noted  \"called the carrier\"", "assignee: \"\" -> \"bob\"",
        "status: \"open\" -> \"waiting\"", "resumed", "status: \"open\" -> \"resolved\"",
        "resolve_due: 2026-11-23T22:00:00Z -> 2026-11-24T15:00:00Z", "by alice: delivered"}) {
    EXPECT_NE(r.out.find(text), std::string::npos) << text << " in\n" << r.out;
  }
  r = run({"resolve", id, "--reason", "again"});
  EXPECT_EQ(r.code, kExitRejected);
  ASSERT_EQ(run({"reopen", id, "--reason", "came back"}).code, kExitOk);
}

TEST_F(ExceptionsCommandTest, BulkResolveByFilterAndMerge) {
  const auto ids = seed({{"late-1", exceptions::Severity::kLow},
                         {"late-2", exceptions::Severity::kLow},
                         {"gone-3", exceptions::Severity::kLow},
                         {"gone-4", exceptions::Severity::kLow}});
  Ran r = run({"resolve", "--all", "--type", "ASN_LATE", "--reason", "partner fixed the feed"});
  ASSERT_EQ(r.code, kExitOk) << r.err;
  EXPECT_NE(r.out.find("resolved 2 of 2"), std::string::npos) << r.out;
  r = run({"list", "--format", "json"});
  EXPECT_EQ(lines(r.out).size(), 2u) << r.out;
  r = run({"merge", std::to_string(ids[3]), "--into", std::to_string(ids[2])});
  ASSERT_EQ(r.code, kExitOk) << r.err;
  r = run({"list", "--format", "json", "--status", "merged"});
  ASSERT_EQ(lines(r.out).size(), 1u) << r.out;
  r = run({"show", std::to_string(ids[2])});
  EXPECT_NE(r.out.find("merged into this one"), std::string::npos) << r.out;
}

TEST_F(ExceptionsCommandTest, BulkMergeFoldsEveryMatchButTheTargetIntoIt) {
  const auto ids = seed({{"gone-1", exceptions::Severity::kLow},
                         {"gone-2", exceptions::Severity::kLow},
                         {"gone-3", exceptions::Severity::kLow},
                         {"late-4", exceptions::Severity::kLow}});
  // The target is one of the matches; it must stay, and the other two join it.
  Ran r = run({"merge", "--all", "--type", "DELIVERY_LATE", "--into", std::to_string(ids[1])});
  ASSERT_EQ(r.code, kExitOk) << r.err;
  EXPECT_NE(r.out.find("merged 2 of 2"), std::string::npos) << r.out;
  r = run({"list", "--format", "json", "--status", "merged"});
  EXPECT_EQ(lines(r.out).size(), 2u) << r.out;
  r = run({"list", "--format", "json"});
  ASSERT_EQ(lines(r.out).size(), 2u) << r.out;  // the target and the ASN_LATE one
  EXPECT_NE(r.out.find("\"id\":" + std::to_string(ids[1]) + ","), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"id\":" + std::to_string(ids[3]) + ","), std::string::npos) << r.out;
}

TEST_F(ExceptionsCommandTest, UsageAndUnknownIdsExitTwo) {
  seed({{"late-1", exceptions::Severity::kLow}});
  EXPECT_EQ(run({"show", "999"}).code, kExitUsage);
  EXPECT_EQ(run({"resolve", "1"}).code, kExitUsage);  // no --reason
  EXPECT_EQ(run({"list", "--status", "bogus"}).code, kExitUsage);
  EXPECT_EQ(run({"list", "--type", "NOPE"}).code, kExitUsage);
  EXPECT_EQ(run({"frobnicate"}).code, kExitUsage);
  EXPECT_EQ(run({"wait", "1", "--until", "tomorrow"}).code, kExitUsage);
  EXPECT_EQ(run({"list", "--config", (dir_ / "missing.properties").string()}).code, kExitUsage);
}

TEST_F(ExceptionsCommandTest, AMistypedDatabaseIsAnErrorNotANewEmptyOne) {
  db_ = (dir_ / "ordex-typo.db").string();
  const Ran r = run({"list"});
  EXPECT_EQ(r.code, kExitUsage);
  EXPECT_NE(r.err.find("no such file"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(db_));
}

// Several `ordex exceptions next` processes drain one queue; each exception is claimed once.
void drain_concurrently(const std::string& db, int workers, const fs::path& dir) {
  const std::string ordex = std::string(ORDEX_BINARY_DIR) + "/app/ordex";
  std::string script;
  for (int w = 0; w < workers; ++w) {
    script += "(while '" + ordex + "' exceptions next --format json --db '" + db + "' --user w" +
              std::to_string(w) + " --as-of 2026-11-23T15:00:00Z >> '" +
              (dir / ("w" + std::to_string(w))).string() + "'; do :; done) & ";
  }
  script += "wait";
  ASSERT_EQ(std::system(script.c_str()), 0);
}

void expect_each_claimed_once(const std::vector<std::int64_t>& ids, int workers,
                              const fs::path& dir) {
  std::map<std::int64_t, int> claims;
  for (int w = 0; w < workers; ++w) {
    for (const std::string& line : lines([&] {
           std::ifstream in(dir / ("w" + std::to_string(w)));
           return std::string(std::istreambuf_iterator<char>(in), {});
         }())) {
      ASSERT_EQ(line.rfind("{\"id\":", 0), 0u) << line;
      ++claims[std::stoll(line.substr(6))];
    }
  }
  EXPECT_EQ(claims.size(), ids.size());
  for (std::int64_t id : ids) EXPECT_EQ(claims[id], 1) << "exception " << id;
}

TEST_F(ExceptionsCommandTest, ConcurrentNextProcessesNeverDoubleClaimOnSqlite) {
  std::vector<std::pair<std::string, exceptions::Severity>> rows;
  for (int i = 0; i < 24; ++i)
    rows.emplace_back("late-" + std::to_string(i), exceptions::Severity::kHigh);
  const auto ids = seed(rows);
  drain_concurrently(db_, 4, dir_);
  expect_each_claimed_once(ids, 4, dir_);
}

TEST_F(ExceptionsCommandTest, ConcurrentNextProcessesNeverDoubleClaimOnPostgres) {
  auto pg = orders::testing::PostgresEngine::make();
  if (const std::string why = pg->unavailable(); !why.empty()) GTEST_SKIP() << why;
  auto url = pg->create();
  ASSERT_TRUE(url.ok()) << url.error();
  std::vector<std::pair<std::string, exceptions::Severity>> rows;
  for (int i = 0; i < 24; ++i)
    rows.emplace_back("late-" + std::to_string(i), exceptions::Severity::kHigh);
  const auto ids = seed(rows, url.value());
  drain_concurrently(url.value(), 4, dir_);
  expect_each_claimed_once(ids, 4, dir_);
  pg->drop();
}

}  // namespace
}  // namespace ordex::app
