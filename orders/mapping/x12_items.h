#pragma once
// Internal to orders/mapping: pieces several X12 sets share, written once.

#include <string>

#include "orders/mapping/product_ids.h"
#include "orders/mapping/scope.h"

namespace ordex::orders::detail {

// Where an item line's values go; null pointers are skipped.
struct LineRefs {
  std::string* number = nullptr;
  Decimal* quantity = nullptr;
  std::string* uom = nullptr;
  Decimal* price = nullptr;
  ProductIds ids;
};

// PO1 (850, 855) and IT1 (810) share one layout: 01 line number, 02 quantity, 03 unit,
// 04 unit price, 05 price basis, then qualifier/id pairs 06/07 ... 24/25.
void read_x12_item_line(const Fields& f, LineRefs refs);

// N1*ST: the ship-to party of an 850 or 940 (N104 with its N103 qualifier as sent, N102 name).
// Returns false for any other N101.
bool read_x12_ship_to(const Fields& f, Order& order);

// The order key is missing: the transaction cannot be imported.
void missing_key(Scope& scope, std::string_view tag, std::uint32_t position, std::string what);

}  // namespace ordex::orders::detail
