#pragma once
// The delivery facts of every order, read a page at a time with a few set-based queries a page
// (the orders; their ship notices; their carrier events), for the
// sweep (rule_sweep.cc). They must equal delivery_facts(load_order_case(...)) for every order,
// or an import and a sweep would flip an exception back and forth: the ship notices are those
// naming the (partner, PO), the first one the first received (ties by row id); the carrier
// events those naming the PO, or the bill of lading or shipment id of one of its ship notices
// (orders/statements_orders.cc ORDEX_EVENTS_OF), the latest estimate the one told last.
// With each page come the active exceptions of the clock rules of its orders (active()), so the
// sweep holds a page's worth of them, never every one in the store.
//
//   Result<SweepFactsReader> r = SweepFactsReader::open(db);
//   std::vector<DeliveryFacts> page;
//   while (true) { Result<bool> more = r.value().next(page); ... if (!more.value()) break; }
//
// PERF NOTES: a page of orders is one range of ids, so each query is an index range scan over
// orders and index lookups into the rest; rows come back through orders::Query. What costs is
// the index lookups (SQLite: B-tree descents on text keys), not the rows: the carrier events
// are read with one query (not one per fact), the two ways through the ship notices in one
// join, and the partners (a few, with their time zones resolved) once, not joined per order.
// Not thread-safe; the Database's session must outlive the reader.

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "exceptions/exception_store.h"
#include "exceptions/order_case.h"
#include "orders/database.h"

namespace ordex::exceptions {

class SweepFactsReader {
 public:
  static constexpr std::int64_t kDefaultPage = 5000;

  static Result<SweepFactsReader> open(orders::Database db, std::int64_t page = kDefaultPage);
  SweepFactsReader(SweepFactsReader&&) noexcept;
  ~SweepFactsReader();

  // Replaces `page` with the facts of the next orders by id; false once every order was read
  // (then `page` is empty).
  Result<bool> next(std::vector<DeliveryFacts>& page);
  // The open and waiting exceptions of the types evaluate_delivery() judges (ASN_MISSING,
  // DELIVERY_LATE, DELIVERY_OVERDUE, DELIVERY_AT_RISK) of the i-th order of the last page, in
  // that order of types, then by id. Valid until the next call of next(); i < page.size().
  const std::vector<ExceptionRecord>& active(std::size_t i) const { return active_[i]; }

 private:
  struct Queries;
  SweepFactsReader(orders::Database db, std::int64_t page, std::unique_ptr<Queries> queries);
  struct Partner {
    std::string name;
    orders::TimeZone zone;
  };
  Status read_partners();
  Result<const Partner*> partner(const std::string& id);
  Status read_orders(std::vector<DeliveryFacts>& page);
  Status read_related(std::vector<DeliveryFacts>& page, std::int64_t from, std::int64_t to);
  Status read_active(std::int64_t from, std::int64_t to);
  // The index in the page of the order with that id, or the page's size when it is not in it.
  std::size_t slot(std::int64_t id) const;

  orders::Database db_;
  std::int64_t page_size_;
  std::unique_ptr<Queries> q_;
  std::int64_t after_ = 0;
  std::vector<std::int64_t> ids_;  // the order id of each fact of the page
  // active(i) for each fact of the page; the vectors are kept from page to page.
  std::vector<std::vector<ExceptionRecord>> active_;
  std::unordered_map<std::string, Partner> partners_;
  bool partners_read_ = false;
  Partner unknown_partner_{"", orders::TimeZone::utc()};
};

}  // namespace ordex::exceptions
