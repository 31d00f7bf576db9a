// X12 945 Warehouse Shipping Advice -> Shipment (MAPPING.md, "945"): the warehouse reports
// what it shipped for ordex's 940, which is the same fact an 856 reports to the customer.
#include "orders/mapping/x12_items.h"

namespace ordex::orders::detail {
namespace {

using edi::tag_code;

class Map945 final : public SetMapper {
 public:
  void begin(Scope& /*scope*/) override {
    shipment_ = Shipment{};
    po_.clear();
    w06_position_ = 0;
    has_time_ = false;
  }

  void segment(const Fields& f) override {
    switch (f.tag()) {
      case tag_code("W06"):
        return w06(f);
      case tag_code("G62"):
        return g62(f);
      case tag_code("N9"):
        if (f.at(1) == "BM" && shipment_.bill_of_lading.empty()) {
          f.text(2, shipment_.bill_of_lading);
        }
        return;
      case tag_code("W27"):
        if (shipment_.carrier_scac.empty()) f.text(2, shipment_.carrier_scac);
        return;
      case tag_code("W12"):
        return w12(f);
      default:
        return;
    }
  }

  void finish(Scope& scope) override {
    const std::string_view head = w06_position_ ? "W06" : "ST";
    const std::uint32_t head_position = w06_position_ ? w06_position_ : 1;
    if (po_.empty()) {
      scope.document_issue(IssueCode::kNoOrderReference, IssueSeverity::kError, head, head_position,
                           "warehouse shipping advice names no order (W0602/W0606); "
                           "the document is not imported");
      return;
    }
    if (shipment_.shipment_id.empty()) shipment_.shipment_id = shipment_.depositor_order;
    if (shipment_.items.empty()) {
      scope.document_issue(IssueCode::kNoLines, IssueSeverity::kWarning, head, head_position,
                           "warehouse shipping advice for " + po_ + " has no W12 items");
    }
    shipment_.po_numbers.assign(1, po_);
    for (ShipmentItem& item : shipment_.items) item.po_number = po_;
    clamp_to_receipt(shipment_.shipped_at, has_time_, scope);
    shipment_.source = scope.source();
    scope.sink().shipment(scope.context(), shipment_);
  }

 private:
  void w06(const Fields& f) {
    w06_position_ = f.position();
    f.text(2, shipment_.depositor_order);
    f.text(4, shipment_.shipment_id);
    f.text(6, po_);
    if (po_.empty()) po_ = shipment_.depositor_order;
    Instant at = 0;
    if (!shipment_.shipped_at && f.instant(3, 0, 0, at)) shipment_.shipped_at = at;
  }

  void g62(const Fields& f) {
    if (f.at(1) != "11") return;  // 11: shipped on this date
    Instant at = 0;
    bool had_time = false;
    if (f.instant(2, 4, 5, at, &had_time)) {
      shipment_.shipped_at = at;
      has_time_ = had_time;
    }
  }

  void w12(const Fields& f) {
    ShipmentItem& item = shipment_.items.emplace_back();
    f.quantity(3, 0, item.quantity);
    f.text(5, item.uom);
    read_x12_product_ids(f, 7, 7, {&item.sku, &item.upc, &item.buyer_part});
    if (item.upc.empty()) f.text(6, item.upc);  // W1206 U.P.C. case code
  }

  Shipment shipment_;
  std::string po_;
  std::uint32_t w06_position_ = 0;
  bool has_time_ = false;
};

}  // namespace

std::unique_ptr<SetMapper> make_x12_945() { return std::make_unique<Map945>(); }

}  // namespace ordex::orders::detail
