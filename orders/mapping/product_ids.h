#pragma once
// Internal to orders/mapping: which model field a product identifier goes to, by its
// qualifier, written once for every set that carries item ids (PO1, IT1, LIN, W01, W12 in
// X12; LIN and PIA in EDIFACT).

#include <cstddef>
#include <string>
#include <string_view>

#include "orders/mapping/scope.h"

namespace ordex::orders::detail {

// The fields an item's ids go to. Any pointer may be null (the model has no such field).
struct ProductIds {
  std::string* sku = nullptr;         // our item number: X12 VN, VP; EDIFACT SA, VN, VP
  std::string* upc = nullptr;         // X12 UP, UK, EN, UA; EDIFACT EN, UP, SRV (GTIN)
  std::string* buyer_part = nullptr;  // X12 BP, IN; EDIFACT IN, BP
};

enum class ProductIdKind : std::uint8_t { kSku, kUpc, kBuyerPart, kUnknown };
ProductIdKind x12_product_id_kind(std::string_view qualifier);
ProductIdKind edifact_item_type_kind(std::string_view code);

// Reads the X12 qualifier/id pairs at elements first, first+1, first+2, ... up to `last`
// (the last qualifier's position). The first id of each kind wins. A pair whose qualifier
// ordex does not use is a kUnknownQualifier warning.
void read_x12_product_ids(const Fields& f, std::size_t first, std::size_t last, ProductIds ids);

// Reads an EDIFACT C212 (7140 item id : 7143 type) at element `e`, same rules.
void read_edifact_item_id(const Fields& f, std::size_t e, ProductIds ids);

}  // namespace ordex::orders::detail
