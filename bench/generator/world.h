#pragma once
// The trading world behind the documents: us (a supplier), our customers and carriers, the
// item catalog, and the orders and shipments that documents describe.
//
// Items, locations, orders and shipments are never stored: each is a pure function of the
// world seed and its number, rebuilt whenever a document needs it. That is what lets an
// 810 written a gigabyte after its 850 repeat the same lines and prices in constant memory.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fixed_text.h"

namespace ordex::bench {

struct Party {
  std::string name;
  std::string x12_qualifier;    // ISA05/ISA07: 01 DUNS, 02 SCAC, 12 phone, ZZ mutually defined
  std::string x12_id;           // ISA06/ISA08 before padding; also GS02/GS03
  std::string gln;              // 13 digits: EDIFACT UNB (qualifier 14) and NAD (agency 9)
  std::string scac;             // carriers only
  std::string time_zone;        // X12 623 code of the partner's home: ET, CT, MT, PT
  std::uint32_t locations = 0;  // ship-to locations; customers only
};

struct Location {
  FixedText<8> code;  // N104 with qualifier 92, e.g. ST0042
  FixedText<13> gln;
  FixedText<32> name;
  FixedText<40> street;
  std::string_view city;
  std::string_view state;
  FixedText<5> postal_code;
  std::string_view time_zone;
};

struct Item {
  FixedText<12> sku;  // our vendor item number (X12 VN, EDIFACT SA)
  FixedText<12> upc;  // UPC-A with check digit
  FixedText<13> ean;  // the same number as GTIN-13
  FixedText<40> description;
  std::string_view x12_uom;      // 355: EA, CA, BX
  std::string_view edifact_uom;  // 6411 (Rec. 20): PCE, CS, BX
  std::int64_t price = 0;        // hundredths
};

inline constexpr int kMaxOrderLines = 12;

struct OrderLine {
  std::uint32_t item = 0;
  std::uint32_t quantity = 0;
  std::int64_t price = 0;    // hundredths; now and then off the list price, as in real life
  bool backordered = false;  // acknowledged IB / not accepted, and never shipped
};

// What must be remembered about an order between its 850 and later documents.
struct OrderRef {
  std::uint64_t number = 0;
  std::uint32_t customer = 0;
  std::int64_t minute = 0;       // when the 850 was sent
  std::int64_t ship_minute = 0;  // Order::planned_ship_minute, kept to schedule the 856
};

struct Order {
  OrderRef ref;
  FixedText<10> po;  // BEG03
  std::uint32_t location = 0;
  std::int64_t ship_by_day = 0;  // DTM*010, days since 1970-01-01
  std::int64_t due_day = 0;      // DTM*002
  FixedText<3> department;
  bool has_remark = false;
  std::string_view remark;
  int line_count = 0;
  std::array<OrderLine, kMaxOrderLines> lines{};
  // Mostly before the end of the ship-by day; sometimes a day or three after it.
  std::int64_t planned_ship_minute = 0;
};

struct ShipmentRef {
  std::uint64_t number = 0;
  OrderRef order;
  std::int64_t minute = 0;  // shipped (and the 856 sent)
  std::uint32_t carrier = 0;
  std::uint8_t events_sent = 0;
  std::int64_t next_event_minute = 0;  // when events[events_sent] happens
};

struct CarrierEvent {
  enum class Kind : std::uint8_t { kEstimate, kDelayed, kDelivered };
  Kind kind = Kind::kEstimate;
  std::int64_t minute = 0;        // when it happened; reported by the first 214 sent after it
  std::string_view x12_status;    // AT701: AG, X2, SD, D1
  std::string_view x12_reason;    // AT702
  std::int64_t estimate_day = 0;  // for kEstimate: the estimated delivery day
};

inline constexpr int kMaxCarrierEvents = 4;

struct Shipment {
  ShipmentRef ref;
  Order order;
  FixedText<10> id;   // BSN02 / DESADV BGM 1004
  FixedText<17> bol;  // REF*BM, VICS-style 17 digits with check digit
  FixedText<10> pro;  // B10 01, the carrier's PRO number
  FixedText<10> trailer;
  std::int64_t estimated_delivery_day = 0;
  std::array<std::uint32_t, kMaxOrderLines> shipped{};  // per order line; 0 = not shipped
  std::uint32_t cartons = 0;
  std::int64_t weight = 0;  // pounds, hundredths
  int event_count = 0;
  std::array<CarrierEvent, kMaxCarrierEvents> events{};
};

class World {
 public:
  World(std::uint64_t seed, std::uint32_t customers, std::uint32_t items);

  const Party& self() const { return self_; }
  std::uint32_t customer_count() const { return static_cast<std::uint32_t>(customers_.size()); }
  std::uint32_t carrier_count() const { return static_cast<std::uint32_t>(carriers_.size()); }
  const Party& customer(std::uint32_t i) const { return customers_[i]; }
  const Party& carrier(std::uint32_t i) const { return carriers_[i]; }
  std::uint32_t item_count() const { return item_count_; }

  // Items are cached: every order, acknowledgment, ship notice and invoice line needs one.
  Item item(std::uint32_t index) const;
  Location location(std::uint32_t customer, std::uint32_t index) const;
  Order order(const OrderRef& ref) const;
  Shipment shipment(const ShipmentRef& ref) const;
  std::uint32_t carrier_for(const OrderRef& ref) const;

  // Document numbers, unique within a file and, by a seed-derived offset, unlikely to collide
  // across files made with different seeds.
  FixedText<10> invoice_number(std::uint64_t n) const;
  FixedText<10> response_number(std::uint64_t n) const;  // ORDRSP BGM 1004
  FixedText<10> status_number(std::uint64_t n) const;    // IFTSTA BGM 1004

 private:
  Item make_item(std::uint32_t index) const;

  std::uint64_t seed_;
  std::uint64_t number_offset_;
  std::uint32_t item_count_;
  Party self_;
  std::vector<Party> customers_;
  std::vector<Party> carriers_;
  // Direct-mapped; the cache changes how fast an item is found, never what it is.
  mutable std::vector<Item> item_cache_;
  mutable std::vector<std::uint32_t> item_cache_index_;  // index + 1; 0 = empty
};

}  // namespace ordex::bench
