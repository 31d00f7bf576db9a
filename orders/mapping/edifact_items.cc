#include "orders/mapping/edifact_items.h"

namespace ordex::orders::detail {

void read_bgm_number(const Fields& f, std::string& out) { f.text(2, 1, out); }

void read_lin(const Fields& f, std::string* line_number, ProductIds ids) {
  if (line_number) f.text(1, *line_number);
  read_edifact_item_id(f, 3, ids);
}

void read_pia(const Fields& f, ProductIds ids) {
  for (std::size_t e = 2; e <= 6; ++e) read_edifact_item_id(f, e, ids);
}

bool read_qty(const Fields& f, std::string_view& qualifier, Decimal& quantity, std::string* uom) {
  qualifier = f.at(1, 1);
  if (!f.quantity(1, 2, quantity)) return false;
  if (uom) f.text(1, 3, *uom);
  return true;
}

bool read_pri(const Fields& f, Decimal& price, int& rank) {
  const std::string_view qualifier = f.at(1, 1);
  const int this_rank = qualifier == "AAA" ? 2 : qualifier == "AAB" ? 1 : 0;
  if (this_rank == 0 || this_rank < rank) return false;
  Decimal value;
  if (!f.amount(1, 2, value)) return false;
  price = value;
  rank = this_rank;
  return true;
}

std::string_view read_rff(const Fields& f, std::string& reference) {
  f.text(1, 2, reference);
  return f.at(1, 1);
}

std::string deadline_day(const EdifactDateTime& dt) { return iso_day(dt.last); }

}  // namespace ordex::orders::detail
