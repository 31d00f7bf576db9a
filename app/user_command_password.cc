// Where `ordex user add` and `passwd` read a password from (user_command.h).
#include <termios.h>
#include <unistd.h>

#include <fstream>
#include <iostream>
#include <string>

#include "app/user_command.h"

namespace ordex::app {

namespace {

void strip_line_end(std::string& line) {
  if (!line.empty() && line.back() == '\r') line.pop_back();
}

// Echo off on the terminal while it lives; restored even when reading throws.
class EchoOff {
 public:
  EchoOff() : ok_(tcgetattr(STDIN_FILENO, &saved_) == 0) {
    if (!ok_) return;
    termios quiet = saved_;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
  }
  ~EchoOff() {
    if (ok_) tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_);
  }
  EchoOff(const EchoOff&) = delete;
  EchoOff& operator=(const EchoOff&) = delete;

 private:
  termios saved_{};
  bool ok_;
};

std::string prompt(const char* text) {
  std::cerr << text << std::flush;
  std::string line;
  {
    EchoOff quiet;
    if (!std::getline(std::cin, line)) line.clear();
  }
  std::cerr << '\n';  // the Enter the user typed was not echoed
  strip_line_end(line);
  return line;
}

}  // namespace

std::string read_new_password(const Arguments& args) {
  if (args.has("password-file")) {
    const std::string path = args.get("password-file");
    std::ifstream file(path, std::ios::binary);
    std::string line;
    if (!file || !std::getline(file, line)) {
      throw UsageError{"cannot read a password from " + path};
    }
    strip_line_end(line);
    return line;
  }
  if (isatty(STDIN_FILENO) == 0) {
    std::string line;
    if (!std::getline(std::cin, line)) throw UsageError{"no password on standard input"};
    strip_line_end(line);
    return line;
  }
  std::string first = prompt("New password: ");
  if (first != prompt("Again: ")) throw UsageError{"the two passwords differ"};
  return first;
}

}  // namespace ordex::app
