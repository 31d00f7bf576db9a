// EDIFACT ORDERS (D96A, D01B) -> Order (MAPPING.md, "ORDERS").
#include "orders/mapping/edifact_items.h"
#include "orders/mapping/x12_items.h"

namespace ordex::orders::detail {
namespace {

using edi::tag_code;

// BGM 1225 message function.
bool purpose_of(std::string_view code, OrderPurpose& out) {
  if (code == "9") {
    out = OrderPurpose::kOriginal;
  } else if (code == "1" || code == "3") {  // cancellation, deletion
    out = OrderPurpose::kCancel;
  } else if (code == "5") {
    out = OrderPurpose::kReplace;
  } else if (code == "4") {
    out = OrderPurpose::kChange;
  } else {
    return false;
  }
  return true;
}

class MapOrders final : public SetMapper {
 public:
  void begin(Scope& /*scope*/) override {
    order_ = Order{};
    bgm_position_ = 0;
    price_rank_ = 0;
  }

  void segment(const Fields& f) override {
    switch (f.tag()) {
      case tag_code("BGM"):
        return bgm(f);
      case tag_code("DTM"):
        if (order_.lines.empty()) dtm(f);  // line-level dates are not order dates
        return;
      case tag_code("NAD"):
        if (order_.lines.empty()) nad(f);
        return;
      case tag_code("LIN"): {
        OrderLine& line = order_.lines.emplace_back();
        read_lin(f, &line.line_number, {&line.sku, &line.upc, &line.buyer_part});
        price_rank_ = 0;
        return;
      }
      case tag_code("PIA"):
        if (OrderLine* line = current(f)) read_pia(f, {&line->sku, &line->upc, &line->buyer_part});
        return;
      case tag_code("QTY"):
        return qty(f);
      case tag_code("PRI"):
        if (OrderLine* line = current(f)) read_pri(f, line->unit_price, price_rank_);
        return;
      default:
        return;
    }
  }

  void finish(Scope& scope) override {
    const std::string_view head = bgm_position_ ? "BGM" : "UNH";
    const std::uint32_t head_position = bgm_position_ ? bgm_position_ : 1;
    if (order_.po_number.empty()) {
      return missing_key(scope, head, head_position, "order without a number (BGM 1004)");
    }
    if (order_.lines.empty() && order_.purpose != OrderPurpose::kCancel) {
      scope.document_issue(IssueCode::kNoLines, IssueSeverity::kWarning, head, head_position,
                           "order " + order_.po_number + " has no LIN lines");
    }
    order_.source = scope.source();
    scope.sink().order(scope.context(), order_);
  }

 private:
  OrderLine* current(const Fields& f) {
    if (!order_.lines.empty()) return &order_.lines.back();
    f.issue(IssueCode::kStructure, IssueSeverity::kWarning, 0, 0,
            "item detail before the first LIN; ignored");
    return nullptr;
  }

  void bgm(const Fields& f) {
    bgm_position_ = f.position();
    read_bgm_number(f, order_.po_number);
    if (!f.at(3).empty() && !purpose_of(f.at(3), order_.purpose)) {
      f.issue(IssueCode::kUnknownCode, IssueSeverity::kWarning, 3, 0,
              "message function '" + std::string(f.at(3)) +
                  "' is not 9, 1, 3, 4 or 5; read as an original order");
    }
  }

  void dtm(const Fields& f) {
    std::string_view qualifier;
    EdifactDateTime dt;
    if (!f.edifact_dtm(qualifier, dt)) return;
    if (qualifier == "137") {
      order_.order_date = iso_day(dt.first);
    } else if (qualifier == "2") {
      order_.due = deadline_day(dt);
    } else if (qualifier == "10") {
      order_.ship_by = deadline_day(dt);
    }
  }

  void nad(const Fields& f) {
    const std::string_view party = f.at(1);
    if ((party != "DP" && party != "ST") || !order_.ship_to.empty()) return;
    f.text(2, 1, order_.ship_to);
    order_.ship_to_qualifier.assign(f.at(2, 3));
    f.text(4, 1, order_.ship_to_name);
  }

  void qty(const Fields& f) {
    OrderLine* line = current(f);
    if (line == nullptr) return;
    std::string_view qualifier;
    Decimal quantity;
    std::string uom;
    if (read_qty(f, qualifier, quantity, &uom) && qualifier == "21") {
      line->quantity = quantity;
      line->uom = std::move(uom);
    }
  }

  Order order_;
  std::uint32_t bgm_position_ = 0;
  int price_rank_ = 0;
};

}  // namespace

std::unique_ptr<SetMapper> make_edifact_orders() { return std::make_unique<MapOrders>(); }

}  // namespace ordex::orders::detail
