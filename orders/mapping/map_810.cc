// X12 810 Invoice -> Invoice (MAPPING.md, "810").
#include "orders/mapping/x12_items.h"

namespace ordex::orders::detail {
namespace {

using edi::tag_code;

class Map810 final : public SetMapper {
 public:
  void begin(Scope& /*scope*/) override {
    invoice_ = Invoice{};
    big_position_ = 0;
  }

  void segment(const Fields& f) override {
    switch (f.tag()) {
      case tag_code("BIG"):
        big_position_ = f.position();
        f.day(1, invoice_.invoice_date);
        f.text(2, invoice_.invoice_number);
        f.text(4, invoice_.po_number);
        return;
      case tag_code("IT1"): {
        InvoiceLine& line = invoice_.lines.emplace_back();
        read_x12_item_line(f, {&line.line_number,
                               &line.quantity,
                               &line.uom,
                               &line.unit_price,
                               {&line.sku, &line.upc, &line.buyer_part}});
        return;
      }
      case tag_code("TDS"):
        // N2: the total in cents without a decimal point.
        f.implied_amount(1, 2, invoice_.total);
        return;
      default:
        return;
    }
  }

  void finish(Scope& scope) override {
    const std::string_view head = big_position_ ? "BIG" : "ST";
    const std::uint32_t head_position = big_position_ ? big_position_ : 1;
    if (invoice_.invoice_number.empty()) {
      return missing_key(scope, head, head_position, "invoice without a number (BIG02)");
    }
    if (invoice_.po_number.empty()) {
      scope.document_issue(IssueCode::kNoOrderReference, IssueSeverity::kWarning, head,
                           head_position,
                           "invoice " + invoice_.invoice_number +
                               " names no purchase order (BIG04); it cannot be matched");
    }
    if (invoice_.lines.empty()) {
      scope.document_issue(IssueCode::kNoLines, IssueSeverity::kWarning, head, head_position,
                           "invoice " + invoice_.invoice_number + " has no IT1 lines");
    }
    invoice_.source = scope.source();
    scope.sink().invoice(scope.context(), invoice_);
  }

 private:
  Invoice invoice_;
  std::uint32_t big_position_ = 0;
};

}  // namespace

std::unique_ptr<SetMapper> make_x12_810() { return std::make_unique<Map810>(); }

}  // namespace ordex::orders::detail
