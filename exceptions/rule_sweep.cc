// The sweep: clock rules for every order, read in pages with three set-based queries a page
// (orders, their ship-notice aggregates, their carrier-event aggregates) instead of loading
// each order's case, so a million orders take a handful of seconds (bench/sweep_bench).
#include <map>
#include <unordered_map>

#include "exceptions/rule_runner.h"
#include "exceptions/rules.h"
#include "orders/database.h"

namespace ordex::exceptions {

namespace {

constexpr std::int64_t kPage = 5000;

// Orders after a given id, by id, one page.
const orders::SqlQuery kOrdersPage{
    "sweep_orders_page", "ii", "itttttttii",
    "SELECT o.id, o.partner_id, o.po_number, COALESCE(p.timezone, ''), o.status, o.order_date, "
    "o.ship_by, o.due, o.received_at, COALESCE(o.src_file_id, 0) "
    "FROM orders o LEFT JOIN partners p ON p.partner_id = o.partner_id "
    "WHERE o.id > ? ORDER BY o.id LIMIT ?"};

// Ship notices of the orders with ids in (from, to].
const orders::SqlQuery kShipmentsPage{
    "sweep_shipments_page", "ii", "innt",
    "SELECT o.id, MIN(s.received_at), MIN(s.shipped_at), MIN(s.shipment_id) "
    "FROM orders o JOIN shipment_orders so ON so.partner_id = o.partner_id "
    "AND so.po_number = o.po_number JOIN shipments s ON s.id = so.shipment_ref "
    "WHERE o.id > ? AND o.id <= ? GROUP BY o.id"};

const orders::SqlQuery kEstimatedDeliveryPage{
    "sweep_estimated_delivery_page", "ii", "it",
    "SELECT o.id, MAX(s.estimated_delivery) "
    "FROM orders o JOIN shipment_orders so ON so.partner_id = o.partner_id "
    "AND so.po_number = o.po_number JOIN shipments s ON s.id = so.shipment_ref "
    "WHERE o.id > ? AND o.id <= ? AND s.estimated_delivery <> '' GROUP BY o.id"};

// Carrier events by PO (events name the PO, not the customer: DESIGN.md).
const orders::SqlQuery kEventsPage{
    "sweep_events_page", "ii", "inn",
    "SELECT o.id, MIN(CASE WHEN e.status = 'D1' THEN e.at END), MAX(e.at) "
    "FROM orders o JOIN shipment_events e ON e.po_number = o.po_number "
    "WHERE o.id > ? AND o.id <= ? GROUP BY o.id"};

// Estimates, to keep the one of the latest estimating event per order.
const orders::SqlQuery kEstimatesPage{
    "sweep_estimates_page", "ii", "iin",
    "SELECT o.id, e.at, e.estimate FROM orders o JOIN shipment_events e "
    "ON e.po_number = o.po_number WHERE o.id > ? AND o.id <= ? "
    "AND e.status IN ('AG', 'X2') AND e.estimate IS NOT NULL ORDER BY o.id, e.at, e.id"};

struct Prepared {
  std::unique_ptr<orders::Query> orders, shipments, estimated, events, estimates;
};

Result<Prepared> prepare_all(orders::Database db) {
  Prepared p;
  const std::pair<std::unique_ptr<orders::Query>*, const orders::SqlQuery*> all[] = {
      {&p.orders, &kOrdersPage},
      {&p.shipments, &kShipmentsPage},
      {&p.estimated, &kEstimatedDeliveryPage},
      {&p.events, &kEventsPage},
      {&p.estimates, &kEstimatesPage}};
  for (const auto& [into, spec] : all) {
    Result<std::unique_ptr<orders::Query>> q = db.prepare(*spec);
    if (!q.ok()) return Failure{q.error()};
    *into = std::move(q).value();
  }
  return p;
}

Status run_range(orders::Database& db, orders::Query& q, std::int64_t from, std::int64_t to) {
  q.set(0, from);
  q.set(1, to);
  return db.run(q);
}

std::string order_key(const std::string& partner, const std::string& po) {
  return partner + '\x1f' + po;
}

}  // namespace

Status RuleRunner::sweep_orders() {
  orders::Database db = store_.database();
  Result<Prepared> prepared = prepare_all(db);
  if (!prepared.ok()) return Failure{prepared.error()};
  Prepared& q = prepared.value();

  // The active clock-rule exceptions, by order, so each order's evaluation can resolve them.
  std::unordered_map<std::string, std::vector<ExceptionRecord>> active;
  for (ExceptionType t : {ExceptionType::kAsnMissing, ExceptionType::kDeliveryLate,
                          ExceptionType::kDeliveryOverdue, ExceptionType::kDeliveryAtRisk}) {
    Result<std::vector<ExceptionRecord>> of_type = store_.active_of_type(t);
    if (!of_type.ok()) return Failure{of_type.error()};
    for (ExceptionRecord& e : of_type.value()) {
      active[order_key(e.partner_id, e.po_number)].push_back(std::move(e));
    }
  }

  std::map<std::string, orders::TimeZone> zones;
  std::vector<DeliveryFacts> page;
  std::unordered_map<std::int64_t, std::size_t> index;
  Evaluation ev;
  const std::vector<ExceptionRecord> none;
  std::int64_t after = 0;
  for (;;) {
    q.orders->set(0, after);
    q.orders->set(1, kPage);
    if (Status s = db.run(*q.orders); !s.ok()) return s;
    const std::size_t n = q.orders->rows();
    if (n == 0) break;
    page.assign(n, DeliveryFacts{});
    index.clear();
    const std::int64_t from = after;
    for (std::size_t r = 0; r < n; ++r) {
      const orders::Query& o = *q.orders;
      DeliveryFacts& f = page[r];
      index[o.integer(r, 0)] = r;
      f.partner_id = o.text(r, 1);
      f.po_number = o.text(r, 2);
      const std::string& zone = o.text(r, 3);
      auto z = zones.find(zone);
      if (z == zones.end()) {
        edi::Result<orders::TimeZone> named = orders::TimeZone::named(zone);
        z = zones.emplace(zone, named.ok() ? named.value() : orders::TimeZone::utc()).first;
      }
      f.zone = z->second;
      f.status = orders::order_status_from(o.text(r, 4)).value_or(orders::OrderStatus::kOpen);
      f.order_date = o.text(r, 5);
      f.ship_by = o.text(r, 6);
      f.due = o.text(r, 7);
      f.received_at = o.integer(r, 8);
      f.file_id = o.integer(r, 9);
      after = o.integer(r, 0);
    }
    if (Status s = run_range(db, *q.shipments, from, after); !s.ok()) return s;
    for (std::size_t r = 0; r < q.shipments->rows(); ++r) {
      DeliveryFacts& f = page[index.at(q.shipments->integer(r, 0))];
      f.first_ship_notice_at = q.shipments->optional(r, 1);
      f.shipped_at = q.shipments->optional(r, 2);
      f.first_shipment_id = q.shipments->text(r, 3);
    }
    if (Status s = run_range(db, *q.estimated, from, after); !s.ok()) return s;
    for (std::size_t r = 0; r < q.estimated->rows(); ++r) {
      page[index.at(q.estimated->integer(r, 0))].estimated_delivery = q.estimated->text(r, 1);
    }
    if (Status s = run_range(db, *q.events, from, after); !s.ok()) return s;
    for (std::size_t r = 0; r < q.events->rows(); ++r) {
      DeliveryFacts& f = page[index.at(q.events->integer(r, 0))];
      f.delivered_at = q.events->optional(r, 1);
      f.last_event_at = q.events->optional(r, 2);
    }
    if (Status s = run_range(db, *q.estimates, from, after); !s.ok()) return s;
    for (std::size_t r = 0; r < q.estimates->rows(); ++r) {
      // Ordered by time: the last row of an order is its latest estimate.
      page[index.at(q.estimates->integer(r, 0))].latest_estimate = q.estimates->optional(r, 2);
    }

    Status page_status = in_transaction([&]() -> Status {
      for (const DeliveryFacts& f : page) {
        ev.reset();
        evaluate_delivery(f, config_.rules.params(f.partner_id), now_, ev);
        auto it = active.find(order_key(f.partner_id, f.po_number));
        if (ev.found.empty() && it == active.end()) continue;  // nothing open, nothing found
        if (Status s = ledger_.apply(ev, it == active.end() ? none : it->second); !s.ok()) {
          return s;
        }
      }
      return Status();
    });
    if (!page_status.ok()) return page_status;
    sweep_.orders += static_cast<std::int64_t>(n);
  }
  return Status();
}

Status RuleRunner::sweep() {
  if (Status s = sweep_orders(); !s.ok()) return s;
  Result<std::vector<orders::OutboundGroupStatus>> groups = store_.store().outbound_groups();
  if (!groups.ok()) return Failure{groups.error()};
  std::set<std::string> partners;
  for (const orders::OutboundGroupStatus& g : groups.value()) partners.insert(g.group.partner_id);
  return check_outbound_groups(partners);
}

}  // namespace ordex::exceptions
