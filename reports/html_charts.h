#pragma once
// Inline SVG charts for the HTML report: no script, no fonts to fetch, print as vectors.

#include <cstdint>
#include <string>
#include <vector>

namespace ordex::reports {

struct Bar {
  std::string label;
  std::int64_t value = 0;
};

// A horizontal bar chart, one row per bar in the given order, labels left, values right.
// `title` is the accessible name (role="img" aria-label).
std::string bar_chart_svg(const std::vector<Bar>& bars, const std::string& title);

// Escapes &, <, >, " and ' for HTML text and attribute values.
std::string html_escape(std::string_view text);

}  // namespace ordex::reports
