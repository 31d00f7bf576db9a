#pragma once
// Captures what a command writes to std::cout or std::cerr while it runs in-process.

#include <iostream>
#include <sstream>
#include <string>

namespace ordex::app::testing {

class Capture {
 public:
  explicit Capture(std::ostream& stream) : stream_(stream), old_(stream.rdbuf(text_.rdbuf())) {}
  ~Capture() { stream_.rdbuf(old_); }
  Capture(const Capture&) = delete;
  Capture& operator=(const Capture&) = delete;
  std::string text() const { return text_.str(); }

 private:
  std::ostream& stream_;
  std::ostringstream text_;
  std::streambuf* old_;
};

}  // namespace ordex::app::testing
