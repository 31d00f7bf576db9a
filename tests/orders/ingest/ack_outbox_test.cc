// The acknowledgment folder's exactly-once protocol (ack_outbox.h): staged files appear only
// when published, a crash between the commit and the publication is recovered by the next run,
// a rollback leaves nothing, and a file already in the folder is never replaced.
#include "orders/ingest/ack_outbox.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace ordex::orders::ingest {
namespace {

namespace fs = std::filesystem;

const std::string kKey1(64, 'a'), kKey2(64, 'b');

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

class AckOutboxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("ordex-ack-outbox-" + std::to_string(getpid()));
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::unique_ptr<AckOutbox> open() {
    auto box = AckOutbox::open(dir_.string());
    EXPECT_TRUE(box.ok()) << box.error();
    return std::move(box).value();
  }
  fs::path dir_;
};

TEST_F(AckOutboxTest, StagedFilesAppearWhenPublished) {
  auto box = open();
  ASSERT_TRUE(box->stage(kKey1, "in.1.997.x12", "ISA...").ok());
  EXPECT_FALSE(fs::exists(dir_ / "in.1.997.x12"));
  ASSERT_TRUE(box->sync_staged().ok());
  ASSERT_TRUE(box->publish().ok());
  EXPECT_EQ(read_all(dir_ / "in.1.997.x12"), "ISA...");
  EXPECT_TRUE(fs::is_empty(dir_ / ".pending"));
  EXPECT_EQ(box->published(), 1u);
}

TEST_F(AckOutboxTest, ARollbackLeavesNothing) {
  auto box = open();
  ASSERT_TRUE(box->stage(kKey1, "in.1.997.x12", "x").ok());
  box->discard();
  ASSERT_TRUE(box->publish().ok());
  EXPECT_TRUE(fs::is_empty(dir_ / ".pending"));
  EXPECT_FALSE(fs::exists(dir_ / "in.1.997.x12"));
}

TEST_F(AckOutboxTest, ACrashAfterTheCommitIsPublishedByTheNextRun) {
  {
    auto crashed = open();
    ASSERT_TRUE(crashed->stage(kKey1, "in.1.997.x12", "committed").ok());
    // The process dies here: committed in the store, never published.
  }
  auto next = open();
  auto unknown = next->recover(kKey2);
  ASSERT_TRUE(unknown.ok());
  EXPECT_FALSE(unknown.value());
  auto recovered = next->recover(kKey1);
  ASSERT_TRUE(recovered.ok()) << recovered.error();
  EXPECT_TRUE(recovered.value());
  EXPECT_EQ(read_all(dir_ / "in.1.997.x12"), "committed");
  EXPECT_FALSE(next->recover(kKey1).value());  // once only
}

TEST_F(AckOutboxTest, ACrashBeforeTheCommitIsReplacedByTheNextAttempt) {
  {
    auto crashed = open();
    ASSERT_TRUE(crashed->stage(kKey1, "old-name.1.997.x12", "never committed").ok());
  }
  auto next = open();
  ASSERT_TRUE(next->stage(kKey1, "new-name.1.997.x12", "committed").ok());
  ASSERT_TRUE(next->publish().ok());
  EXPECT_TRUE(fs::is_empty(dir_ / ".pending"));
  EXPECT_FALSE(fs::exists(dir_ / "old-name.1.997.x12"));
  EXPECT_EQ(read_all(dir_ / "new-name.1.997.x12"), "committed");
}

TEST_F(AckOutboxTest, AFileNotYetPickedUpIsNeverReplaced) {
  auto box = open();
  ASSERT_TRUE(box->stage(kKey1, "in.1.997.x12", "first").ok());
  ASSERT_TRUE(box->publish().ok());
  ASSERT_TRUE(box->stage(kKey2, "in.1.997.x12", "second").ok());
  ASSERT_TRUE(box->publish().ok());
  EXPECT_EQ(read_all(dir_ / "in.1.997.x12"), "first");
  EXPECT_EQ(read_all(dir_ / "2-in.1.997.x12"), "second");
}

TEST_F(AckOutboxTest, BadKeysAndNamesAreRefused) {
  auto box = open();
  EXPECT_FALSE(box->stage("short", "in.1.997.x12", "x").ok());
  EXPECT_FALSE(box->stage(kKey1, "../escape", "x").ok());
  EXPECT_FALSE(box->stage(kKey1, "", "x").ok());
}

}  // namespace
}  // namespace ordex::orders::ingest
