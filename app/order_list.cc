#include "app/order_list.h"

#include <algorithm>
#include <array>
#include <ostream>

#include "app/command.h"
#include "orders/decimal.h"
#include "orders/json_text.h"
#include "orders/time_zone.h"

namespace ordex::app {

using orders::append_json_string;
namespace {

constexpr std::array<const char*, 10> kColumns = {
    "partner", "po",          "order_date",  "ship_by",      "due",
    "status",  "ordered_qty", "shipped_qty", "delivered_at", "open_exceptions"};

std::array<std::string, 10> cells(const orders::OrderSummary& o) {
  return {o.partner_id,
          o.po_number,
          o.order_date,
          o.ship_by,
          o.due,
          orders::to_string(o.status),
          orders::to_string(o.ordered_qty),
          orders::to_string(o.shipped_qty),
          o.delivered_at ? orders::format_utc(*o.delivered_at) : "",
          "0"};
}

std::string csv_cell(const std::string& v) {
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void print_table(std::ostream& out, const std::vector<orders::OrderSummary>& list) {
  std::array<std::size_t, 10> width{};
  for (std::size_t i = 0; i < kColumns.size(); ++i) width[i] = std::string(kColumns[i]).size();
  std::vector<std::array<std::string, 10>> rows;
  for (const auto& o : list) {
    rows.push_back(cells(o));
    for (std::size_t i = 0; i < width.size(); ++i)
      width[i] = std::max(width[i], rows.back()[i].size());
  }
  auto line = [&](auto&& cell) {
    std::string text;
    for (std::size_t i = 0; i < width.size(); ++i) {
      std::string v = cell(i);
      if (i + 1 < width.size()) v.resize(width[i] + 2, ' ');
      text += v;
    }
    out << text << '\n';
  };
  line([&](std::size_t i) { return std::string(kColumns[i]); });
  for (const auto& r : rows) line([&](std::size_t i) { return r[i]; });
}

void print_json(std::ostream& out, const std::vector<orders::OrderSummary>& list) {
  for (const auto& o : list) out << order_summary_json(o) << '\n';
}

}  // namespace

std::string order_summary_json(const orders::OrderSummary& o) {
  const auto c = cells(o);
  std::string text = "{";
  for (std::size_t i = 0; i < c.size(); ++i) {
    if (i > 0) text += ',';
    append_json_string(text, kColumns[i]);
    text += ':';
    const bool number = i == 6 || i == 7 || i == 9;
    if (number) {
      text += c[i];
    } else if (i == 8 && c[i].empty()) {
      text += "null";
    } else {
      append_json_string(text, c[i]);
    }
  }
  return text + "}";
}

ListFormat parse_list_format(const std::string& value) {
  if (value == "table") return ListFormat::kTable;
  if (value == "json") return ListFormat::kJson;
  if (value == "csv") return ListFormat::kCsv;
  throw UsageError{"--format must be table, json or csv, not '" + value + "'"};
}

void print_order_list(std::ostream& out, const std::vector<orders::OrderSummary>& list,
                      ListFormat format) {
  if (format == ListFormat::kTable) return print_table(out, list);
  if (format == ListFormat::kJson) return print_json(out, list);
  std::string header;
  for (const char* c : kColumns) header += std::string(header.empty() ? "" : ",") + c;
  out << header << "\r\n";
  for (const auto& o : list) {
    std::string row;
    bool first = true;
    for (const std::string& c : cells(o)) {
      row += (first ? "" : ",") + csv_cell(c);
      first = false;
    }
    out << row << "\r\n";
  }
}

}  // namespace ordex::app
