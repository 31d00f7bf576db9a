#include "orders/mapping/x12_items.h"

namespace ordex::orders::detail {

void read_x12_item_line(const Fields& f, LineRefs refs) {
  if (refs.number) f.text(1, *refs.number);
  if (refs.quantity) f.quantity(2, 0, *refs.quantity);
  if (refs.uom) f.text(3, *refs.uom);
  if (refs.price) f.amount(4, 0, *refs.price);
  read_x12_product_ids(f, 6, 24, refs.ids);
}

bool read_x12_ship_to(const Fields& f, Order& order) {
  if (f.at(1) != "ST") return false;
  f.text(2, order.ship_to_name);
  order.ship_to_qualifier.assign(f.at(3));
  f.text(4, order.ship_to);
  return true;
}

void missing_key(Scope& scope, std::string_view tag, std::uint32_t position, std::string what) {
  scope.document_issue(IssueCode::kMissingKey, IssueSeverity::kError, tag, position,
                       std::move(what) + "; the document is not imported");
}

}  // namespace ordex::orders::detail
