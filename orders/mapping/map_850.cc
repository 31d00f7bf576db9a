// X12 850 Purchase Order -> Order (MAPPING.md, "850").
#include "orders/mapping/x12_items.h"

namespace ordex::orders::detail {
namespace {

using edi::tag_code;

// BEG01 transaction set purpose (element 353).
bool purpose_of(std::string_view code, OrderPurpose& out) {
  if (code == "00") {
    out = OrderPurpose::kOriginal;
  } else if (code == "01") {
    out = OrderPurpose::kCancel;
  } else if (code == "04") {
    out = OrderPurpose::kChange;
  } else if (code == "05") {
    out = OrderPurpose::kReplace;
  } else {
    return false;
  }
  return true;
}

class Map850 final : public SetMapper {
 public:
  void begin(Scope& /*scope*/) override {
    order_ = Order{};
    beg_position_ = 0;
    in_detail_ = false;
  }

  void segment(const Fields& f) override {
    switch (f.tag()) {
      case tag_code("BEG"):
        return beg(f);
      case tag_code("DTM"):
        if (!in_detail_) dtm(f);  // line-level dates are not order dates
        return;
      case tag_code("N1"):
        if (!in_detail_) read_x12_ship_to(f, order_);
        return;
      case tag_code("PO1"):
        return po1(f);
      default:
        return;
    }
  }

  void finish(Scope& scope) override {
    if (order_.po_number.empty()) {
      return missing_key(scope, beg_position_ ? "BEG" : "ST", beg_position_ ? beg_position_ : 1,
                         "purchase order without a PO number (BEG03)");
    }
    if (order_.lines.empty() && order_.purpose != OrderPurpose::kCancel) {
      scope.document_issue(IssueCode::kNoLines, IssueSeverity::kWarning, "BEG", beg_position_,
                           "purchase order " + order_.po_number + " has no PO1 lines");
    }
    order_.source = scope.source();
    scope.sink().order(scope.context(), order_);
  }

 private:
  void beg(const Fields& f) {
    beg_position_ = f.position();
    if (!purpose_of(f.at(1), order_.purpose) && !f.at(1).empty()) {
      f.issue(IssueCode::kUnknownCode, IssueSeverity::kWarning, 1, 0,
              "purpose code '" + std::string(f.at(1)) +
                  "' is not 00, 01, 04 or 05; read as an original order");
    }
    f.text(3, order_.po_number);
    f.day(5, order_.order_date);
  }

  void dtm(const Fields& f) {
    if (f.at(1) == "002") {
      f.day(2, order_.due);
    } else if (f.at(1) == "010") {
      f.day(2, order_.ship_by);
    }
  }

  void po1(const Fields& f) {
    in_detail_ = true;
    OrderLine& line = order_.lines.emplace_back();
    read_x12_item_line(f, {&line.line_number,
                           &line.quantity,
                           &line.uom,
                           &line.unit_price,
                           {&line.sku, &line.upc, &line.buyer_part}});
  }

  Order order_;
  std::uint32_t beg_position_ = 0;
  bool in_detail_ = false;
};

}  // namespace

std::unique_ptr<SetMapper> make_x12_850() { return std::make_unique<Map850>(); }

}  // namespace ordex::orders::detail
