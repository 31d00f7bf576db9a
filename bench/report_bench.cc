// report_bench: the daily report over a store of N exceptions (default 1,000,000), against a
// reference measured in the same run on the same table: one plain aggregate scan
// (SELECT COUNT(*), SUM(...)), the least any report over the table must pay.
//
//   report_bench [N] [DB_PATH]        default N = 1000000, a temporary SQLite file
//
// The exceptions are generated in SQL by one INSERT ... SELECT over a recursive sequence (one
// statement, one transaction): 90 days of history, 5 % still open, the rest resolved within
// three days. Checks its own answer before timing: the report's backlog must equal the open
// rows the reference counts.
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

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

int fail(const std::string& what) {
  std::fprintf(stderr, "report_bench: %s\n", what.c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  const std::int64_t n = argc > 1 ? std::stoll(argv[1]) : 1000000;
  const std::string path =
      argc > 2 ? argv[2]
               : (std::filesystem::temp_directory_path() / "ordex-report-bench.db").string();
  std::filesystem::remove(path);
  auto store = orders::Store::open(path);
  if (!store.ok()) return fail(store.error());
  auto ex = exceptions::ExceptionStore::open(*store.value());
  if (!ex.ok()) return fail(ex.error());
  orders::Database db = store.value()->database();

  auto start = Clock::now();
  auto generate = db.prepare(orders::SqlQuery{"bench_generate", "iiiii", "", kGenerate});
  if (!generate.ok()) return fail(generate.error());
  generate.value()->set(0, n);
  for (std::size_t i = 1; i < 5; ++i) generate.value()->set(i, kAsOf);
  if (auto s = db.run(*generate.value()); !s.ok()) return fail(s.error());
  std::printf("insert %lld exceptions: %.2f s\n", static_cast<long long>(n), seconds_since(start));

  start = Clock::now();
  auto reference = db.prepare(kReference);
  if (!reference.ok()) return fail(reference.error());
  if (auto s = db.run(*reference.value()); !s.ok()) return fail(s.error());
  const double reference_s = seconds_since(start);
  const std::int64_t rows = reference.value()->integer(0, 0);
  const std::int64_t open = reference.value()->integer(0, 2);

  const auto config = exceptions::ExceptionsConfig::defaults();
  start = Clock::now();
  auto report = reports::build_daily_report(
      *store.value(), reports::ReportOptions{kAsOf, config.sla.calendar("default")});
  if (!report.ok()) return fail(report.error());
  const double build_s = seconds_since(start);
  start = Clock::now();
  const std::string html = reports::render_html(report.value());
  const std::string json = reports::render_json(report.value());
  const double render_s = seconds_since(start);

  if (rows != n) return fail("reference counted " + std::to_string(rows) + " rows");
  if (report.value().days[0].exceptions.backlog != open) {
    return fail("backlog " + std::to_string(report.value().days[0].exceptions.backlog) + " but " +
                std::to_string(open) + " open rows");
  }
  std::printf("reference SELECT COUNT(*), SUM(...) over the table: %.3f s\n", reference_s);
  std::printf("report build: %.3f s, render html + json: %.3f s (%zu + %zu bytes)\n", build_s,
              render_s, html.size(), json.size());
  std::printf("report total: %.3f s = %.1f x the reference scan; backlog %lld, breached %zu\n",
              build_s + render_s, (build_s + render_s) / reference_s, static_cast<long long>(open),
              report.value().breached.size());
  std::filesystem::remove(path);
  return 0;
}
