#include "orders/ingest/ack_outbox.h"

#include <fcntl.h>
#include <stdio.h>  // renameat2, RENAME_NOREPLACE
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace ordex::orders::ingest {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kKeyLength = 64;  // hex SHA-256

std::string system_error(const std::string& what) { return what + ": " + std::strerror(errno); }

Status sync_path(const std::string& path, int flags) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) return Failure{system_error(path)};
  const int rc = ::fsync(fd);
  const std::string error = rc != 0 ? system_error(path) : std::string();
  ::close(fd);
  return error.empty() ? Status() : Status(Failure{error});
}

Status write_synced(const std::string& path, std::string_view bytes) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return Failure{system_error(path)};
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    done += static_cast<std::size_t>(n);
  }
  const bool ok = done == bytes.size() && ::fdatasync(fd) == 0;
  const std::string error = ok ? std::string() : system_error(path);
  ::close(fd);
  return ok ? Status() : Status(Failure{error});
}

}  // namespace

AckOutbox::AckOutbox(std::string dir)
    : dir_(std::move(dir)), pending_dir_((fs::path(dir_) / ".pending").string()) {}

edi::Result<std::unique_ptr<AckOutbox>> AckOutbox::open(const std::string& dir) {
  std::unique_ptr<AckOutbox> box(new AckOutbox(dir));
  std::error_code ec;
  fs::create_directories(box->pending_dir_, ec);
  if (ec || !fs::is_directory(box->pending_dir_, ec)) {
    return edi::Failure{"cannot create " + box->pending_dir_ + ": " + ec.message()};
  }
  for (const fs::directory_entry& e : fs::directory_iterator(box->pending_dir_, ec)) {
    const std::string file = e.path().filename().string();
    if (file.size() > kKeyLength + 1 && file[kKeyLength] == '.') {
      box->pending_[file.substr(0, kKeyLength)] = file.substr(kKeyLength + 1);
    }
  }
  if (ec) return edi::Failure{"cannot list " + box->pending_dir_ + ": " + ec.message()};
  return box;
}

std::string AckOutbox::pending_path(const std::string& key, const std::string& name) const {
  return (fs::path(pending_dir_) / (key + "." + name)).string();
}

Status AckOutbox::stage(const std::string& key, const std::string& name, std::string_view bytes) {
  if (key.size() != kKeyLength || name.empty() || name.find('/') != std::string::npos) {
    return Failure{"acknowledgment " + name + ": no usable interchange key or name"};
  }
  // An attempt that never committed (a crash, a rollback) may have left one under another name.
  if (auto old = pending_.find(key); old != pending_.end() && old->second != name) {
    std::error_code ignored;
    fs::remove(pending_path(key, old->second), ignored);
  }
  if (Status s = write_synced(pending_path(key, name), bytes); !s.ok()) return s;
  pending_[key] = name;
  staged_.push_back(key);
  return Status();
}

Status AckOutbox::sync_staged() {
  if (staged_.empty()) return Status();
  return sync_path(pending_dir_, O_RDONLY | O_DIRECTORY);
}

// renameat2(RENAME_NOREPLACE): an acknowledgment not yet picked up is never overwritten, and a
// crash leaves the file either pending or published, never both.
Status AckOutbox::move_to_folder(const std::string& pending, const std::string& name) {
  for (int n = 1; n < 1000; ++n) {
    const std::string target =
        (fs::path(dir_) / (n == 1 ? name : std::to_string(n) + "-" + name)).string();
    if (::renameat2(AT_FDCWD, pending.c_str(), AT_FDCWD, target.c_str(), RENAME_NOREPLACE) == 0) {
      ++published_;
      return Status();
    }
    if (errno != EEXIST) return Failure{system_error("cannot publish " + target)};
  }
  return Failure{"cannot publish " + name + ": 999 files of that name in " + dir_};
}

Status AckOutbox::publish() {
  if (staged_.empty()) return Status();
  Status status;
  for (const std::string& key : staged_) {
    auto it = pending_.find(key);
    if (it == pending_.end()) continue;
    Status s = move_to_folder(pending_path(key, it->second), it->second);
    if (s.ok()) {
      pending_.erase(it);
    } else if (status.ok()) {
      status = s;
    }
  }
  staged_.clear();
  if (Status s = sync_path(dir_, O_RDONLY | O_DIRECTORY); status.ok() && !s.ok()) status = s;
  return status;
}

void AckOutbox::discard() {
  for (const std::string& key : staged_) {
    auto it = pending_.find(key);
    if (it == pending_.end()) continue;
    std::error_code ignored;
    fs::remove(pending_path(key, it->second), ignored);
    pending_.erase(it);
  }
  staged_.clear();
}

edi::Result<bool> AckOutbox::recover(const std::string& key) {
  auto it = pending_.find(key);
  if (it == pending_.end()) return false;
  if (Status s = move_to_folder(pending_path(key, it->second), it->second); !s.ok()) {
    return edi::Failure{s.error()};
  }
  pending_.erase(it);
  if (Status s = sync_path(dir_, O_RDONLY | O_DIRECTORY); !s.ok()) return edi::Failure{s.error()};
  return true;
}

}  // namespace ordex::orders::ingest
