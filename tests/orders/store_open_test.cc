// Opening a store that cannot be opened: each engine's failures come back as clear errors.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "orders/store.h"
#include "test_records.h"

namespace ordex::orders::testing {
namespace {

class TempDir {
 public:
  TempDir()
      : path_(std::filesystem::temp_directory_path() /
              ("ordex-open-" + std::to_string(getpid()) + "-" + std::to_string(counter_++))) {
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::permissions(path_, std::filesystem::perms::owner_all, ignored);
    std::filesystem::remove_all(path_, ignored);
  }
  std::string file(const char* name) const { return (path_ / name).string(); }
  const std::filesystem::path& path() const { return path_; }

 private:
  static inline int counter_ = 0;
  std::filesystem::path path_;
};

void expect_error(const Result<std::unique_ptr<Store>>& r, const std::string& part) {
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().find(part), std::string::npos) << r.error();
}

TEST(StoreOpen, SqliteInAMissingFolderIsAClearError) {
  expect_error(Store::open("/nonexistent-ordex-dir/sub/orders.db"),
               "cannot open database /nonexistent-ordex-dir/sub/orders.db");
}

TEST(StoreOpen, SqliteFileThatIsNotADatabaseIsAClearError) {
  TempDir dir;
  std::ofstream(dir.file("junk.db")) << "ISA*00*          *00*          *ZZ*NOT A DATABASE~\n";
  Result<std::unique_ptr<Store>> r = Store::open(dir.file("junk.db"));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().find("not a database"), std::string::npos) << r.error();
}

TEST(StoreOpen, SqliteReadOnlyFolderIsAClearError) {
  if (geteuid() == 0) GTEST_SKIP() << "root ignores file permissions";
  TempDir dir;
  std::filesystem::permissions(
      dir.path(), std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
  Result<std::unique_ptr<Store>> r = Store::open(dir.file("orders.db"));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().find(dir.file("orders.db")), std::string::npos) << r.error();
  EXPECT_NE(r.error().find("is not writable"), std::string::npos) << r.error();
}

TEST(StoreOpen, SqliteReadOnlyFileIsAClearError) {
  if (geteuid() == 0) GTEST_SKIP() << "root ignores file permissions";
  TempDir dir;
  ASSERT_TRUE(Store::open(dir.file("orders.db")).ok());
  std::filesystem::permissions(dir.file("orders.db"), std::filesystem::perms::owner_read);
  expect_error(Store::open(dir.file("orders.db")), "the file is read-only");
  StoreOptions options;
  options.read_only = true;
  Result<std::unique_ptr<Store>> reader = Store::open(dir.file("orders.db"), options);
  EXPECT_TRUE(reader.ok()) << reader.error();
}

TEST(StoreOpen, SqliteReadOnlyOptionNeedsAnExistingDatabase) {
  TempDir dir;
  StoreOptions options;
  options.read_only = true;
  expect_error(Store::open(dir.file("absent.db"), options), "no such file");
  EXPECT_FALSE(std::filesystem::exists(dir.file("absent.db")));
}

TEST(StoreOpen, SqliteMustExistOptionOpensAnExistingDatabaseForWritingOnly) {
  TempDir dir;
  StoreOptions options;
  options.must_exist = true;
  expect_error(Store::open(dir.file("absent.db"), options), "no such file");
  EXPECT_FALSE(std::filesystem::exists(dir.file("absent.db")));
  ASSERT_TRUE(Store::open(dir.file("made.db")).ok());
  Result<std::unique_ptr<Store>> again = Store::open(dir.file("made.db"), options);
  ASSERT_TRUE(again.ok()) << again.error();
  EXPECT_TRUE(again.value()->begin().ok());
  EXPECT_TRUE(again.value()->commit().ok());
}

TEST(StoreOpen, SqliteWriterWaitsForTheLockThenFailsClearly) {
  TempDir dir;
  StoreOptions quick;
  quick.busy_timeout = std::chrono::milliseconds(100);
  auto first = Store::open(dir.file("orders.db"), quick);
  ASSERT_TRUE(first.ok()) << first.error();
  auto second = Store::open(dir.file("orders.db"), quick);
  ASSERT_TRUE(second.ok()) << second.error();
  ASSERT_TRUE(first.value()->begin().ok());
  ASSERT_TRUE(first.value()->upsert_partner(customer("A")).ok());
  ASSERT_TRUE(first.value()->flush().ok());
  Status blocked = second.value()->begin();
  ASSERT_FALSE(blocked.ok());
  EXPECT_NE(blocked.error().find("locked"), std::string::npos) << blocked.error();
  // Readers are not blocked by a writer in WAL mode, and see only committed data.
  EXPECT_FALSE(second.value()->partner("A").value().has_value());
  ASSERT_TRUE(first.value()->commit().ok());
  EXPECT_TRUE(second.value()->partner("A").value().has_value());
  ASSERT_TRUE(second.value()->begin().ok());
  ASSERT_TRUE(second.value()->rollback().ok());
}

TEST(StoreOpen, PostgresThatIsNotThereIsAClearError) {
  // Port 1 on the loopback: nothing listens, the connection is refused at once.
  expect_error(Store::open("postgresql://ordex@127.0.0.1:1/ordex?connect_timeout=2"),
               "cannot open database postgresql://ordex@127.0.0.1:1/ordex");
}

TEST(StoreOpen, BadUrlIsAClearError) {
  expect_error(Store::open("postgresql://u@h/d?application_name=two%20words"), "space");
}

}  // namespace
}  // namespace ordex::orders::testing
