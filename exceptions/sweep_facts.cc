#include "exceptions/sweep_facts.h"

#include <algorithm>
#include <iterator>
#include <string_view>
#include <utility>

#include "exceptions/exception_rows.h"
#include "orders/dialect.h"
#include "orders/time_zone.h"

namespace ordex::exceptions {

namespace {

// `what` of the carrier events of the orders with ids in (?, ?] (two ranges to bind): those
// naming the PO, then those naming the bill of lading or the shipment id of one of the order's
// ship notices (one join with an OR: SQLite and PostgreSQL probe each partial index, and the
// notices are joined once for both). An event named both ways comes twice; what is read of
// them (earliest, latest, the last estimate) does not change for that.
std::string events_of(const std::string& what) {
  return "SELECT " + what +
         " FROM orders o JOIN shipment_events e ON e.po_number = o.po_number "
         "WHERE o.id > ? AND o.id <= ? UNION ALL SELECT " +
         what +
         " FROM orders o JOIN shipment_orders so ON so.partner_id = o.partner_id "
         "AND so.po_number = o.po_number JOIN shipments s ON s.id = so.shipment_ref "
         "JOIN shipment_events e ON (e.bill_of_lading = s.bill_of_lading "
         "AND s.bill_of_lading <> '' AND e.bill_of_lading <> '') "
         "OR (e.shipment_id = s.shipment_id AND e.shipment_id <> '') "
         "WHERE o.id > ? AND o.id <= ?";
}

// Partners are few: read once (and again when an order names one not seen yet), not joined
// to every order.
const char* const kPartnersSql = "SELECT partner_id, name, timezone FROM partners";

const char* const kOrdersSql =
    "SELECT o.id, o.partner_id, o.po_number, o.status, o.order_date, o.ship_by, o.due, "
    "o.received_at, COALESCE(o.src_file_id, 0) FROM orders o "
    "WHERE o.id > ? ORDER BY o.id LIMIT ?";

// In received order, as Store::order_activity lists them.
const char* const kShipNoticesSql =
    "SELECT o.id, s.received_at, s.shipped_at, s.shipment_id, s.estimated_delivery "
    "FROM orders o JOIN shipment_orders so ON so.partner_id = o.partner_id "
    "AND so.po_number = o.po_number JOIN shipments s ON s.id = so.shipment_ref "
    "WHERE o.id > ? AND o.id <= ? ORDER BY o.id, s.received_at, s.id";

// Every carrier event of the orders, ordered by time, then row id, as an order's events are
// listed (the last estimate of an order is the one told last). One query for all three facts:
// the joins cost more than the rows. The kind is worked out in SQL so that no text comes back.
const std::string& events_sql() {
  static const std::string sql =
      "SELECT u.id, u.kind, u.at, u.estimate FROM (" +
      events_of(
          "o.id AS id, CAST(CASE WHEN e.status = 'D1' THEN 1 WHEN e.status IN ('AG', 'X2') "
          "AND e.estimate IS NOT NULL THEN 2 ELSE 0 END AS BIGINT) AS kind, e.at AS at, "
          "e.id AS eid, "
          "e.estimate AS estimate") +
      ") u ORDER BY u.id, u.at, u.eid";
  return sql;
}

// The types evaluate_delivery() judges, in the order the sweep gave them to the ledger when it
// read them one type at a time: the ledger resolves an order's exceptions in the order given,
// and that order is the order of their audit entries.
constexpr ExceptionType kClockTypes[] = {ExceptionType::kAsnMissing, ExceptionType::kDeliveryLate,
                                         ExceptionType::kDeliveryOverdue,
                                         ExceptionType::kDeliveryAtRisk};

std::size_t clock_rank(ExceptionType type) {
  return static_cast<std::size_t>(std::find(std::begin(kClockTypes), std::end(kClockTypes), type) -
                                  std::begin(kClockTypes));
}

// The active clock-rule exceptions of the orders with ids in (?, ?], each row's columns those of
// rows::kSelectColumns, then its order's id. The order of the loops is spelled out, as both
// planners would rather read every active exception of the four types and probe the page's
// orders (SQLite without statistics: the type-and-status index looks selective; PostgreSQL: a
// hash join over a scan of the table), once per page, so a sweep would read them all again on
// every page. The orders of the page come first and each probes the (partner, PO) index
// (exceptions_order): SQLite keeps the tables of a CROSS JOIN in the order written; PostgreSQL
// reorders a CROSS JOIN, but not into a LATERAL subquery that OFFSET 0 keeps from being pulled
// up.
std::string active_sql(orders::Engine engine) {
  std::string types;
  for (ExceptionType t : kClockTypes) {
    types += (types.empty() ? "'" : ", '") + std::string(to_string(t)) + "'";
  }
  const std::string match =
      "x.partner_id = o.partner_id AND x.po_number = o.po_number AND x.type IN (" + types +
      ") AND x.status IN ('open', 'waiting')";
  const std::string from = engine == orders::Engine::kPostgres
                               ? "orders o CROSS JOIN LATERAL (SELECT * FROM exceptions x WHERE " +
                                     match + " OFFSET 0) x WHERE "
                               : "orders o CROSS JOIN exceptions x WHERE " + match + " AND ";
  return "SELECT " + orders::replace_all(std::string("x.") + rows::kSelectColumns, ", ", ", x.") +
         ", o.id FROM " + from + "o.id > ? AND o.id <= ?";
}

void bind_ranges(orders::Query& q, std::size_t ranges, std::int64_t from, std::int64_t to) {
  for (std::size_t r = 0; r < ranges; ++r) {
    q.set(2 * r, from);
    q.set(2 * r + 1, to);
  }
}

}  // namespace

struct SweepFactsReader::Queries {
  std::unique_ptr<orders::Query> partners, orders, notices, events, active;
};

SweepFactsReader::SweepFactsReader(orders::Database db, std::int64_t page,
                                   std::unique_ptr<Queries> queries)
    : db_(db), page_size_(page), q_(std::move(queries)) {}
SweepFactsReader::SweepFactsReader(SweepFactsReader&&) noexcept = default;
SweepFactsReader::~SweepFactsReader() = default;

Result<SweepFactsReader> SweepFactsReader::open(orders::Database db, std::int64_t page) {
  auto q = std::make_unique<Queries>();
  // Query keeps its own copy of the SQL: these need only outlive the prepare calls.
  const std::string active = active_sql(db.engine());
  const std::string active_types = std::string(rows::kSelectTypes) + "i";
  const std::pair<std::unique_ptr<orders::Query>*, orders::SqlQuery> all[] = {
      {&q->partners, {"sweep_partners", "", "ttt", kPartnersSql}},
      {&q->orders, {"sweep_orders_page", "ii", "ittttttii", kOrdersSql}},
      {&q->notices, {"sweep_ship_notices_page", "ii", "iintt", kShipNoticesSql}},
      {&q->events, {"sweep_events_page", "iiii", "iiin", events_sql().c_str()}},
      {&q->active,
       {"sweep_active_clock_exceptions_page", "ii", active_types.c_str(), active.c_str()}}};
  for (const auto& [into, spec] : all) {
    Result<std::unique_ptr<orders::Query>> prepared = db.prepare(spec);
    if (!prepared.ok()) return Failure{prepared.error()};
    *into = std::move(prepared).value();
  }
  return SweepFactsReader(db, page, std::move(q));
}

Status SweepFactsReader::read_partners() {
  orders::Query& q = *q_->partners;
  if (Status s = db_.run(q); !s.ok()) return s;
  partners_.clear();
  std::map<std::string, orders::TimeZone> zones;
  for (std::size_t r = 0; r < q.rows(); ++r) {
    const std::string& name = q.text(r, 2);
    auto z = zones.find(name);
    if (z == zones.end()) {
      // As load_order_case: no zone, or one that vanished from tzdata, is UTC.
      edi::Result<orders::TimeZone> named = orders::TimeZone::named(name);
      const bool ok = !name.empty() && named.ok();
      z = zones.emplace(name, ok ? named.value() : orders::TimeZone::utc()).first;
    }
    partners_.emplace(q.text(r, 0), Partner{q.text(r, 1), z->second});
  }
  return Status();
}

Result<const SweepFactsReader::Partner*> SweepFactsReader::partner(const std::string& id) {
  auto p = partners_.find(id);
  if (p == partners_.end()) {
    if (Status s = read_partners(); !s.ok()) return Failure{s.error()};
    p = partners_.find(id);
  }
  // An order whose partner is not in the store: no name, UTC, as load_order_case gives.
  return p == partners_.end() ? &unknown_partner_ : &p->second;
}

Status SweepFactsReader::read_orders(std::vector<DeliveryFacts>& page) {
  orders::Query& o = *q_->orders;
  o.set(0, after_);
  o.set(1, page_size_);
  if (Status s = db_.run(o); !s.ok()) return s;
  const std::size_t n = o.rows();
  page.assign(n, DeliveryFacts{});
  ids_.resize(n);
  for (std::size_t r = 0; r < n; ++r) {
    DeliveryFacts& f = page[r];
    ids_[r] = o.integer(r, 0);
    f.partner_id = o.text(r, 1);
    Result<const Partner*> p = partner(f.partner_id);
    if (!p.ok()) return Failure{p.error()};
    f.partner_name = p.value()->name;
    f.zone = p.value()->zone;
    f.po_number = o.text(r, 2);
    f.status = orders::order_status_from(o.text(r, 3)).value_or(orders::OrderStatus::kOpen);
    f.order_date = o.text(r, 4);
    f.ship_by = o.text(r, 5);
    f.due = o.text(r, 6);
    f.received_at = o.integer(r, 7);
    f.file_id = o.integer(r, 8);
  }
  return Status();
}

std::size_t SweepFactsReader::slot(std::int64_t id) const {
  auto it = std::lower_bound(ids_.begin(), ids_.end(), id);
  return it != ids_.end() && *it == id ? static_cast<std::size_t>(it - ids_.begin()) : ids_.size();
}

Status SweepFactsReader::read_related(std::vector<DeliveryFacts>& page, std::int64_t from,
                                      std::int64_t to) {
  // A row of an order that is not in the page (committed by another session after the page
  // was read, with an id inside its range) is left for the next sweep.
  auto facts_of = [&](std::int64_t id) -> DeliveryFacts* {
    const std::size_t i = slot(id);
    return i < page.size() ? &page[i] : nullptr;
  };
  orders::Query& n = *q_->notices;
  bind_ranges(n, 1, from, to);
  if (Status s = db_.run(n); !s.ok()) return s;
  for (std::size_t r = 0; r < n.rows(); ++r) {
    DeliveryFacts* order = facts_of(n.integer(r, 0));
    if (order == nullptr) continue;
    DeliveryFacts& f = *order;
    // The same choices as delivery_facts() (order_case.cc), row by row in the same order.
    const orders::Instant received = n.integer(r, 1);
    if (!f.first_ship_notice_at || received < *f.first_ship_notice_at) {
      f.first_ship_notice_at = received;
      f.first_shipment_id = n.text(r, 3);
    }
    const std::optional<orders::Instant> shipped = n.optional(r, 2);
    if (shipped && (!f.shipped_at || *shipped < *f.shipped_at)) f.shipped_at = shipped;
    const std::string& estimated = n.text(r, 4);
    if (orders::parse_iso_day(estimated) && estimated > f.estimated_delivery) {
      f.estimated_delivery = estimated;
    }
  }
  orders::Query& e = *q_->events;
  bind_ranges(e, 2, from, to);
  if (Status s = db_.run(e); !s.ok()) return s;
  for (std::size_t r = 0; r < e.rows(); ++r) {
    DeliveryFacts* order = facts_of(e.integer(r, 0));
    if (order == nullptr) continue;
    DeliveryFacts& f = *order;
    // As delivery_facts(): the first D1, the estimate told last, the latest event.
    const std::int64_t kind = e.integer(r, 1);
    const orders::Instant when = e.integer(r, 2);
    if (kind == 1 && (!f.delivered_at || when < *f.delivered_at)) f.delivered_at = when;
    if (kind == 2) f.latest_estimate = e.optional(r, 3);
    if (!f.last_event_at || when > *f.last_event_at) f.last_event_at = when;
  }
  return Status();
}

Status SweepFactsReader::read_active(std::int64_t from, std::int64_t to) {
  for (std::vector<ExceptionRecord>& v : active_) v.clear();
  active_.resize(ids_.size());
  orders::Query& q = *q_->active;
  bind_ranges(q, 1, from, to);
  if (Status s = db_.run(q); !s.ok()) return s;
  const std::size_t order_column = std::string_view(rows::kSelectTypes).size();  // the last
  for (std::size_t r = 0; r < q.rows(); ++r) {
    const std::size_t i = slot(q.integer(r, order_column));
    if (i < active_.size()) active_[i].push_back(rows::read(q, r));  // else as read_related
  }
  for (std::vector<ExceptionRecord>& v : active_) {
    if (v.size() < 2) continue;
    std::sort(v.begin(), v.end(), [](const ExceptionRecord& a, const ExceptionRecord& b) {
      const std::size_t ra = clock_rank(a.type), rb = clock_rank(b.type);
      return ra != rb ? ra < rb : a.id < b.id;
    });
  }
  return Status();
}

Result<bool> SweepFactsReader::next(std::vector<DeliveryFacts>& page) {
  if (!partners_read_) {
    if (Status s = read_partners(); !s.ok()) return Failure{s.error()};
    partners_read_ = true;
  }
  if (Status s = read_orders(page); !s.ok()) return Failure{s.error()};
  if (page.empty()) return false;
  const std::int64_t from = after_;
  after_ = ids_.back();
  if (Status s = read_related(page, from, after_); !s.ok()) return Failure{s.error()};
  if (Status s = read_active(from, after_); !s.ok()) return Failure{s.error()};
  return true;
}

}  // namespace ordex::exceptions
