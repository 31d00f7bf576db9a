#pragma once
// Assembles one page of cases from the results of the case loader's statements
// (case_loader_sql.h). Internal to case_loader*.cc.

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "exceptions/case_loader.h"
#include "exceptions/case_loader_sql.h"
#include "orders/database.h"
#include "orders/time_zone.h"

namespace ordex::exceptions {

// Zones by name: looking one up parses tzdata names, and a page has a handful of partners.
using ZoneCache = std::unordered_map<std::string, orders::TimeZone>;

// Column helpers shared by the part readers (case_loader_read*.cc).
orders::Decimal decimal(const orders::Query& q, std::size_t row, std::size_t column);
Status orphan(const char* what, std::int64_t ordinal);  // a child row whose parent is missing

class PageReader {
 public:
  PageReader(std::int64_t file_id, std::int64_t from, std::int64_t to, std::vector<LoadedCase>& out,
             ZoneCache& zones)
      : file_id_(file_id), from_(from), to_(to), out_(out), first_(out.size()), zones_(zones) {}

  void bind(orders::Query& q, case_sql::Part part) const;
  Status read(const orders::Query& q, case_sql::Part part);
  // Resolves each order's lines to catalog items and its ship-to to a location.
  void finish();

 private:
  using Key = std::pair<std::string, std::string>;  // partner, sku / upc / location code

  Result<LoadedCase*> at(std::int64_t ordinal);
  Status read_keys(const orders::Query& q);
  Status read_orders(const orders::Query& q);
  Status read_order_lines(const orders::Query& q);
  Status read_acks(const orders::Query& q);
  Status read_ack_lines(const orders::Query& q);
  Status read_shipments(const orders::Query& q);
  Status read_shipment_items(const orders::Query& q);
  Status read_shipment_pos(const orders::Query& q);
  Status read_events(const orders::Query& q);
  Status read_invoices(const orders::Query& q);
  Status read_invoice_lines(const orders::Query& q);
  Status read_documents(const orders::Query& q);
  void read_items(const orders::Query& q);
  void read_locations(const orders::Query& q);
  Status read_exceptions(const orders::Query& q);
  void resolve_items(OrderCase& c) const;

  std::int64_t file_id_, from_, to_;
  std::vector<LoadedCase>& out_;
  std::size_t first_;  // index in out_ of ordinal from_ + 1
  ZoneCache& zones_;
  // Children find their parent by (ordinal, row id): a ship notice naming two POs of the page
  // is in both cases.
  std::map<std::pair<std::int64_t, std::int64_t>, std::size_t> acks_, shipments_, invoices_;
  std::map<Key, orders::Item> by_sku_, by_upc_;
  std::map<Key, orders::Location> locations_;
};

}  // namespace ordex::exceptions
