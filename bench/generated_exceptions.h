#pragma once
// N generated exceptions for the benchmarks that need a large exceptions table (report_bench,
// http_queue_bench), made in SQL by one INSERT ... SELECT over a recursive sequence (one
// statement, one transaction): 90 days of history before `as_of`, 5 % still open (every 20th,
// and those opened too recently to be resolved), the rest resolved within three days; five
// types, four severities, 50 partners, 4 queues, nobody assigned.
//
// A database that already holds exactly N exceptions is reused as it is (the insert takes
// 40-60 s at 1M); one that holds another number is refused.

#include <cstdint>

#include "orders/database.h"

namespace ordex::bench {

orders::Status generate_exceptions(orders::Database& db, std::int64_t n, orders::Instant as_of);

}  // namespace ordex::bench
