// report_bench: the daily report over a store of N exceptions (default 1,000,000), against a
// reference measured in the same run on the same table: one plain aggregate scan
// (SELECT COUNT(*), SUM(...)), the least any report over the table must pay.
//
//   report_bench [N] [DB_PATH]        default N = 1000000, a temporary SQLite file
//
// A DB_PATH given is kept, and reused by the next run when it already holds N exceptions (the
// insert takes 40-60 s; profiling wants many runs). Each figure is the best of kRuns runs: the
// machine is shared, and the minimum is the least disturbed.
//
// The exceptions are generated in SQL by one INSERT ... SELECT over a recursive sequence (one
// statement, one transaction): 90 days of history, 5 % still open, the rest resolved within
// three days. Checks its own answer before timing: the report's backlog must equal the open
// rows the reference counts.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>

#include "exceptions/exception_store.h"
#include "exceptions/exceptions_config.h"
#include "orders/database.h"
#include "reports/daily_report.h"
#include "reports/report_writer.h"

namespace {

using namespace ordex;
using Clock = std::chrono::steady_clock;

constexpr orders::Instant kAsOf = 1795017600;  // 2026-11-18T16:00:00Z

// ?1 = N, ?2 = as-of (bound as 1, 2, 2, ... by position).
constexpr const char* kGenerate =
    "INSERT INTO exceptions (dedupe_key, type, status, severity, partner_id, po_number, subject, "
    "shipment_id, file_id, queue, assignee, claimed_by, claim_expires, summary, evidence, "
    "first_opened_at, opened_at, detected_at, updated_at, reopen_count, responded_at, "
    "resolved_at, resolution, resolved_by, resolved_evidence, wait_until, waiting_on, "
    "merged_into, sla_policy, response_due, resolve_due, at_risk_at, escalation, "
    "response_outcome, resolve_outcome) "
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?), "
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

constexpr ordex::orders::SqlQuery kReference{
    "bench_reference", "", "iii",
    "SELECT COUNT(*), SUM(opened_at), SUM(CASE WHEN status IN ('open', 'waiting') THEN 1 "
    "ELSE 0 END) FROM exceptions"};

constexpr int kRuns = 5;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

int fail(const std::string& what) {
  std::fprintf(stderr, "report_bench: %s\n", what.c_str());
  return 1;
}

// The generated exceptions, or those of an earlier run on the same path.
orders::Status generate(orders::Database& db, std::int64_t n) {
  auto count =
      db.prepare(orders::SqlQuery{"bench_count", "", "i", "SELECT COUNT(*) FROM exceptions"});
  if (!count.ok()) return orders::Failure{count.error()};
  if (auto s = db.run(*count.value()); !s.ok()) return s;
  if (count.value()->integer(0, 0) == n) {
    std::printf("reusing %lld exceptions\n", static_cast<long long>(n));
    return orders::Status();
  }
  if (count.value()->integer(0, 0) != 0) return orders::Failure{"the database holds other rows"};
  const auto start = Clock::now();
  auto insert = db.prepare(orders::SqlQuery{"bench_generate", "iiiii", "", kGenerate});
  if (!insert.ok()) return orders::Failure{insert.error()};
  insert.value()->set(0, n);
  for (std::size_t i = 1; i < 5; ++i) insert.value()->set(i, kAsOf);
  if (auto s = db.run(*insert.value()); !s.ok()) return s;
  std::printf("insert %lld exceptions: %.2f s\n", static_cast<long long>(n), seconds_since(start));
  return orders::Status();
}

struct Timings {
  double reference = 1e9, build = 1e9, render = 1e9;
};

}  // namespace

int main(int argc, char** argv) {
  const std::int64_t n = argc > 1 ? std::stoll(argv[1]) : 1000000;
  const bool keep = argc > 2;
  const std::string path =
      keep ? argv[2] : (std::filesystem::temp_directory_path() / "ordex-report-bench.db").string();
  if (!keep) std::filesystem::remove(path);
  auto store = orders::Store::open(path);
  if (!store.ok()) return fail(store.error());
  auto ex = exceptions::ExceptionStore::open(*store.value());
  if (!ex.ok()) return fail(ex.error());
  orders::Database db = store.value()->database();
  if (auto s = generate(db, n); !s.ok()) return fail(s.error());

  auto reference = db.prepare(kReference);
  if (!reference.ok()) return fail(reference.error());
  const auto config = exceptions::ExceptionsConfig::defaults();
  const reports::ReportOptions options{kAsOf, config.sla.calendar("default"), {}};
  Timings best;
  std::size_t html_bytes = 0, json_bytes = 0;
  orders::Result<reports::DailyReport> report = orders::Failure{"not run"};
  for (int run = 0; run < kRuns; ++run) {
    auto start = Clock::now();
    if (auto s = db.run(*reference.value()); !s.ok()) return fail(s.error());
    best.reference = std::min(best.reference, seconds_since(start));
    start = Clock::now();
    report = reports::build_daily_report(*store.value(), options);
    if (!report.ok()) return fail(report.error());
    best.build = std::min(best.build, seconds_since(start));
    start = Clock::now();
    const std::string html = reports::render_html(report.value());
    const std::string json = reports::render_json(report.value());
    best.render = std::min(best.render, seconds_since(start));
    html_bytes = html.size();
    json_bytes = json.size();
  }
  const std::int64_t rows = reference.value()->integer(0, 0);
  const std::int64_t open = reference.value()->integer(0, 2);
  if (rows != n) return fail("reference counted " + std::to_string(rows) + " rows");
  if (report.value().days[0].exceptions.backlog != open) {
    return fail("backlog " + std::to_string(report.value().days[0].exceptions.backlog) + " but " +
                std::to_string(open) + " open rows");
  }
  std::printf("best of %d runs\n", kRuns);
  std::printf("reference SELECT COUNT(*), SUM(...) over the table: %.3f s\n", best.reference);
  std::printf("report build: %.3f s, render html + json: %.3f s (%zu + %zu bytes)\n", best.build,
              best.render, html_bytes, json_bytes);
  std::printf("report total: %.3f s = %.1f x the reference scan; backlog %lld, breached %zu\n",
              best.build + best.render, (best.build + best.render) / best.reference,
              static_cast<long long>(open), report.value().breached.size());
  if (!keep) std::filesystem::remove(path);
  return 0;
}
