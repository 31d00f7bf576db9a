#pragma once
// `ordex sweep --db PATH [--as-of ISO8601] [--config FILE] [--format text|json]`: runs the
// time-based rules (ASN_MISSING, DELIVERY_OVERDUE, DELIVERY_AT_RISK, FA_MISSING, ...) over
// every order and outbound group at "now", opening and resolving exceptions, without
// importing anything. What a scheduler runs between imports so that clocks move on a quiet
// day. Exit 0, or 2 for a usage, configuration or database error.

#include "app/command.h"

namespace ordex::app {

class SweepCommand final : public Command {
 public:
  std::string name() const override { return "sweep"; }
  std::string synopsis() const override;
  std::string description() const override;
  void define_options(Poco::Util::OptionSet& options) const override;
  int run(const Arguments& args) override;
};

}  // namespace ordex::app
