#include "world.h"

#include <algorithm>

#include "civil_time.h"
#include "prng.h"
#include "vocabulary.h"

namespace ordex::bench {
namespace {

// Parties, locations and items do not depend on the file's seed, so one set of master data
// (partners, items, locations) fits every generated file.
constexpr std::uint64_t kCatalogSeed = 0x6f72646578636174ULL;  // "ordexcat"

constexpr std::size_t kItemCacheSize = 8192;  // about 1.3 MB

enum SeedKind : std::uint64_t {
  kItemSeed = 1,
  kLocationSeed,
  kOrderSeed,
  kShipmentSeed,
  kCarrierSeed,
  kOffsetSeed,
};

template <typename T>
const T& pick(Rng& rng, std::span<const T> options) {
  return options[rng.below(static_cast<std::uint32_t>(options.size()))];
}

std::string gln(std::string_view prefix, std::uint64_t number, int width) {
  FixedText<13> text;
  text.append(prefix).append_digits(number, width).append_gs1_check_digit();
  return std::string(text.view());
}

Party make_customer(std::uint32_t i) {
  const auto words = vocabulary::company_words();
  const auto suffixes = vocabulary::company_suffixes();
  const auto cities = vocabulary::cities();
  const std::uint32_t combos = static_cast<std::uint32_t>(words.size() * suffixes.size());
  Party p;
  p.name = words[i % words.size()];
  p.name += ' ';
  p.name += suffixes[(i / words.size()) % suffixes.size()];
  if (i >= combos) {
    p.name += ' ';
    p.name += std::to_string(i / combos + 1);
  }
  const auto& home = cities[i % cities.size()];
  p.time_zone = std::string(home.time_zone);
  p.gln = gln("0860000", i, 5);
  p.locations = 1 + static_cast<std::uint32_t>(mix64(kCatalogSeed ^ i) % 12);
  FixedText<15> id;
  switch (i % 3) {
    case 0:  // D-U-N-S
      p.x12_qualifier = "01";
      id.append_digits(100000000 + mix64(kCatalogSeed + i) % 900000000, 9);
      break;
    case 1:
      p.x12_qualifier = "ZZ";
      for (const char c : words[i % words.size()]) {
        if (c >= 'a' && c <= 'z') {
          id.push_back(static_cast<char>(c - 'a' + 'A'));
        } else if (c >= 'A' && c <= 'Z') {
          id.push_back(c);
        }
      }
      id.append_digits(i, 4);
      break;
    default:  // a telephone number
      p.x12_qualifier = "12";
      id.append("312555").append_digits(i % 10000, 4);
      break;
  }
  p.x12_id = std::string(id.view());
  return p;
}

}  // namespace

World::World(std::uint64_t seed, std::uint32_t customers, std::uint32_t items)
    : seed_(seed),
      number_offset_(derive_seed(seed, kOffsetSeed, 0) % 90000000),
      item_count_(items),
      item_cache_(kItemCacheSize),
      item_cache_index_(kItemCacheSize, 0) {
  self_.name = "Ordex Supply Co";
  self_.x12_qualifier = "ZZ";
  self_.x12_id = "ORDEXSUPPLY";
  self_.gln = gln("0812345", 1, 5);
  self_.time_zone = "CT";
  customers_.reserve(customers);
  for (std::uint32_t i = 0; i < customers; ++i) customers_.push_back(make_customer(i));
  const auto known = vocabulary::carriers();
  for (std::uint32_t k = 0; k < known.size(); ++k) {
    Party c;
    c.name = std::string(known[k].name);
    c.scac = std::string(known[k].scac);
    c.x12_qualifier = "02";
    c.x12_id = c.scac;
    c.gln = gln("0870000", k, 5);
    c.time_zone = "CT";
    carriers_.push_back(std::move(c));
  }
}

Item World::item(std::uint32_t index) const {
  const std::size_t slot = index % item_cache_.size();
  if (item_cache_index_[slot] != index + 1) {
    item_cache_[slot] = make_item(index);
    item_cache_index_[slot] = index + 1;
  }
  return item_cache_[slot];
}

Item World::make_item(std::uint32_t index) const {
  Rng r(derive_seed(kCatalogSeed, kItemSeed, index));
  Item it;
  it.sku.push_back(static_cast<char>('A' + r.below(26)))
      .push_back(static_cast<char>('A' + r.below(26)))
      .append("-")
      .append_digits(index, 6);
  // Ten made-up manufacturer prefixes; the item number fills the product part.
  it.upc.append("0")
      .append_digits(20000 + (index % 10) * 1357, 5)
      .append_digits((index / 10) % 100000, 5)
      .append_gs1_check_digit();
  it.ean.append("0").append(it.upc.view());
  if (r.chance(0.02)) {
    it.description.append(pick(r, vocabulary::tricky_descriptions()));
  } else {
    it.description.append(pick(r, vocabulary::item_adjectives()))
        .append(" ")
        .append(pick(r, vocabulary::item_materials()))
        .append(" ")
        .append(pick(r, vocabulary::item_nouns()));
  }
  const std::uint32_t pack = r.below(100);
  if (pack < 80) {
    it.x12_uom = "EA";
    it.edifact_uom = "PCE";
    it.price = r.between(49, 2999);
    if (r.chance(0.2)) it.price += r.between(3000, 39999);
  } else if (pack < 92) {
    it.x12_uom = "CA";
    it.edifact_uom = "CS";
    it.price = r.between(1200, 24999);
  } else {
    it.x12_uom = "BX";
    it.edifact_uom = "BX";
    it.price = r.between(500, 9999);
  }
  return it;
}

Location World::location(std::uint32_t customer, std::uint32_t index) const {
  Rng r(derive_seed(kCatalogSeed, kLocationSeed, (std::uint64_t{customer} << 8) | index));
  const auto cities = vocabulary::cities();
  const auto& city = cities[(customer + index * 7) % cities.size()];
  const std::uint64_t number = 100 + index * 83 + customer % 50;
  Location l;
  l.code.append("ST").append_digits(number, 4);
  l.gln.append("0861").append_digits(index, 2).append("0").append_digits(customer % 100000, 5);
  l.gln.append_gs1_check_digit();
  l.name.append("Store ").append_digits(number, 4);
  l.street.append_digits(static_cast<std::uint64_t>(r.between(100, 9899)), 0)
      .append(" ")
      .append(pick(r, vocabulary::streets()));
  l.city = city.name;
  l.state = city.state;
  l.postal_code.append(city.zip_prefix).append_digits(r.below(100), 2);
  l.time_zone = city.time_zone;
  return l;
}

Order World::order(const OrderRef& ref) const {
  Rng r(derive_seed(seed_, kOrderSeed, ref.number));
  Order o;
  o.ref = ref;
  o.po.append("45").append_digits((number_offset_ + ref.number) % 100000000, 8);
  o.location = r.below(customers_[ref.customer].locations);
  const std::int64_t order_day = ref.minute / kMinutesPerDay;
  o.ship_by_day = order_day + r.between(2, 7);
  o.due_day = o.ship_by_day + r.between(1, 6);
  o.department.append_digits(static_cast<std::uint64_t>(r.between(1, 999)), 3);
  o.has_remark = r.chance(0.04);
  o.remark = pick(r, vocabulary::remarks());
  o.line_count = 1;
  while (o.line_count < kMaxOrderLines && r.chance(0.72)) ++o.line_count;
  for (int i = 0; i < o.line_count; ++i) {
    OrderLine& line = o.lines[i];
    // A few tries to keep one item per order; the rare repeat is harmless.
    for (int attempt = 0; attempt < 3; ++attempt) {
      line.item = r.below(item_count_);
      const bool repeat = std::any_of(o.lines.begin(), o.lines.begin() + i,
                                      [&](const OrderLine& l) { return l.item == line.item; });
      if (!repeat) break;
    }
    line.quantity =
        static_cast<std::uint32_t>(r.chance(0.7) ? r.between(1, 24) : r.between(25, 240));
    line.price = item(line.item).price;
    if (r.chance(0.01)) line.price = line.price * r.between(90, 110) / 100;
    line.backordered = i > 0 && r.chance(0.02);
  }
  const std::int64_t earliest = ref.minute + 4 * 60;
  const std::int64_t deadline = o.ship_by_day * kMinutesPerDay + 17 * 60;
  // A day of slack before the deadline: the shipping queue adds its own delay.
  o.planned_ship_minute = r.chance(0.9)
                              ? r.between(earliest, std::max(earliest, deadline - kMinutesPerDay))
                              : deadline + r.between(1, 3) * kMinutesPerDay;
  return o;
}

Shipment World::shipment(const ShipmentRef& ref) const {
  Rng r(derive_seed(seed_, kShipmentSeed, ref.number));
  Shipment s;
  s.ref = ref;
  s.order = order(ref.order);
  s.id.append("SH").append_digits((number_offset_ + ref.number) % 100000000, 8);
  s.bol.append("0812345").append_digits(ref.number % 1000000000, 9).append_gs1_check_digit();
  s.pro.append_digits(1000000000 + mix64(seed_ ^ ref.number) % 9000000000, 10);
  s.trailer.append("T").append_digits(static_cast<std::uint64_t>(r.between(100000, 999999)), 6);
  s.estimated_delivery_day = ref.minute / kMinutesPerDay + r.between(1, 5);
  std::uint64_t units = 0;
  for (int i = 0; i < s.order.line_count; ++i) {
    const OrderLine& line = s.order.lines[i];
    std::uint32_t shipped = line.backordered ? 0 : line.quantity;
    if (shipped > 1 && r.chance(0.03)) {
      shipped -= static_cast<std::uint32_t>(r.between(1, shipped - 1));
    }
    s.shipped[i] = shipped;
    units += shipped;
  }
  s.cartons = static_cast<std::uint32_t>(std::max<std::uint64_t>(1, (units + 5) / 6));
  s.weight = static_cast<std::int64_t>(units) * r.between(40, 400);

  // Pick-up and estimate a few hours after shipping; now and then a delay with a new
  // estimate; delivery in business hours on the estimated day, or a day or two late.
  auto& e = s.events;
  std::int64_t minute = ref.minute + r.between(60, 600);
  std::int64_t deliver_day = s.estimated_delivery_day;
  const bool ag = r.chance(0.6);
  e[0] = {CarrierEvent::Kind::kEstimate, minute, ag ? "AG" : "X2", "NS", deliver_day};
  s.event_count = 1;
  if (r.chance(0.04)) {
    static constexpr std::string_view kReasons[] = {"AO", "AI", "AJ"};
    minute += r.between(6 * 60, 30 * 60);
    deliver_day += 2;
    e[s.event_count++] = {CarrierEvent::Kind::kDelayed, minute, "SD", kReasons[r.below(3)], 0};
    e[s.event_count++] = {CarrierEvent::Kind::kEstimate, minute + 5, "AG", "NS", deliver_day};
    minute += 5;
  }
  if (r.chance(0.1)) deliver_day += r.between(1, 2);
  const std::int64_t delivered = deliver_day * kMinutesPerDay + r.between(8 * 60, 17 * 60);
  e[s.event_count++] = {CarrierEvent::Kind::kDelivered, std::max(delivered, minute + 30), "D1",
                        "NS", 0};
  return s;
}

std::uint32_t World::carrier_for(const OrderRef& ref) const {
  return static_cast<std::uint32_t>(derive_seed(seed_, kCarrierSeed, ref.number) %
                                    carriers_.size());
}

FixedText<10> World::invoice_number(std::uint64_t n) const {
  FixedText<10> t;
  t.append("IN").append_digits((number_offset_ + n) % 100000000, 8);
  return t;
}

FixedText<10> World::response_number(std::uint64_t n) const {
  FixedText<10> t;
  t.append("RS").append_digits((number_offset_ + n) % 100000000, 8);
  return t;
}

FixedText<10> World::status_number(std::uint64_t n) const {
  FixedText<10> t;
  t.append("ST").append_digits((number_offset_ + n) % 100000000, 8);
  return t;
}

}  // namespace ordex::bench
