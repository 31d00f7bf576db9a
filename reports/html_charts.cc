#include "reports/html_charts.h"

#include <algorithm>

namespace ordex::reports {

namespace {

constexpr int kWidth = 460;
constexpr int kLabelWidth = 170;
constexpr int kValueWidth = 50;
constexpr int kRow = 22;
constexpr int kBarHeight = 14;

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string bar_chart_svg(const std::vector<Bar>& bars, const std::string& title) {
  std::int64_t max = 1;
  for (const Bar& b : bars) max = std::max(max, b.value);
  const int height = std::max<int>(1, static_cast<int>(bars.size())) * kRow + 4;
  const int span = kWidth - kLabelWidth - kValueWidth;
  std::string svg = "<svg class=\"chart\" role=\"img\" aria-label=\"" + html_escape(title) +
                    "\" viewBox=\"0 0 " + std::to_string(kWidth) + " " + std::to_string(height) +
                    "\" width=\"" + std::to_string(kWidth) + "\" height=\"" +
                    std::to_string(height) + "\">";
  int y = 2;
  for (const Bar& b : bars) {
    // Integer pixels: the same bytes on every machine, no floating-point printing.
    const std::int64_t w = b.value == 0 ? 0 : std::max<std::int64_t>(2, b.value * span / max);
    const std::string ty = std::to_string(y + kBarHeight - 3);
    svg += "<text x=\"" + std::to_string(kLabelWidth - 6) + "\" y=\"" + ty +
           "\" text-anchor=\"end\">" + html_escape(b.label) + "</text>";
    svg += "<rect x=\"" + std::to_string(kLabelWidth) + "\" y=\"" + std::to_string(y) +
           "\" width=\"" + std::to_string(w) + "\" height=\"" + std::to_string(kBarHeight) +
           "\" rx=\"2\"/>";
    svg += "<text x=\"" + std::to_string(kLabelWidth + w + 5) + "\" y=\"" + ty + "\">" +
           std::to_string(b.value) + "</text>";
    y += kRow;
  }
  svg += "</svg>";
  return svg;
}

}  // namespace ordex::reports
