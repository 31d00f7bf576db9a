// Which order line each shipped item belongs to: the shared ground of ASN_QTY_MISMATCH
// (ordered vs shipped) and INVOICE_MISMATCH (invoiced vs shipped).
#include <algorithm>

#include "exceptions/rules_detail.h"

namespace ordex::exceptions::detail {
namespace {

// A ship notice covering several orders tags each item with its PRF01; an untagged item
// belongs to this PO only when the notice names no other order.
bool for_this_po(const orders::Shipment& s, const orders::ShipmentItem& item,
                 const std::string& po) {
  if (!item.po_number.empty()) return item.po_number == po;
  return s.po_numbers.size() <= 1;
}

// The line a shipped item fills: the first line of the same product with room left, else the
// last line of that product (over-shipment lands there). npos when no line names it.
std::size_t line_for(const std::vector<orders::OrderLine>& lines,
                     const std::vector<orders::Decimal>& filled, const ProductIds& product) {
  std::size_t last = std::string::npos;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const orders::OrderLine& l = lines[i];
    if (!same_product({l.sku, l.upc, l.buyer_part}, product)) continue;
    if (filled[i] < l.quantity) return i;
    last = i;
  }
  return last;
}

void note_shipment(std::vector<std::string>& ids, const std::string& id) {
  if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
}

}  // namespace

ShippedLines shipped_by_line(const OrderCase& c) {
  ShippedLines out;
  const std::vector<orders::OrderLine> none;
  const std::vector<orders::OrderLine>& lines = c.order ? c.order->order.lines : none;
  out.quantity.assign(lines.size(), orders::Decimal{});
  out.ids.assign(lines.size(), {});
  out.file_id.assign(lines.size(), 0);
  for (const orders::Shipment& s : c.shipments) {
    out.any_notice = true;
    for (const orders::ShipmentItem& item : s.items) {
      if (!for_this_po(s, item, c.po_number)) continue;
      const ProductIds product{item.sku, item.upc, item.buyer_part};
      const std::size_t i = line_for(lines, out.quantity, product);
      if (i == std::string::npos) {
        out.unmatched.push_back(
            {product, item.quantity, item.uom, s.shipment_id, s.source.file_id});
        continue;
      }
      out.quantity[i].e4 += item.quantity.e4;
      note_shipment(out.ids[i], s.shipment_id);
      out.file_id[i] = s.source.file_id;
    }
  }
  if (!c.order) out.unmatched.clear();
  return out;
}

}  // namespace ordex::exceptions::detail
