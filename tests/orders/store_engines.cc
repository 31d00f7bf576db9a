// The two test databases behind StoreTest: a temporary SQLite file, and a schema of its own in
// the PostgreSQL cluster named by ORDEX_TEST_PG_URL.
#include <Poco/Data/Session.h>
#include <Poco/Exception.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <random>

#include "orders/connection.h"
#include "store_test_base.h"

namespace ordex::orders::testing {

namespace {

using Poco::Data::Keywords::now;

std::string run_sql(Poco::Data::Session& session, const std::string& sql) {
  try {
    session << sql, now;
    return "";
  } catch (const Poco::Exception& e) {
    return e.displayText();
  }
}

std::unique_ptr<Poco::Data::Session> session_for(const std::string& url) {
  Result<StoreTarget> target = parse_store_url(url);
  if (!target.ok()) return nullptr;
  Result<std::unique_ptr<Poco::Data::Session>> s = open_session(target.value(), StoreOptions{});
  return s.ok() ? std::move(s).value() : nullptr;
}

// A name no other test (or test process) uses at the same time.
std::string unique_name(const char* prefix) {
  static std::atomic<int> counter{0};
  static const unsigned salt = std::random_device{}();
  return std::string(prefix) + std::to_string(getpid()) + "_" + std::to_string(salt % 100000) +
         "_" + std::to_string(counter++);
}

class SqliteDatabase final : public TestDatabase {
 public:
  std::string unavailable() const override { return ""; }
  Result<std::string> create() override {
    dir_ = std::filesystem::temp_directory_path() / unique_name("ordex-store-test-");
    std::filesystem::create_directories(dir_);
    return (dir_ / "store.db").string();
  }
  void drop() override {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  std::string execute(const std::string& sql) override {
    auto session = session_for((dir_ / "store.db").string());
    return session ? run_sql(*session, sql) : "cannot open";
  }

 private:
  std::filesystem::path dir_;
};

class PostgresDatabase final : public TestDatabase {
 public:
  PostgresDatabase() {
    const char* url = std::getenv("ORDEX_TEST_PG_URL");
    base_ = url != nullptr ? url : "";
  }
  std::string unavailable() const override {
    return base_.empty() ? "ORDEX_TEST_PG_URL is not set (start a cluster with "
                           "scripts/pg-test-cluster start and export its URL)"
                         : "";
  }
  Result<std::string> create() override {
    admin_ = session_for(base_);
    if (!admin_) return Failure{"cannot connect to " + base_};
    schema_ = unique_name("ordex_test_");
    if (std::string e = run_sql(*admin_, "CREATE SCHEMA " + schema_); !e.empty()) {
      return Failure{e};
    }
    const char* joiner = base_.find('?') == std::string::npos ? "?" : "&";
    return base_ + joiner + "options=-csearch_path%3D" + schema_;
  }
  void drop() override {
    if (admin_) (void)run_sql(*admin_, "DROP SCHEMA " + schema_ + " CASCADE");
  }
  std::string execute(const std::string& sql) override {
    if (!admin_) return "not connected";
    if (std::string e = run_sql(*admin_, "SET search_path = " + schema_); !e.empty()) return e;
    return run_sql(*admin_, sql);
  }

 private:
  std::string base_;
  std::string schema_;
  std::unique_ptr<Poco::Data::Session> admin_;
};

}  // namespace

std::unique_ptr<TestDatabase> SqliteEngine::make() { return std::make_unique<SqliteDatabase>(); }
std::unique_ptr<TestDatabase> PostgresEngine::make() {
  return std::make_unique<PostgresDatabase>();
}

}  // namespace ordex::orders::testing
