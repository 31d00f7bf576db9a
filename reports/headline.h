#pragma once
// The headline figures of a report, each for the report's window, the prior day and the
// average of the 7 windows before (the prior day included): what the tiles, the headline CSV
// and the JSON "headline" array show, in this order.

#include <optional>
#include <string>
#include <vector>

#include "reports/daily_report.h"

namespace ordex::reports {

enum class Unit { kCount, kPercent, kHours };

struct HeadlineFigure {
  std::string key;    // snake_case, stable: scripts read it
  std::string label;  // for people
  std::string group;  // "exceptions" or "logistics"
  Unit unit = Unit::kCount;
  bool higher_is_better = true;
  std::optional<double> today, prior_day, avg_7d;  // nullopt: nothing to measure
};

std::vector<HeadlineFigure> headline(const DailyReport& report);

}  // namespace ordex::reports
