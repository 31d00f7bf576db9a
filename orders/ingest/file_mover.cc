#include "orders/ingest/file_mover.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string_view>

#include "orders/ingest/file_scan.h"

namespace ordex::orders::ingest {
namespace {

namespace fs = std::filesystem;

std::string errno_text(const std::string& what) { return what + ": " + std::strerror(errno); }

// Writes `bytes` to `to` through a temporary name, fsyncs, renames.
Status write_durably(const fs::path& to, std::string_view bytes, int from_fd = -1) {
  const fs::path tmp = to.string() + ".part";
  const int out = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (out < 0) return Failure{errno_text(tmp.string())};
  bool ok = true;
  if (from_fd >= 0) {
    char buffer[1 << 16];
    ssize_t got;
    while (ok && (got = ::read(from_fd, buffer, sizeof buffer)) > 0) {
      ok = ::write(out, buffer, static_cast<std::size_t>(got)) == got;
    }
    ok = ok && got == 0;
  } else {
    ok = ::write(out, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size());
  }
  ok = ok && ::fsync(out) == 0;
  const std::string error = ok ? "" : errno_text(tmp.string());
  ::close(out);
  if (!ok || ::rename(tmp.c_str(), to.c_str()) != 0) {
    ::unlink(tmp.c_str());
    return Failure{ok ? errno_text(to.string()) : error};
  }
  return Status();
}

Status copy_durably(const fs::path& from, const fs::path& to) {
  const int in = ::open(from.c_str(), O_RDONLY | O_CLOEXEC);
  if (in < 0) return Failure{errno_text(from.string())};
  Status s = write_durably(to, {}, in);
  ::close(in);
  return s;
}

// The name the file gets in `dir`; `same` when a file with its content already has it.
fs::path destination(const fs::path& source, const fs::path& dir, const std::string& sha256,
                     bool& same) {
  same = false;
  const fs::path plain = dir / source.filename();
  for (int n = 0;; ++n) {
    const fs::path candidate = n == 0 ? plain : fs::path(plain.string() + "." + std::to_string(n));
    std::error_code ec;
    if (!fs::exists(candidate, ec)) return candidate;
    edi::Result<std::string> there = file_sha256(candidate.string());
    if (there.ok() && there.value() == sha256) {
      same = true;
      return candidate;
    }
  }
}

}  // namespace

edi::Result<std::string> move_into(const std::string& path, const std::string& dir,
                                   const std::string& sha256, const std::string& reason) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return edi::Failure{dir + ": " + ec.message()};
  bool same = false;
  const fs::path to = destination(path, dir, sha256, same);
  if (!reason.empty()) {
    if (Status s = write_durably(to.string() + ".reason", reason + "\n"); !s.ok()) {
      return edi::Failure{s.error()};
    }
  }
  if (same) {
    if (::unlink(path.c_str()) != 0) return edi::Failure{errno_text(path)};
    return to.string();
  }
  if (::rename(path.c_str(), to.c_str()) == 0) return to.string();
  if (errno != EXDEV) return edi::Failure{errno_text(path + " -> " + to.string())};
  if (Status s = copy_durably(path, to); !s.ok()) return edi::Failure{s.error()};
  if (::unlink(path.c_str()) != 0) return edi::Failure{errno_text(path)};
  return to.string();
}

}  // namespace ordex::orders::ingest
