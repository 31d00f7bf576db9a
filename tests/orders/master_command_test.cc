// `ordex master load --db PATH DIR`: exit codes and what lands in the database.
#include "app/master_command.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "orders/store.h"

namespace ordex::app {
namespace {

class MasterCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        std::filesystem::temp_directory_path() / ("ordex-master-cmd-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir_ / "master");
    db_ = (dir_ / "orders.db").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void write(const char* name, const std::string& text) {
    std::ofstream(dir_ / "master" / name, std::ios::binary) << text;
  }
  int run(std::vector<std::string> args) {
    MasterCommand command;
    return run_command(command, args);
  }
  std::string folder() const { return (dir_ / "master").string(); }

  std::filesystem::path dir_;
  std::string db_;
};

TEST_F(MasterCommandTest, LoadsAFolderAndExitsZero) {
  write("partners.csv",
        "partner_id,name,role,qualifier,edi_id,timezone\n"
        "NORTHWIND,Northwind,customer,ZZ,NWIND,America/Chicago\n");
  EXPECT_EQ(run({"load", "--db", db_, folder()}), kExitOk);
  auto store = orders::Store::open(db_);
  ASSERT_TRUE(store.ok()) << store.error();
  EXPECT_TRUE(store.value()->partner("NORTHWIND").value().has_value());
}

TEST_F(MasterCommandTest, RejectedRowsExitOneAndGoodRowsStillLoad) {
  write("partners.csv",
        "partner_id,name,role,qualifier,edi_id,timezone\n"
        "NORTHWIND,Northwind,customer,ZZ,NWIND,America/Chicago\n"
        "BAD,Bad,customer,ZZ,BAD,Mars/Olympus_Mons\n");
  EXPECT_EQ(run({"load", "--db=" + db_, folder()}), kExitRejected);
  auto store = orders::Store::open(db_);
  ASSERT_TRUE(store.ok()) << store.error();
  EXPECT_TRUE(store.value()->partner("NORTHWIND").value().has_value());
  EXPECT_FALSE(store.value()->partner("BAD").value().has_value());
}

TEST_F(MasterCommandTest, UsageAndIoProblemsExitTwo) {
  EXPECT_EQ(run({"load", folder()}), kExitUsage);                                 // no --db
  EXPECT_EQ(run({"unload", "--db", db_, folder()}), kExitUsage);                  // no such verb
  EXPECT_EQ(run({"load", "--db", db_, (dir_ / "absent").string()}), kExitUsage);  // no folder
  EXPECT_EQ(run({"load", "--db", "/nonexistent-ordex/x.db", folder()}), kExitUsage);
}

}  // namespace
}  // namespace ordex::app
