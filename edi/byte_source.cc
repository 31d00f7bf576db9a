#include "edi/byte_source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace ordex::edi {

std::size_t MemorySource::read(char* dst, std::size_t n) {
  const std::size_t count = std::min(n, bytes_.size() - pos_);
  if (count > 0) std::memcpy(dst, bytes_.data() + pos_, count);
  pos_ += count;
  return count;
}

FileSource::FileSource(const std::string& path) {
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) {
    error_ = std::strerror(errno);
    return;
  }
  struct stat st {};
  if (::fstat(fd_, &st) == 0 && S_ISDIR(st.st_mode)) {
    error_ = "is a directory";
    ::close(fd_);
    fd_ = -1;
    return;
  }
  // The reader goes front to back once; tell the kernel so it reads ahead further.
  ::posix_fadvise(fd_, 0, 0, POSIX_FADV_SEQUENTIAL);
}

FileSource::~FileSource() {
  if (fd_ >= 0) ::close(fd_);
}

std::size_t FileSource::read(char* dst, std::size_t n) {
  if (fd_ < 0) return 0;
  for (;;) {
    const ssize_t got = ::read(fd_, dst, n);
    if (got >= 0) return static_cast<std::size_t>(got);
    if (errno == EINTR) continue;
    error_ = std::strerror(errno);
    return 0;
  }
}

}  // namespace ordex::edi
