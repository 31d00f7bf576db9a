// The checks and upserts for one row of each master data file (master_data.h).
#include <algorithm>
#include <cctype>

#include "orders/decimal.h"
#include "orders/master_data.h"

namespace ordex::orders {

namespace {

bool all_digits(const std::string& text) {
  return std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); });
}

std::string lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// The row's partner must exist: in the store, or loaded earlier in this run.
Result<bool> partner_exists(Store& store, const std::string& partner_id) {
  Result<std::optional<TradingPartner>> found = store.partner(partner_id);
  if (!found.ok()) return Failure{found.error()};
  return found.value().has_value();
}

}  // namespace

Status MasterDataLoader::load_partner(const Row& row, MasterFileSummary& summary) {
  TradingPartner p;
  p.partner_id = row["partner_id"];
  p.name = row["name"];
  p.qualifier = row["qualifier"];
  p.edi_id = row["edi_id"];
  p.timezone = row["timezone"];
  const std::optional<PartnerRole> role = role_from(lowercase(row["role"]));
  if (p.partner_id.empty()) {
    reject(summary, row.line, "partner_id is empty");
    return Status();
  }
  if (!role) {
    reject(summary, row.line,
           "unknown role '" + row["role"] + "' (customer, carrier or warehouse)");
    return Status();
  }
  p.role = *role;
  if (p.qualifier.empty() != p.edi_id.empty()) {
    reject(summary, row.line, "qualifier and edi_id must both be given or both be empty");
    return Status();
  }
  if (!p.timezone.empty() && !time_zones_(p.timezone)) {
    reject(summary, row.line,
           "unknown time zone '" + p.timezone +
               "' (an IANA name, e.g. "
               "America/Chicago)");
    return Status();
  }
  if (!p.edi_id.empty()) {
    Result<std::optional<TradingPartner>> owner = store_.partner_by_edi_id(p.qualifier, p.edi_id);
    if (!owner.ok()) return Failure{owner.error()};
    if (owner.value() && owner.value()->partner_id != p.partner_id) {
      reject(summary, row.line,
             "edi id " + p.qualifier + "/" + p.edi_id + " already belongs to partner " +
                 owner.value()->partner_id);
      return Status();
    }
  }
  Result<bool> existed = partner_exists(store_, p.partner_id);
  if (!existed.ok()) return Failure{existed.error()};
  ++(existed.value() ? summary.updated : summary.loaded);
  return store_.upsert_partner(p);
}

Status MasterDataLoader::load_item(const Row& row, MasterFileSummary& summary) {
  Item item;
  item.partner_id = row["partner_id"];
  item.sku = row["sku"];
  item.upc = row["upc"];
  item.description = row["description"];
  item.uom = row["uom"];
  const std::optional<Decimal> price = parse_decimal(row["unit_price"]);
  if (item.sku.empty()) {
    reject(summary, row.line, "sku is empty");
    return Status();
  }
  if (!price || price->e4 < 0) {
    reject(summary, row.line,
           "bad unit_price '" + row["unit_price"] +
               "' (a number like 12.50, at most 4 decimals, not negative)");
    return Status();
  }
  item.unit_price = *price;
  if (!all_digits(item.upc)) {
    reject(summary, row.line, "bad upc '" + item.upc + "' (digits only)");
    return Status();
  }
  Result<bool> partner = partner_exists(store_, item.partner_id);
  if (!partner.ok()) return Failure{partner.error()};
  if (!partner.value()) {
    reject(summary, row.line, "unknown partner '" + item.partner_id + "'");
    return Status();
  }
  Result<std::optional<Item>> existing = store_.item_by_sku(item.partner_id, item.sku);
  if (!existing.ok()) return Failure{existing.error()};
  ++(existing.value() ? summary.updated : summary.loaded);
  return store_.upsert_item(item);
}

Status MasterDataLoader::load_location(const Row& row, MasterFileSummary& summary) {
  Location l;
  l.partner_id = row["partner_id"];
  l.location_code = row["location_code"];
  l.name = row["name"];
  l.address = row["address"];
  l.city = row["city"];
  l.state = row["state"];
  l.postal_code = row["postal_code"];
  l.country = row["country"];
  if (l.location_code.empty()) {
    reject(summary, row.line, "location_code is empty");
    return Status();
  }
  Result<bool> partner = partner_exists(store_, l.partner_id);
  if (!partner.ok()) return Failure{partner.error()};
  if (!partner.value()) {
    reject(summary, row.line, "unknown partner '" + l.partner_id + "'");
    return Status();
  }
  Result<std::optional<Location>> existing = store_.location(l.partner_id, l.location_code);
  if (!existing.ok()) return Failure{existing.error()};
  ++(existing.value() ? summary.updated : summary.loaded);
  return store_.upsert_location(l);
}

}  // namespace ordex::orders
