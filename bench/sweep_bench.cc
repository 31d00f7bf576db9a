// sweep_bench: RuleRunner::sweep() over a store of N open orders (default 1,000,000), twice
// (the first opens the exceptions, the second finds everything unchanged), against a reference
// measured in the same run on the same database: plain aggregate scans of the orders and of the
// joins the sweep reads (orders -> ship notices, orders -> carrier events), the least any sweep
// over the table must pay.
//
//   sweep_bench [N] [DB_PATH]        default N = 1000000, a temporary SQLite file
//
// The orders and their ship notices and carrier events are generated in SQL, each table by one
// INSERT ... SELECT over a recursive sequence, in one transaction. Order i is of kind i % 100
// (kKindOf): most are delivered or on their way, a few are overdue, have no ship notice, are at
// risk or were delivered late. Carrier events name the PO, or only the bill of lading, as
// carriers do. Checks its own answer before reporting: the exceptions the first sweep opened,
// by type, must be exactly the orders generated to be in those conditions, and the second
// sweep must change nothing. Reports wall and CPU seconds: on a shared machine the CPU time of
// the process is the steadier figure.
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <map>
#include <string>

#include "exceptions/exception_store.h"
#include "exceptions/exceptions_config.h"
#include "exceptions/rule_runner.h"
#include "orders/database.h"

namespace {

using namespace ordex;
using Clock = std::chrono::steady_clock;

constexpr orders::Instant kAsOf = 1795442400;  // 2026-11-23T14:00:00Z, Monday 08:00 Chicago

// Order kinds by i % 100; every day is at least a day from any boundary the rules draw, so the
// partners' time zones change no outcome.
constexpr const char* kKindOf =
    "CASE WHEN i % 100 < 60 THEN 'delivered' "
    "WHEN i % 100 < 85 THEN 'transit' "
    "WHEN i % 100 < 93 THEN 'unshipped' "
    "WHEN i % 100 = 93 THEN 'overdue' "
    "WHEN i % 100 = 95 THEN 'no_asn' "
    "WHEN i % 100 = 97 THEN 'at_risk' "
    "WHEN i % 100 = 99 THEN 'late' "
    "WHEN i % 100 IN (94, 96) THEN 'transit' ELSE 'delivered' END";

// The exceptions each generated condition must open, per 100 orders.
const std::map<std::string, int> kExpectedPer100 = {
    {"DELIVERY_OVERDUE", 1}, {"ASN_MISSING", 1}, {"DELIVERY_AT_RISK", 1}, {"DELIVERY_LATE", 1}};

std::string with_kinds(const char* body) {
  return std::string(
             "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?), "
             "k(i, kind) AS (SELECT i, ") +
         kKindOf + " FROM n) " + body;
}

const std::string kPartners =
    "INSERT INTO partners (partner_id, name, role, timezone) "
    "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 49) "
    "SELECT 'P' || i, 'Partner ' || i || ' Stores', 'customer', CASE i % 3 "
    "WHEN 0 THEN 'America/Chicago' WHEN 1 THEN 'America/New_York' ELSE 'Europe/Berlin' END FROM n";

// Due, ship-by and order date per kind.
const std::string kOrders = with_kinds(
    "INSERT INTO orders (partner_id, po_number, purpose, status, order_date, ship_by, due, "
    "ship_to, ship_to_qualifier, ship_to_name, depositor_order, originals, src_interchange, "
    "src_group, src_transaction, src_set, received_at) "
    "SELECT 'P' || (i % 50), 'PO' || i, 'original', 'open', '2026-11-12', "
    "CASE kind WHEN 'transit' THEN '2026-11-21' WHEN 'unshipped' THEN '2026-11-25' "
    "WHEN 'no_asn' THEN '2026-11-19' WHEN 'at_risk' THEN '2026-11-19' ELSE '2026-11-17' END, "
    "CASE kind WHEN 'transit' THEN '2026-11-27' WHEN 'unshipped' THEN '2026-11-30' "
    "WHEN 'no_asn' THEN '2026-11-26' WHEN 'at_risk' THEN '2026-11-25' ELSE '2026-11-20' END, "
    "'0100', '92', '', '', 1, '000000001', '1', '0001', '850', 1794830400 FROM k");

// One ship notice per order that shipped (its row id = i), shipped at a kind's day 15:00 UTC,
// received an hour later; a third carry the DTM*017 estimated day.
const std::string kShipments = with_kinds(
    "INSERT INTO shipments (id, partner_id, shipment_id, shipped_at, estimated_delivery, "
    "bill_of_lading, carrier_scac, depositor_order, src_interchange, src_group, "
    "src_transaction, src_set, received_at) "
    "SELECT i, 'P' || (i % 50), 'SN' || i, s, CASE WHEN i % 3 = 0 THEN "
    "CASE kind WHEN 'transit' THEN '2026-11-26' WHEN 'at_risk' THEN '2026-11-24' "
    "ELSE '2026-11-19' END ELSE '' END, 'BOL' || i, 'GLKC', '', '000000002', '2', '0001', '856', "
    "s + 3600 FROM (SELECT i, kind, CASE kind WHEN 'transit' THEN 1795273200 "
    "WHEN 'at_risk' THEN 1795186800 ELSE 1795446000 - 6 * 86400 END AS s FROM k "
    "WHERE kind NOT IN ('unshipped', 'no_asn'))");

const std::string kShipmentOrders =
    "INSERT INTO shipment_orders (shipment_ref, position, partner_id, po_number) "
    "SELECT s.id, 1, s.partner_id, 'PO' || s.id FROM shipments s";

// Carrier events: an in-transit X1 a day after shipping for every shipped order; an AG
// estimate for the orders on their way (on time) and at risk (after the due day); a D1 for the
// delivered (on the due day) and late (two days after). Even orders' events name the PO,
// odd ones' only the bill of lading.
const std::string kEvents = with_kinds(
    "INSERT INTO shipment_events (carrier_id, po_number, bill_of_lading, shipment_id, "
    "carrier_reference, carrier_scac, status, reason, appointment, appointment_reason, at, "
    "estimate, city, state, country, src_interchange, src_group, src_transaction, src_set, "
    "received_at) "
    "SELECT 'GLKC', CASE WHEN i % 2 = 0 THEN 'PO' || i ELSE '' END, 'BOL' || i, '', '', 'GLKC', "
    "status, '', '', '', at, estimate, 'Chicago', 'IL', 'US', '000000003', '3', '0001', '214', "
    "at FROM ("
    "SELECT i, 'X1' AS status, s.shipped_at + 86400 AS at, NULL AS estimate FROM k "
    "JOIN shipments s ON s.id = k.i "
    "UNION ALL SELECT i, 'AG', s.shipped_at + 86400 + 600, CASE kind WHEN 'transit' "
    "THEN 1795712400 ELSE 1795885200 END FROM k JOIN shipments s ON s.id = k.i "
    "WHERE kind IN ('transit', 'at_risk') "
    "UNION ALL SELECT i, 'D1', CASE kind WHEN 'late' THEN 1795366800 ELSE 1795201200 END, NULL "
    "FROM k WHERE kind IN ('delivered', 'late'))");

// The reference: one aggregate scan of the orders and of each join the sweep reads.
const char* const kReferences[] = {
    "SELECT COUNT(*), MAX(due) FROM orders",
    "SELECT COUNT(*), MIN(s.received_at) FROM orders o JOIN shipment_orders so "
    "ON so.partner_id = o.partner_id AND so.po_number = o.po_number "
    "JOIN shipments s ON s.id = so.shipment_ref",
    "SELECT COUNT(*), MAX(e.at) FROM orders o JOIN shipment_orders so "
    "ON so.partner_id = o.partner_id AND so.po_number = o.po_number "
    "JOIN shipments s ON s.id = so.shipment_ref "
    "JOIN shipment_events e ON e.bill_of_lading = s.bill_of_lading AND e.bill_of_lading <> ''",
};

double cpu_now() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

int fail(const std::string& what) {
  std::fprintf(stderr, "sweep_bench: %s\n", what.c_str());
  return 1;
}

orders::Status run_sql(orders::Database& db, const char* name, const std::string& sql,
                       const char* params, const char* results, std::int64_t n) {
  auto q = db.prepare(orders::SqlQuery{name, params, results, sql.c_str()});
  if (!q.ok()) return orders::Failure{q.error()};
  if (params[0] != '\0') q.value()->set(0, n);
  return db.run(*q.value());
}

orders::Status generate(orders::Store& store, std::int64_t n) {
  orders::Database db = store.database();
  if (auto s = store.begin(); !s.ok()) return s;
  const std::pair<const char*, const std::string*> steps[] = {
      {"bench_orders", &kOrders}, {"bench_shipments", &kShipments}, {"bench_events", &kEvents}};
  orders::Status s = run_sql(db, "bench_partners", kPartners, "", "", n);
  for (const auto& [name, sql] : steps) {
    if (s.ok()) s = run_sql(db, name, *sql, "i", "", n);
    if (s.ok() && sql == &kShipments) {
      s = run_sql(db, "bench_shipment_orders", kShipmentOrders, "", "", n);
    }
  }
  if (!s.ok()) {
    (void)store.rollback();
    return s;
  }
  return store.commit();
}

// Wall and CPU seconds for the reference scans; `orders` gets the orders counted.
orders::Result<std::pair<double, double>> reference(orders::Database& db, std::int64_t& orders) {
  const auto start = Clock::now();
  const double cpu = cpu_now();
  for (const char* sql : kReferences) {
    auto q = db.prepare(orders::SqlQuery{"bench_reference", "", "it", sql});
    if (!q.ok()) return orders::Failure{q.error()};
    if (auto s = db.run(*q.value()); !s.ok()) return orders::Failure{s.error()};
    if (sql == kReferences[0]) orders = q.value()->integer(0, 0);
  }
  return std::make_pair(seconds_since(start), cpu_now() - cpu);
}

// The active exceptions by type.
orders::Result<std::map<std::string, std::int64_t>> opened_by_type(orders::Database& db) {
  auto q = db.prepare(orders::SqlQuery{
      "bench_by_type", "", "ti",
      "SELECT type, COUNT(*) FROM exceptions WHERE status = 'open' GROUP BY type"});
  if (!q.ok()) return orders::Failure{q.error()};
  if (auto s = db.run(*q.value()); !s.ok()) return orders::Failure{s.error()};
  std::map<std::string, std::int64_t> out;
  for (std::size_t r = 0; r < q.value()->rows(); ++r) {
    out[q.value()->text(r, 0)] = q.value()->integer(r, 1);
  }
  return out;
}

// How many i in [1, n] have i % 100 == kind.
std::int64_t of_kind(std::int64_t n, std::int64_t kind) { return n / 100 + (n % 100 >= kind); }

std::string check(const std::map<std::string, std::int64_t>& found, std::int64_t n) {
  const std::map<std::string, std::int64_t> kind = {{"DELIVERY_OVERDUE", 93},
                                                    {"ASN_MISSING", 95},
                                                    {"DELIVERY_AT_RISK", 97},
                                                    {"DELIVERY_LATE", 99}};
  if (found.size() != kind.size()) return std::to_string(found.size()) + " types opened";
  for (const auto& [type, k] : kind) {
    auto it = found.find(type);
    const std::int64_t want = of_kind(n, k) * kExpectedPer100.at(type);
    if (it == found.end() || it->second != want) {
      return type + ": " + std::to_string(it == found.end() ? 0 : it->second) + " opened, " +
             std::to_string(want) + " expected";
    }
  }
  return "";
}

// Wall and CPU seconds: on a shared machine the CPU time of this process (user + system) is
// the steadier figure.
struct Timed {
  double seconds = 0;
  double cpu_seconds = 0;
  exceptions::LedgerTally tally;
};

orders::Result<Timed> timed_sweep(exceptions::ExceptionStore& ex,
                                  const exceptions::ExceptionsConfig& config) {
  exceptions::RuleRunner runner(ex, config, kAsOf);
  const auto start = Clock::now();
  const double cpu = cpu_now();
  if (auto s = runner.sweep(); !s.ok()) return orders::Failure{s.error()};
  return Timed{seconds_since(start), cpu_now() - cpu, runner.tally()};
}

}  // namespace

int main(int argc, char** argv) {
  const std::int64_t n = argc > 1 ? std::stoll(argv[1]) : 1000000;
  const std::string path =
      argc > 2 ? argv[2]
               : (std::filesystem::temp_directory_path() / "ordex-sweep-bench.db").string();
  std::filesystem::remove(path);
  auto store = orders::Store::open(path);
  if (!store.ok()) return fail(store.error());
  auto ex = exceptions::ExceptionStore::open(*store.value());
  if (!ex.ok()) return fail(ex.error());
  orders::Database db = store.value()->database();

  auto start = Clock::now();
  if (auto s = generate(*store.value(), n); !s.ok()) return fail(s.error());
  std::printf("generate %lld orders with ship notices and carrier events: %.2f s\n",
              static_cast<long long>(n), seconds_since(start));

  std::int64_t counted = 0;
  auto ref = reference(db, counted);
  if (!ref.ok()) return fail(ref.error());
  if (counted != n) return fail("reference counted " + std::to_string(counted) + " orders");

  const auto config = exceptions::ExceptionsConfig::defaults();
  auto first = timed_sweep(ex.value(), config);
  if (!first.ok()) return fail(first.error());
  auto opened = opened_by_type(db);
  if (!opened.ok()) return fail(opened.error());
  if (std::string bad = check(opened.value(), n); !bad.empty()) return fail(bad);
  std::int64_t expected = 0;
  for (const auto& [type, count] : opened.value()) expected += count;
  if (first.value().tally.opened != expected) return fail("the tally disagrees with the table");

  auto second = timed_sweep(ex.value(), config);
  if (!second.ok()) return fail(second.error());
  const exceptions::LedgerTally& t = second.value().tally;
  if (t.opened + t.updated + t.resolved + t.reopened != 0) {
    return fail("the second sweep changed exceptions");
  }

  const auto [r, r_cpu] = ref.value();
  const Timed& a = first.value();
  const Timed& b = second.value();
  const double orders = static_cast<double>(n);
  std::printf(
      "reference scans (orders, orders x ship notices, x carrier events): %.3f s (cpu %.3f s)\n", r,
      r_cpu);
  std::printf(
      "first sweep:  %.3f s (cpu %.3f s), %.0f orders/s, %.2f x the reference (cpu %.2f x); "
      "%lld opened\n",
      a.seconds, a.cpu_seconds, orders / a.seconds, a.seconds / r, a.cpu_seconds / r_cpu,
      static_cast<long long>(expected));
  std::printf(
      "second sweep: %.3f s (cpu %.3f s), %.0f orders/s, %.2f x the reference (cpu %.2f x); "
      "nothing changed\n",
      b.seconds, b.cpu_seconds, orders / b.seconds, b.seconds / r, b.cpu_seconds / r_cpu);
  std::filesystem::remove(path);
  return 0;
}
