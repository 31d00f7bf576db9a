#pragma once
// One CLI verb: its options, its help, and what it does. main() picks the verb from argv[1].
//
// Exit codes are a contract (DESIGN.md): 0 success and nothing rejected, 1 the work ran and
// found rejected input or errors, 2 usage, configuration or I/O error.

#include <Poco/Util/OptionSet.h>

#include <map>
#include <string>
#include <vector>

namespace ordex::app {

inline constexpr int kExitOk = 0;
inline constexpr int kExitRejected = 1;
inline constexpr int kExitUsage = 2;

// Options as given: every value of a repeatable option is kept, in order.
struct Arguments {
  std::map<std::string, std::vector<std::string>> options;
  std::vector<std::string> positional;

  bool has(const std::string& name) const { return options.count(name) > 0; }
  std::string get(const std::string& name, const std::string& fallback = "") const;
};

class Command {
 public:
  virtual ~Command() = default;
  virtual std::string name() const = 0;
  virtual std::string synopsis() const = 0;     // "validate [options] FILE..."
  virtual std::string description() const = 0;  // a paragraph for --help
  virtual void define_options(Poco::Util::OptionSet& options) const = 0;
  virtual int run(const Arguments& args) = 0;
};

// Parses argv for `command` and runs it; usage problems print to stderr and return 2.
int run_command(Command& command, const std::vector<std::string>& argv);

// Thrown by a command for a usage or configuration problem; run_command prints it, exits 2.
struct UsageError {
  std::string message;
};

}  // namespace ordex::app
