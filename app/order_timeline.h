#pragma once
// `ordex orders show` output: an order's timeline, every document and carrier event in time
// order (received time for documents, event time for events), each with the file it came
// from (the store's file id: `file #N`) and its envelope control numbers. Exceptions join the
// timeline with the exceptions issue.

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "orders/store_records.h"

namespace ordex::app {

struct TimelineEntry {
  orders::Instant at = 0;
  std::string what;  // "850 order", "855 acknowledgment AD", "event D1", ...
  std::string detail;
  orders::SourceRef source;
};

// Sorted by time; documents rows with no typed record (a rejected 850) are included.
std::vector<TimelineEntry> order_timeline(const orders::OrderDetail& detail);

void print_order_detail(std::ostream& out, const orders::OrderDetail& detail);

}  // namespace ordex::app
