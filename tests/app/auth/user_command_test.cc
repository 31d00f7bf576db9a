// `ordex user` in process on each engine: the verb's effects are read back through a
// Directory of its own, as the daemon would.
#include "app/user_command.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "../capture.h"
#include "directory_test_base.h"

namespace ordex::app::auth::testing {
namespace {

using app::testing::Capture;

template <typename E>
class UserCommandTest : public StoreTest<E> {
 protected:
  struct Outcome {
    int code;
    std::string out, err;
  };

  void SetUp() override {
    StoreTest<E>::SetUp();
    if (this->IsSkipped() || this->HasFatalFailure()) return;
    dir_ = std::filesystem::temp_directory_path() /
           ("ordex-user-test-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ignored;
    if (!dir_.empty()) std::filesystem::remove_all(dir_, ignored);
    StoreTest<E>::TearDown();
  }

  std::string password_file(const std::string& name, const std::string& content) {
    const auto path = dir_ / name;
    std::ofstream(path, std::ios::binary) << content;
    return path.string();
  }

  Outcome user(std::vector<std::string> argv) {
    argv.insert(argv.begin() + 1, {"--db", this->url()});
    UserCommand command;
    Capture out(std::cout), err(std::cerr);
    const int code = run_command(command, argv);
    return {code, out.text(), err.text()};
  }

  // A Directory of its own, on a session of its own.
  std::optional<NewSession> login(const std::string& name, const std::string& password) {
    other_ = this->open_again();
    if (!other_) return std::nullopt;
    auto d = Directory::open(other_->database());
    EXPECT_TRUE(d.ok()) << d.error();
    if (!d.ok()) return std::nullopt;
    auto who = d.value().login(name, password, 1'800'000'000);
    EXPECT_TRUE(who.ok()) << who.error();
    return who.ok() ? who.value() : std::nullopt;
  }

  std::filesystem::path dir_;
  std::unique_ptr<orders::Store> other_;
};
TYPED_TEST_SUITE(UserCommandTest, StoreEngines, StoreEngineNames);

TYPED_TEST(UserCommandTest, AddListAndLogIn) {
  const std::string file = this->password_file("alice.pw", "alice's long secret\n");
  auto added = this->user({"add", "--role", "manager", "--password-file", file, "alice"});
  ASSERT_EQ(added.code, kExitOk) << added.err;
  auto bob = this->user(
      {"add", "--role", "rep", "--password-file", this->password_file("b", "bobs secret"), "bob"});
  ASSERT_EQ(bob.code, kExitOk) << bob.err;
  ASSERT_EQ(this->user({"disable", "bob"}).code, kExitOk);

  auto list = this->user({"list", "--format", "json"});
  ASSERT_EQ(list.code, kExitOk) << list.err;
  const std::string created = R"("created_at":")";
  ASSERT_EQ(list.out.rfind(R"({"user":"alice","role":"manager","disabled":false,)" + created, 0),
            0u)
      << list.out;
  EXPECT_NE(list.out.find("\n{\"user\":\"bob\",\"role\":\"rep\",\"disabled\":true,"),
            std::string::npos)
      << list.out;
  EXPECT_EQ(std::count(list.out.begin(), list.out.end(), '\n'), 2);

  auto table = this->user({"list"});
  ASSERT_EQ(table.code, kExitOk) << table.err;
  EXPECT_NE(table.out.find("alice"), std::string::npos);
  EXPECT_NE(table.out.find("disabled"), std::string::npos);

  // The password is the file's first line, without its newline.
  auto who = this->login("alice", "alice's long secret");
  ASSERT_TRUE(who);
  EXPECT_EQ(who->principal.role, Role::kManager);
  EXPECT_FALSE(this->login("alice", "alice's long secret\n"));
  EXPECT_FALSE(this->login("bob", "bobs secret"));  // disabled
}

TYPED_TEST(UserCommandTest, PasswdRoleEnableAndTokens) {
  ASSERT_EQ(this->user({"add", "--role", "rep", "--password-file",
                        this->password_file("a", "first password"), "alice"})
                .code,
            kExitOk);
  auto passwd = this->user(
      {"passwd", "--password-file", this->password_file("b", "second password"), "alice"});
  ASSERT_EQ(passwd.code, kExitOk) << passwd.err;
  EXPECT_FALSE(this->login("alice", "first password"));
  ASSERT_TRUE(this->login("alice", "second password"));

  ASSERT_EQ(this->user({"role", "alice", "admin"}).code, kExitOk);
  EXPECT_EQ(this->login("alice", "second password")->principal.role, Role::kAdmin);

  auto token = this->user({"token", "alice", "--label", "ci"});
  ASSERT_EQ(token.code, kExitOk) << token.err;
  ASSERT_EQ(token.out.size(), 6u + 43u + 1u) << token.out;
  const std::string text = token.out.substr(0, token.out.size() - 1);
  auto store = this->open_again();
  ASSERT_TRUE(store);
  auto d = Directory::open(store->database());
  ORDEX_ASSERT_OK(d);
  auto who = d.value().verify_token(text, 1'800'000'000);
  ORDEX_ASSERT_OK(who);
  ASSERT_TRUE(who.value());
  EXPECT_EQ(who.value()->user, "alice");

  const auto revoked = this->user({"revoke", "alice", "--label", "ci"});
  ASSERT_EQ(revoked.code, kExitOk);
  EXPECT_NE(revoked.err.find("running daemons refuse it within 5 s"), std::string::npos)
      << revoked.err;
  who = d.value().verify_token(text, 1'800'000'001);
  ORDEX_ASSERT_OK(who);
  EXPECT_FALSE(who.value());
}

TYPED_TEST(UserCommandTest, ReadsThePasswordFromStdinWhenItIsNotATerminal) {
  // On a terminal the verb would prompt; a test must never wait for a keyboard.
  if (isatty(STDIN_FILENO) != 0) GTEST_SKIP() << "standard input is a terminal";
  std::istringstream piped("piped password\r\nnot this line\n");
  std::streambuf* old = std::cin.rdbuf(piped.rdbuf());
  auto added = this->user({"add", "--role", "lead", "alice"});
  std::cin.rdbuf(old);
  ASSERT_EQ(added.code, kExitOk) << added.err;
  auto who = this->login("alice", "piped password");
  ASSERT_TRUE(who);
  EXPECT_EQ(who->principal.role, Role::kLead);
}

TYPED_TEST(UserCommandTest, RefusalsExitOneAndUsageErrorsTwo) {
  const std::string file = this->password_file("a", "long enough password");
  ASSERT_EQ(this->user({"add", "--role", "rep", "--password-file", file, "alice"}).code, kExitOk);
  auto dup = this->user({"add", "--role", "rep", "--password-file", file, "alice"});
  EXPECT_EQ(dup.code, kExitRejected);
  EXPECT_NE(dup.err.find("already exists"), std::string::npos) << dup.err;
  EXPECT_EQ(this->user({"add", "--role", "rep", "--password-file",
                        this->password_file("s", "short"), "bob"})
                .code,
            kExitRejected);
  EXPECT_EQ(this->user({"disable", "nobody"}).code, kExitRejected);
  EXPECT_EQ(this->user({"revoke", "alice", "--label", "none"}).code, kExitRejected);

  EXPECT_EQ(this->user({"add", "--role", "root", "--password-file", file, "carol"}).code,
            kExitUsage);
  EXPECT_EQ(this->user({"add", "--password-file", file, "carol"}).code, kExitUsage);  // no role
  EXPECT_EQ(
      this->user({"add", "--role", "rep", "--password-file", file + ".missing", "carol"}).code,
      kExitUsage);
  EXPECT_EQ(this->user({"role", "alice", "boss"}).code, kExitUsage);
  EXPECT_EQ(this->user({"frobnicate", "alice"}).code, kExitUsage);
  EXPECT_EQ(this->user({"list", "extra"}).code, kExitUsage);
  EXPECT_EQ(this->user({"token", "alice"}).code, kExitUsage);  // no label
  EXPECT_EQ(this->user({"list", "--format", "xml"}).code, kExitUsage);
  // --password is not an option: a password never goes on the command line.
  EXPECT_EQ(
      this->user({"add", "--role", "rep", "--password", "long enough password", "carol"}).code,
      kExitUsage);
  EXPECT_FALSE(this->login("carol", "long enough password"));
}

}  // namespace
}  // namespace ordex::app::auth::testing
