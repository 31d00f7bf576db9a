#pragma once
// `ordex orders list --db PATH [--format table|json|csv]` and
// `ordex orders show --db PATH PO`: the orders in the store (DESIGN.md contract). Read-only:
// the database is opened without writing. Exit 0; 1 when `show` finds no such PO; 2 for a
// usage error or a database that cannot be opened.

#include "app/command.h"

namespace ordex::app {

class OrdersCommand final : public Command {
 public:
  std::string name() const override { return "orders"; }
  std::string synopsis() const override;
  std::string description() const override;
  void define_options(Poco::Util::OptionSet& options) const override;
  int run(const Arguments& args) override;
};

}  // namespace ordex::app
