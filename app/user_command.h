#pragma once
// `ordex user add|list|passwd|role|disable|enable|token|revoke --db PATH ...`: the daemon's
// users (app/auth/directory.h), managed from the shell of the machine that holds the database,
// which is how the first admin comes to exist. Exit 0: done; 1: refused (no such user, user
// exists, password too short...); 2: usage, configuration or database error.

#include <string>

#include "app/command.h"

namespace ordex::app {

class UserCommand final : public Command {
 public:
  std::string name() const override { return "user"; }
  std::string synopsis() const override;
  std::string description() const override;
  void define_options(Poco::Util::OptionSet& options) const override;
  int run(const Arguments& args) override;
};

// A new password, never from the command line (it would show in ps and shell history): the
// first line of --password-file FILE, else the first line of stdin when it is not a terminal,
// else typed twice at a prompt with echo off. Throws UsageError when there is none or the two
// typed differ.
std::string read_new_password(const Arguments& args);

}  // namespace ordex::app
