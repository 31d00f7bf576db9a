#include "app/ack_directory.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "app/command.h"

namespace ordex::app {

namespace fs = std::filesystem;

AckDirectory::AckDirectory(std::string dir) : dir_(std::move(dir)) {
  std::error_code ec;
  fs::create_directories(dir_, ec);
  if (ec || !fs::is_directory(dir_)) {
    throw UsageError{"--ack-dir " + dir_ + ": cannot create the folder: " + ec.message()};
  }
}

// Two inputs with the same stem in different folders would give the same acknowledgment
// name; the second gets a counter rather than overwriting the first.
std::string AckDirectory::unique_name(const std::string& name) {
  std::string candidate = name;
  for (int n = 2; !used_.insert(candidate).second; ++n) {
    candidate = std::to_string(n) + "-" + name;
  }
  return candidate;
}

void AckDirectory::write(const edi::Ack& ack) {
  const fs::path path = fs::path(dir_) / unique_name(ack.file_name);
  const fs::path temp = fs::path(path).concat(".part");
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out.write(ack.bytes.data(), static_cast<std::streamsize>(ack.bytes.size()));
    out.close();
    if (!out) {
      errors_.push_back(temp.string() + ": " + std::strerror(errno));
      std::error_code ignore;
      fs::remove(temp, ignore);
      return;
    }
  }
  std::error_code ec;
  fs::rename(temp, path, ec);
  if (ec) {
    errors_.push_back(path.string() + ": " + ec.message());
    return;
  }
  ++written_;
}

}  // namespace ordex::app
