#pragma once
// Fixed number and time formatting for every writer, so that the same figures always print
// the same bytes whatever the locale: counts as integers, rates and hours with one decimal.

#include <optional>
#include <string>

#include "orders/model.h"
#include "reports/headline.h"
#include "reports/ratio.h"

namespace ordex::reports {

// "12.3" (one decimal, '.' always), "-0.0" printed as "0.0".
std::string fixed1(double value);
// A figure in its unit: a count as "12" (an average as "12.3"), "87.5" for a percent, "4.2"
// for hours; `missing` when there is none.
std::string figure_text(std::optional<double> value, Unit unit, bool average,
                        const std::string& missing);
// "+1.5", "-2", "0": today minus a reference, in the unit; "" when either is missing.
std::string delta_text(std::optional<double> today, std::optional<double> reference, Unit unit);
// One side of a ratio in its own terms: a count "12", a decimal quantity "14.5" (Ratio::decimal).
std::string amount_text(const Ratio& ratio, std::int64_t amount);
// "2026-11-18T16:00:00Z".
std::string utc_text(orders::Instant t);
// "20261118T160000Z": for file names.
std::string utc_stamp(orders::Instant t);

}  // namespace ordex::reports
