#pragma once
// `ordex orders list` output: one line per order in three formats (DESIGN.md contract:
// partner, po, order_date, ship_by, due, status, ordered_qty, shipped_qty, delivered_at,
// open_exceptions). Quantities are exact decimals ("12.5"), delivered_at is ISO 8601 UTC or
// empty / null, open_exceptions is 0 until the exception rules exist.

#include <iosfwd>
#include <string>
#include <vector>

#include "orders/store_records.h"

namespace ordex::app {

enum class ListFormat { kTable, kJson, kCsv };
ListFormat parse_list_format(const std::string& value);  // UsageError otherwise

// One order as the JSON object of the list's --format json line (no newline), for the CLI and
// the HTTP API alike.
std::string order_summary_json(const orders::OrderSummary& order);

void print_order_list(std::ostream& out, const std::vector<orders::OrderSummary>& orders,
                      ListFormat format);

}  // namespace ordex::app
