// ordex: order-exception operations processor. main() picks the verb.
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "app/command.h"
#include "app/exceptions_command.h"
#include "app/master_command.h"
#include "app/orders_command.h"
#include "app/report_command.h"
#include "app/run_command.h"
#include "app/serve_command.h"
#include "app/sweep_command.h"
#include "app/user_command.h"
#include "app/validate_command.h"

namespace {

std::vector<std::unique_ptr<ordex::app::Command>> all_commands() {
  std::vector<std::unique_ptr<ordex::app::Command>> commands;
  commands.push_back(std::make_unique<ordex::app::ValidateCommand>());
  commands.push_back(std::make_unique<ordex::app::RunCommand>());
  commands.push_back(std::make_unique<ordex::app::SweepCommand>());
  commands.push_back(std::make_unique<ordex::app::MasterCommand>());
  commands.push_back(std::make_unique<ordex::app::OrdersCommand>());
  commands.push_back(std::make_unique<ordex::app::ExceptionsCommand>());
  commands.push_back(std::make_unique<ordex::app::ReportCommand>());
  commands.push_back(std::make_unique<ordex::app::ServeCommand>());
  commands.push_back(std::make_unique<ordex::app::UserCommand>());
  return commands;
}

void usage(std::ostream& out, const std::vector<std::unique_ptr<ordex::app::Command>>& commands) {
  out << "usage: ordex <command> [options]\n\ncommands:\n";
  for (const auto& c : commands) out << "  " << c->synopsis() << '\n';
  out << "\n'ordex <command> --help' explains a command.\n";
}

}  // namespace

int main(int argc, char** argv) {
  const auto commands = all_commands();
  if (argc < 2) {
    usage(std::cerr, commands);
    return ordex::app::kExitUsage;
  }
  const std::string verb = argv[1];
  if (verb == "--help" || verb == "-h" || verb == "help") {
    usage(std::cout, commands);
    return ordex::app::kExitOk;
  }
  if (verb == "--version") {
    std::cout << "ordex 0.1.0\n";
    return ordex::app::kExitOk;
  }
  for (const auto& c : commands) {
    if (c->name() == verb)
      return ordex::app::run_command(*c, std::vector<std::string>(argv + 2, argv + argc));
  }
  std::cerr << "ordex: unknown command '" << verb << "'\n";
  usage(std::cerr, commands);
  return ordex::app::kExitUsage;
}
