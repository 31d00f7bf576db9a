#include "app/command.h"

#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/OptionException.h>
#include <Poco/Util/OptionProcessor.h>

#include <iostream>
#include <sstream>

namespace ordex::app {

std::string Arguments::get(const std::string& name, const std::string& fallback) const {
  const auto it = options.find(name);
  return it == options.end() || it->second.empty() ? fallback : it->second.back();
}

namespace {

void print_help(const Command& command, const Poco::Util::OptionSet& set) {
  Poco::Util::HelpFormatter help(set);
  help.setCommand("ordex");
  help.setUsage(command.synopsis());
  help.setHeader(command.description());
  help.setUnixStyle(true);
  help.setWidth(100);
  help.format(std::cout);
}

// Poco's unix style takes "--format=json" and "-fjson"; people also write "--format json" and
// "-f json", so a value given as the next word is joined to its option first.
std::vector<std::string> join_separated_values(const Poco::Util::OptionSet& set,
                                               const std::vector<std::string>& argv) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const std::string& arg = argv[i];
    const bool is_long =
        arg.rfind("--", 0) == 0 && arg.size() > 2 && arg.find('=') == std::string::npos;
    const bool is_short = !is_long && arg.size() == 2 && arg[0] == '-' && arg[1] != '-';
    const std::string name = is_long ? arg.substr(2) : is_short ? arg.substr(1) : std::string();
    const bool takes_value =
        !name.empty() &&
        (is_long ? set.hasOption(name, false) && set.getOption(name, false).takesArgument()
                 : set.hasOption(name, true) && set.getOption(name, true).takesArgument());
    if (takes_value && i + 1 < argv.size()) {
      out.push_back(arg + (is_long ? "=" : "") + argv[++i]);
    } else {
      out.push_back(arg);
    }
  }
  return out;
}

Arguments parse(const Poco::Util::OptionSet& set, const std::vector<std::string>& raw) {
  Poco::Util::OptionProcessor processor(set);
  processor.setUnixStyle(true);
  Arguments args;
  bool only_positional = false;
  for (const std::string& arg : join_separated_values(set, raw)) {
    if (only_positional || arg == "-" || arg.empty() || arg[0] != '-') {
      args.positional.push_back(arg);
      continue;
    }
    if (arg == "--") {
      only_positional = true;
      continue;
    }
    std::string name;
    std::string value;
    if (processor.process(arg, name, value)) {
      args.options[name].push_back(value);
    }
  }
  // `--help` answers even when a required option is missing.
  if (!args.has("help")) processor.checkRequired();
  return args;
}

}  // namespace

int run_command(Command& command, const std::vector<std::string>& argv) {
  Poco::Util::OptionSet set;
  command.define_options(set);
  set.addOption(Poco::Util::Option("help", "h", "show this help and exit"));
  Arguments args;
  try {
    args = parse(set, argv);
  } catch (const Poco::Util::OptionException& e) {
    std::cerr << "ordex " << command.name() << ": " << e.displayText() << "\nTry 'ordex "
              << command.name() << " --help'.\n";
    return kExitUsage;
  }
  if (args.has("help")) {
    print_help(command, set);
    return kExitOk;
  }
  try {
    return command.run(args);
  } catch (const UsageError& e) {
    std::cerr << "ordex " << command.name() << ": " << e.message << "\nTry 'ordex "
              << command.name() << " --help'.\n";
    return kExitUsage;
  }
}

}  // namespace ordex::app
