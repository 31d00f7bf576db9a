// X12 855 Purchase Order Acknowledgment -> OrderAcknowledgment (MAPPING.md, "855").
#include "orders/mapping/x12_items.h"

namespace ordex::orders::detail {
namespace {

using edi::tag_code;

class Map855 final : public SetMapper {
 public:
  void begin(Scope& /*scope*/) override {
    ack_ = OrderAcknowledgment{};
    bak_position_ = 0;
    line_number_.clear();
    sku_.clear();
    upc_.clear();
  }

  void segment(const Fields& f) override {
    switch (f.tag()) {
      case tag_code("BAK"):
        bak_position_ = f.position();
        ack_.purpose.assign(f.at(1));
        ack_.ack_type.assign(f.at(2));
        f.text(3, ack_.po_number);
        f.day(4, ack_.order_date);
        f.day(9, ack_.ack_date);
        return;
      case tag_code("PO1"):
        // The line an ACK answers; its quantity and price are the buyer's, not the answer.
        line_number_.clear();
        sku_.clear();
        upc_.clear();
        read_x12_item_line(f, {&line_number_, nullptr, nullptr, nullptr, {&sku_, &upc_, nullptr}});
        return;
      case tag_code("ACK"):
        return ack(f);
      default:
        return;
    }
  }

  void finish(Scope& scope) override {
    if (ack_.po_number.empty()) {
      return missing_key(scope, bak_position_ ? "BAK" : "ST", bak_position_ ? bak_position_ : 1,
                         "acknowledgment without a PO number (BAK03)");
    }
    ack_.source = scope.source();
    scope.sink().acknowledgment(scope.context(), ack_);
  }

 private:
  void ack(const Fields& f) {
    AckLine& line = ack_.lines.emplace_back();
    line.line_number = line_number_;
    line.sku = sku_;
    line.upc = upc_;
    line.status.assign(f.at(1));
    f.quantity(2, 0, line.quantity);
    f.text(3, line.uom);
    if (f.at(4) == "068") {
      f.day(5, line.scheduled_ship);
    } else if (!f.at(4).empty()) {
      f.issue(IssueCode::kUnknownQualifier, IssueSeverity::kWarning, 4, 0,
              "ACK date qualifier '" + std::string(f.at(4)) +
                  "' is not 068 (current schedule ship); date ignored");
    }
  }

  OrderAcknowledgment ack_;
  std::uint32_t bak_position_ = 0;
  std::string line_number_, sku_, upc_;
};

}  // namespace

std::unique_ptr<SetMapper> make_x12_855() { return std::make_unique<Map855>(); }

}  // namespace ordex::orders::detail
