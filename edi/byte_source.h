#pragma once
// Where the reader's bytes come from: a file read in large blocks, or memory.

#include <cstddef>
#include <string>
#include <string_view>

namespace ordex::edi {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Copies up to `n` bytes into `dst` and returns how many; 0 at the end of the input or on
  // a read error, in which case error() says what went wrong.
  virtual std::size_t read(char* dst, std::size_t n) = 0;
  const std::string& error() const { return error_; }
  // The whole input, when it is already in memory and outlives the reader: the reader then
  // works on it in place instead of copying it block by block.
  virtual std::string_view contiguous() const { return {}; }

 protected:
  std::string error_;
};

class MemorySource final : public ByteSource {
 public:
  explicit MemorySource(std::string_view bytes) : bytes_(bytes) {}
  std::size_t read(char* dst, std::size_t n) override;
  std::string_view contiguous() const override { return bytes_; }

 private:
  std::string_view bytes_;
  std::size_t pos_ = 0;
};

// Reads a file with plain POSIX read(2); not copyable. Construction never throws: a file
// that cannot be opened reports its error on the first read().
class FileSource final : public ByteSource {
 public:
  explicit FileSource(const std::string& path);
  ~FileSource() override;
  FileSource(const FileSource&) = delete;
  FileSource& operator=(const FileSource&) = delete;
  std::size_t read(char* dst, std::size_t n) override;
  bool is_open() const { return fd_ >= 0; }

 private:
  int fd_ = -1;
};

}  // namespace ordex::edi
