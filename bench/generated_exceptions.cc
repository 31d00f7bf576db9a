#include "bench/generated_exceptions.h"

#include <chrono>
#include <cstdio>

namespace ordex::bench {

namespace {

// ?1 = N, ?2 = as-of (bound as 1, 2, 2, ... by position). The sequence is BIGINT: PostgreSQL
// would take a bare 1 as a 32-bit integer, and i * 7919 overflows it past 271,000.
constexpr const char* kGenerate =
    "INSERT INTO exceptions (dedupe_key, type, status, severity, partner_id, po_number, subject, "
    "shipment_id, file_id, queue, assignee, claimed_by, claim_expires, summary, evidence, "
    "first_opened_at, opened_at, detected_at, updated_at, reopen_count, responded_at, "
    "resolved_at, resolution, resolved_by, resolved_evidence, wait_until, waiting_on, "
    "merged_into, sla_policy, response_due, resolve_due, at_risk_at, escalation, "
    "response_outcome, resolve_outcome) "
    "WITH RECURSIVE n(i) AS (SELECT CAST(1 AS BIGINT) UNION ALL SELECT i + 1 FROM n WHERE i < ?), "
    "g(i, opened, took) AS (SELECT i, ? - (i * 7919) % 7776000, (i * 31) % 259200 FROM n) "
    "SELECT 'k' || i, CASE i % 5 WHEN 0 THEN 'ASN_MISSING' WHEN 1 THEN 'DELIVERY_LATE' "
    "WHEN 2 THEN 'EDI_REJECTED' WHEN 3 THEN 'PO_PRICE_MISMATCH' ELSE 'FA_MISSING' END, "
    "CASE WHEN i % 20 = 0 OR opened + took > ? THEN 'open' ELSE 'resolved' END, "
    "CASE i % 4 WHEN 0 THEN 'critical' WHEN 1 THEN 'high' WHEN 2 THEN 'medium' ELSE 'low' END, "
    "'P' || (i % 50), 'PO' || i, '', '', NULL, 'q' || (i % 4), '', '', 0, "
    "'generated exception ' || i, '{}', opened, opened, opened, opened + took, 0, "
    "CASE WHEN i % 3 = 0 THEN NULL ELSE opened + 1800 END, "
    "CASE WHEN i % 20 = 0 OR opened + took > ? THEN NULL ELSE opened + took END, '', '', '', "
    "NULL, '', NULL, 'bench', opened + 3600, opened + 172800, opened + 138240, '', "
    "CASE WHEN i % 3 = 0 THEN '' ELSE 'met' END, "
    "CASE WHEN i % 20 = 0 OR opened + took > ? THEN '' WHEN took <= 172800 THEN 'met' "
    "ELSE 'breached' END FROM g";

}  // namespace

orders::Status generate_exceptions(orders::Database& db, std::int64_t n, orders::Instant as_of) {
  auto count =
      db.prepare(orders::SqlQuery{"bench_count", "", "i", "SELECT COUNT(*) FROM exceptions"});
  if (!count.ok()) return orders::Failure{count.error()};
  if (auto s = db.run(*count.value()); !s.ok()) return s;
  if (count.value()->integer(0, 0) == n) {
    std::printf("reusing %lld exceptions\n", static_cast<long long>(n));
    return orders::Status();
  }
  if (count.value()->integer(0, 0) != 0) return orders::Failure{"the database holds other rows"};
  const auto start = std::chrono::steady_clock::now();
  auto insert = db.prepare(orders::SqlQuery{"bench_generate", "iiiii", "", kGenerate});
  if (!insert.ok()) return orders::Failure{insert.error()};
  insert.value()->set(0, n);
  for (std::size_t i = 1; i < 5; ++i) insert.value()->set(i, as_of);
  if (auto s = db.run(*insert.value()); !s.ok()) return s;
  std::printf("insert %lld exceptions: %.2f s\n", static_cast<long long>(n),
              std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  return orders::Status();
}

}  // namespace ordex::bench
