#include "serve_process.h"

#include <Poco/Data/Session.h>
#include <Poco/Exception.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <thread>

#include "orders/connection.h"
#include "orders/store.h"

namespace ordex::app::serve::testing {

using namespace std::chrono_literals;

pid_t spawn(const std::vector<std::string>& argv, const fs::path& log) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (fd >= 0) {
      ::dup2(fd, 1);
      ::dup2(fd, 2);
      ::close(fd);
    }
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    ::execv(args[0], args.data());
    ::_exit(127);
  }
  return pid;
}

namespace {
int code_of(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status); }
}  // namespace

int run(const std::vector<std::string>& argv, const fs::path& log) {
  int status = 0;
  ::waitpid(spawn(argv, log), &status, 0);
  return code_of(status);
}

int wait_exit(pid_t pid, std::chrono::seconds timeout) {
  const auto until = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < until) {
    int status = 0;
    if (::waitpid(pid, &status, WNOHANG) == pid) return code_of(status);
    std::this_thread::sleep_for(50ms);
  }
  ::kill(pid, SIGKILL);
  ::waitpid(pid, nullptr, 0);
  return -1;
}

bool eventually(const std::function<bool()>& done, std::chrono::seconds timeout) {
  const auto until = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < until) {
    if (done()) return true;
    std::this_thread::sleep_for(100ms);
  }
  return done();
}

std::vector<fs::path> demo_week_files() {
  std::vector<fs::path> files;
  for (const char* dir : {"inbound", "inbound/feeds", "outbound"}) {
    for (const fs::directory_entry& e : fs::directory_iterator(kSamples / dir)) {
      if (e.is_regular_file()) files.push_back(e.path());
    }
  }
  std::sort(files.begin(), files.end(),
            [](const fs::path& a, const fs::path& b) { return a.filename() < b.filename(); });
  return files;
}

void drop_into(const fs::path& file, const fs::path& inbox) {
  const fs::path hidden = inbox / ("." + file.filename().string() + ".tmp");
  fs::copy_file(file, hidden, fs::copy_options::overwrite_existing);
  fs::rename(hidden, inbox / file.filename());
}

std::vector<std::string> files_in(const fs::path& dir) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const fs::directory_entry& e : fs::directory_iterator(dir, ec)) {
    const std::string name = e.path().filename().string();
    if (e.is_regular_file() && e.path().extension() != ".reason") names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<std::string> log_lines(const fs::path& log, const std::string& needle) {
  std::vector<std::string> lines;
  std::ifstream in(log);
  for (std::string line; std::getline(in, line);) {
    if (line.find(needle) != std::string::npos) lines.push_back(line);
  }
  return lines;
}

StoreFacts facts_of(const std::string& db) {
  StoreFacts facts;
  auto target = orders::parse_store_url(db);
  EXPECT_TRUE(target.ok());
  auto session = orders::open_session(target.value(), orders::StoreOptions{});
  EXPECT_TRUE(session.ok()) << (session.ok() ? "" : session.error());
  if (!session.ok()) return facts;
  using namespace Poco::Data::Keywords;
  Poco::Data::Session& s = *session.value();
  for (const char* table :
       {"partners", "inbound_files", "interchanges", "documents", "findings", "orders",
        "order_lines", "order_acks", "order_ack_lines", "shipments", "shipment_items",
        "shipment_orders", "shipment_events", "invoices", "invoice_lines", "functional_acks",
        "functional_ack_sets", "outbound_groups"}) {
    Poco::Int64 n = -1;
    try {
      s << "SELECT COUNT(*) FROM " + std::string(table), into(n), now;
    } catch (const Poco::Exception& e) {
      ADD_FAILURE() << table << ": " << e.displayText();
    }
    facts.rows[table] = n;
  }
  orders::StoreOptions read_only;
  read_only.read_only = true;
  auto store = orders::Store::open(db, read_only);
  EXPECT_TRUE(store.ok()) << (store.ok() ? "" : store.error());
  if (!store.ok()) return facts;
  std::vector<std::string> hashes;
  s << "SELECT sha256 FROM inbound_files", into(hashes), now;
  for (const std::string& sha : hashes) {
    auto file = store.value()->file_by_hash(sha).value();
    const auto documents = store.value()->documents_in_file(file->id).value().size();
    const auto findings = store.value()->findings_in_file(file->id).value().size();
    facts.files[sha] = std::string(orders::to_string(file->disposition)) + " " +
                       std::to_string(documents) + " " + std::to_string(findings);
  }
  // The orders as `ordex orders list` shows them, without the open exception count (that
  // depends on when the rules last ran, which differs between a daemon and a batch run).
  const fs::path listing =
      fs::temp_directory_path() / ("ordex-orders-" + std::to_string(::getpid()) + ".csv");
  fs::remove(listing);
  EXPECT_EQ(run({kOrdex.string(), "orders", "list", "--db", db, "--format", "csv"}, listing), 0);
  std::ifstream in(listing);
  for (std::string line; std::getline(in, line);) {
    facts.orders.push_back(line.substr(0, line.rfind(',')));
  }
  fs::remove(listing);
  std::sort(facts.orders.begin(), facts.orders.end());
  return facts;
}

}  // namespace ordex::app::serve::testing
