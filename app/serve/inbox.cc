#include "app/serve/inbox.h"

#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <signal.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <filesystem>

namespace ordex::app::serve {

namespace fs = std::filesystem;
using orders::Failure;

namespace {

bool ends_with(const std::string& s, const char* suffix) {
  const std::size_t n = std::strlen(suffix);
  return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}

std::string system_error(const std::string& what, int error) {
  return what + ": " + std::strerror(error);
}

// rename() that never replaces `to`: EEXIST when it exists. link + unlink on file systems
// without RENAME_NOREPLACE (the link fails when `to` exists, atomically too).
int rename_noreplace(const std::string& from, const std::string& to) {
  if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return 0;
  if (errno != EINVAL && errno != ENOSYS) return errno;
  if (::link(from.c_str(), to.c_str()) != 0) return errno;
  if (::unlink(from.c_str()) != 0) return errno;
  return 0;
}

// Moves `from` to dir/name, or dir/name.1, .2, ... when taken.
orders::Result<std::string> move_to_free_name(const std::string& from, const fs::path& dir,
                                              const std::string& name) {
  for (int n = 0; n < 1000; ++n) {
    const fs::path to = dir / (n == 0 ? name : name + "." + std::to_string(n));
    const int error = rename_noreplace(from, to.string());
    if (error == 0) return to.string();
    if (error != EEXIST)
      return Failure{system_error("cannot move " + from + " to " + to.string(), error)};
  }
  return Failure{"cannot move " + from + ": no free name in " + dir.string()};
}

fs::path processing_root(const std::string& inbox) { return fs::path(inbox) / kProcessingFolder; }

orders::Result<std::vector<std::string>> requeue_folder(const std::string& inbox,
                                                        const fs::path& folder) {
  std::vector<std::string> moved;
  std::error_code ec;
  for (const fs::directory_entry& e : fs::directory_iterator(folder, ec)) {
    if (!e.is_regular_file(ec)) continue;
    auto to = move_to_free_name(e.path().string(), inbox, e.path().filename().string());
    if (!to.ok()) return Failure{to.error()};
    moved.push_back(to.value());
  }
  if (ec && ec != std::errc::no_such_file_or_directory) {
    return Failure{"cannot read " + folder.string() + ": " + ec.message()};
  }
  fs::remove(folder, ec);  // empty now; another daemon may have removed it first
  return moved;
}

}  // namespace

bool is_candidate_name(const std::string& name, const std::string& pattern) {
  if (name.empty() || name[0] == '.' || ends_with(name, ".tmp") || ends_with(name, ".part")) {
    return false;
  }
  return ::fnmatch(pattern.c_str(), name.c_str(), FNM_PERIOD) == 0;
}

std::string daemon_id() {
  char host[256] = {};
  if (::gethostname(host, sizeof host - 1) != 0 || host[0] == '\0') std::strcpy(host, "localhost");
  return std::string(host) + "-" + std::to_string(::getpid());
}

std::optional<bool> local_daemon_alive(const std::string& daemon) {
  const std::size_t dash = daemon.rfind('-');
  if (dash == std::string::npos) return std::nullopt;
  const std::string self = daemon_id();
  if (self.substr(0, self.rfind('-')) != daemon.substr(0, dash)) return std::nullopt;
  const long pid = std::strtol(daemon.c_str() + dash + 1, nullptr, 10);
  if (pid <= 0) return std::nullopt;
  return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

InboxWatcher::InboxWatcher(std::string inbox, std::string pattern, std::int64_t stable_seconds)
    : inbox_(std::move(inbox)), pattern_(std::move(pattern)), stable_seconds_(stable_seconds) {}

orders::Result<std::vector<std::string>> InboxWatcher::complete_files(
    std::chrono::system_clock::time_point now, std::chrono::steady_clock::time_point steady) {
  std::error_code ec;
  fs::directory_iterator it(inbox_, ec);
  if (ec) return Failure{"cannot read the inbox " + inbox_ + ": " + ec.message()};
  std::vector<std::string> complete;
  std::map<std::string, Seen> seen;
  const auto stable_for = std::chrono::seconds(stable_seconds_);
  for (const fs::directory_entry& e : it) {
    const std::string name = e.path().filename().string();
    if (!is_candidate_name(name, pattern_)) continue;
    struct stat st {};
    if (::stat(e.path().c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
    const std::int64_t mtime_ns = std::int64_t{st.st_mtim.tv_sec} * 1000000000 + st.st_mtim.tv_nsec;
    Seen now_seen{static_cast<std::uint64_t>(st.st_size), mtime_ns, steady};
    if (auto before = seen_.find(name); before != seen_.end() &&
                                        before->second.size == now_seen.size &&
                                        before->second.mtime_ns == mtime_ns) {
      now_seen.first = before->second.first;  // unchanged since then
    }
    const auto mtime = std::chrono::system_clock::time_point(
        std::chrono::duration_cast<std::chrono::system_clock::duration>(
            std::chrono::nanoseconds(mtime_ns)));
    const bool quiet_by_mtime = mtime <= now && now - mtime >= stable_for;
    const bool quiet_by_watch = steady - now_seen.first >= stable_for;
    if (quiet_by_mtime || quiet_by_watch) {
      complete.push_back(e.path().string());
    } else {
      seen.emplace(name, now_seen);
    }
  }
  seen_ = std::move(seen);  // forget files that left
  std::sort(complete.begin(), complete.end());
  return complete;
}

orders::Result<std::optional<std::string>> claim_file(const std::string& inbox,
                                                      const std::string& path,
                                                      const std::string& daemon) {
  const fs::path folder = processing_root(inbox) / daemon;
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec) return Failure{"cannot create " + folder.string() + ": " + ec.message()};
  const fs::path to = folder / fs::path(path).filename();
  const int error = rename_noreplace(path, to.string());
  if (error == ENOENT) return std::optional<std::string>();
  if (error != 0) return Failure{system_error("cannot claim " + path, error)};
  return std::optional<std::string>(to.string());
}

orders::Result<std::string> put_back(const std::string& claimed, const std::string& inbox) {
  return move_to_free_name(claimed, inbox, fs::path(claimed).filename().string());
}

orders::Result<std::vector<std::string>> requeue_stale(
    const std::string& inbox, const std::string& self,
    const std::function<bool(const std::string& daemon)>& dead) {
  std::vector<std::string> moved;
  std::error_code ec;
  for (const fs::directory_entry& e : fs::directory_iterator(processing_root(inbox), ec)) {
    const std::string daemon = e.path().filename().string();
    if (daemon == self || !e.is_directory(ec) || !dead(daemon)) continue;
    auto files = requeue_folder(inbox, e.path());
    if (!files.ok()) return Failure{files.error()};
    moved.insert(moved.end(), files.value().begin(), files.value().end());
  }
  return moved;
}

orders::Result<std::vector<std::string>> requeue_own(const std::string& inbox,
                                                     const std::string& self) {
  return requeue_folder(inbox, processing_root(inbox) / self);
}

}  // namespace ordex::app::serve
