// X12 940 Warehouse Shipping Order -> Order, delivered as warehouse_order()
// (MAPPING.md, "940"). ordex is the depositor: it sent this order to its warehouse to ship a
// customer's PO, so the PO is W0503 (the customer's purchase order) or, when absent, W0502 (the
// depositor order number, which ordex sets to the customer's PO).
#include "orders/mapping/x12_items.h"

namespace ordex::orders::detail {
namespace {

using edi::tag_code;

// W0501 order status (element 473).
bool purpose_of(std::string_view code, OrderPurpose& out) {
  if (code == "N" || code == "T") {  // original, resubmission
    out = OrderPurpose::kOriginal;
  } else if (code == "F" || code == "D") {  // cancel, delete
    out = OrderPurpose::kCancel;
  } else if (code == "R" || code == "G") {  // change, changes to other than lines
    out = OrderPurpose::kChange;
  } else if (code == "L") {  // line item replace
    out = OrderPurpose::kReplace;
  } else {
    return false;
  }
  return true;
}

class Map940 final : public SetMapper {
 public:
  void begin(Scope& /*scope*/) override {
    order_ = Order{};
    w05_position_ = 0;
    line_number_.clear();
  }

  void segment(const Fields& f) override {
    switch (f.tag()) {
      case tag_code("W05"):
        return w05(f);
      case tag_code("N1"):
        if (order_.lines.empty()) read_x12_ship_to(f, order_);
        return;
      case tag_code("G62"):
        return g62(f);
      case tag_code("LX"):
        f.text(1, line_number_);
        return;
      case tag_code("W01"):
        return w01(f);
      default:
        return;
    }
  }

  void finish(Scope& scope) override {
    const std::string_view head = w05_position_ ? "W05" : "ST";
    const std::uint32_t head_position = w05_position_ ? w05_position_ : 1;
    if (order_.po_number.empty()) {
      return missing_key(scope, head, head_position,
                         "warehouse shipping order without an order number (W0502/W0503)");
    }
    if (order_.lines.empty() && order_.purpose != OrderPurpose::kCancel) {
      scope.document_issue(IssueCode::kNoLines, IssueSeverity::kWarning, head, head_position,
                           "warehouse shipping order " + order_.po_number + " has no W01 lines");
    }
    order_.source = scope.source();
    scope.sink().warehouse_order(scope.context(), order_);
  }

 private:
  void w05(const Fields& f) {
    w05_position_ = f.position();
    if (!purpose_of(f.at(1), order_.purpose)) {
      f.issue(IssueCode::kUnknownCode, IssueSeverity::kWarning, 1, 0,
              "order status '" + std::string(f.at(1)) + "' has no mapping; read as original");
    }
    f.text(2, order_.depositor_order);
    f.text(3, order_.po_number);
    if (order_.po_number.empty()) order_.po_number = order_.depositor_order;
  }

  void g62(const Fields& f) {
    const std::string_view qualifier = f.at(1);
    if (qualifier == "10") {
      f.day(2, order_.ship_by);
    } else if (qualifier == "02") {
      f.day(2, order_.due);
    } else if (qualifier == "04") {
      f.day(2, order_.order_date);
    }
  }

  void w01(const Fields& f) {
    OrderLine& line = order_.lines.emplace_back();
    line.line_number = line_number_.empty() ? std::to_string(order_.lines.size()) : line_number_;
    f.quantity(1, 0, line.quantity);
    f.text(2, line.uom);
    read_x12_product_ids(f, 4, 6, {&line.sku, &line.upc, &line.buyer_part});
    if (line.upc.empty()) f.text(3, line.upc);  // W0103 U.P.C. case code
  }

  Order order_;
  std::uint32_t w05_position_ = 0;
  std::string line_number_;  // LX01 of the open detail loop
};

}  // namespace

std::unique_ptr<SetMapper> make_x12_940() { return std::make_unique<Map940>(); }

}  // namespace ordex::orders::detail
