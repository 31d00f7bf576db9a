// EDIFACT DESADV (D96A, D01B) -> Shipment (MAPPING.md, "DESADV"). An RFF+ON before the first
// LIN names the order(s) of the whole despatch; one after a LIN names that item's order.
#include <algorithm>

#include "orders/mapping/edifact_items.h"
#include "orders/mapping/x12_items.h"

namespace ordex::orders::detail {
namespace {

using edi::tag_code;

class MapDesadv final : public SetMapper {
 public:
  void begin(Scope& /*scope*/) override {
    shipment_ = Shipment{};
    header_pos_.clear();
    item_positions_.clear();
    bgm_position_ = 0;
    has_time_ = false;
  }

  void segment(const Fields& f) override {
    switch (f.tag()) {
      case tag_code("BGM"):
        bgm_position_ = f.position();
        read_bgm_number(f, shipment_.shipment_id);
        return;
      case tag_code("DTM"):
        return dtm(f);
      case tag_code("RFF"):
        return rff(f);
      case tag_code("TDT"):
        if (shipment_.carrier_scac.empty()) f.text(5, 1, shipment_.carrier_scac);
        return;
      case tag_code("LIN"): {
        ShipmentItem& item = shipment_.items.emplace_back();
        read_lin(f, nullptr, {&item.sku, &item.upc, &item.buyer_part});
        item_positions_.push_back(f.position());
        return;
      }
      case tag_code("PIA"):
        if (!shipment_.items.empty()) {
          ShipmentItem& item = shipment_.items.back();
          read_pia(f, {&item.sku, &item.upc, &item.buyer_part});
        }
        return;
      case tag_code("QTY"):
        return qty(f);
      default:
        return;
    }
  }

  void finish(Scope& scope) override;

 private:
  void dtm(const Fields& f) {
    std::string_view qualifier;
    EdifactDateTime dt;
    if (!f.edifact_dtm(qualifier, dt)) return;
    if (qualifier == "11") {
      shipment_.shipped_at = instant_of(dt.first, dt.has_time, f.scope().zone());
      has_time_ = dt.has_time;
    } else if (qualifier == "17" || qualifier == "132") {
      shipment_.estimated_delivery = deadline_day(dt);
    }
  }

  void rff(const Fields& f) {
    std::string reference;
    const std::string_view qualifier = read_rff(f, reference);
    if (reference.empty()) return;
    if (qualifier == "ON") {
      add_po(reference);
      if (shipment_.items.empty()) {
        header_pos_.push_back(std::move(reference));
      } else {
        shipment_.items.back().po_number = std::move(reference);
      }
    } else if (qualifier == "BM" && shipment_.bill_of_lading.empty()) {
      shipment_.bill_of_lading = std::move(reference);
    } else if (qualifier == "AAK" && shipment_.shipment_id.empty()) {
      shipment_.shipment_id = std::move(reference);  // despatch advice number
    }
  }

  void add_po(const std::string& po) {
    auto& pos = shipment_.po_numbers;
    if (std::find(pos.begin(), pos.end(), po) == pos.end()) pos.push_back(po);
  }

  void qty(const Fields& f) {
    if (shipment_.items.empty()) return;
    ShipmentItem& item = shipment_.items.back();
    std::string_view qualifier;
    Decimal quantity;
    std::string uom;
    if (read_qty(f, qualifier, quantity, &uom) && qualifier == "12") {
      item.quantity = quantity;
      item.uom = std::move(uom);
    }
  }

  Shipment shipment_;
  std::vector<std::string> header_pos_;
  std::vector<std::uint32_t> item_positions_;
  std::uint32_t bgm_position_ = 0;
  bool has_time_ = false;
};

void MapDesadv::finish(Scope& scope) {
  const std::string_view head = bgm_position_ ? "BGM" : "UNH";
  const std::uint32_t head_position = bgm_position_ ? bgm_position_ : 1;
  if (shipment_.shipment_id.empty()) {
    return missing_key(scope, head, head_position, "despatch advice without a number (BGM 1004)");
  }
  if (shipment_.po_numbers.empty()) {
    scope.document_issue(IssueCode::kNoOrderReference, IssueSeverity::kError, head, head_position,
                         "despatch advice " + shipment_.shipment_id +
                             " names no order (RFF+ON); the document is not imported");
    return;
  }
  if (shipment_.items.empty()) {
    scope.document_issue(IssueCode::kNoLines, IssueSeverity::kWarning, head, head_position,
                         "despatch advice " + shipment_.shipment_id + " has no LIN items");
  }
  for (std::size_t i = 0; i < shipment_.items.size(); ++i) {
    ShipmentItem& item = shipment_.items[i];
    if (!item.po_number.empty()) continue;
    if (header_pos_.size() == 1) {
      item.po_number = header_pos_[0];
      continue;
    }
    scope.document_issue(IssueCode::kNoOrderReference, IssueSeverity::kWarning, "LIN",
                         item_positions_[i],
                         "despatch advice item has no RFF+ON and the message names several "
                         "orders; item kept without a PO");
  }
  clamp_to_receipt(shipment_.shipped_at, has_time_, scope);
  shipment_.source = scope.source();
  scope.sink().shipment(scope.context(), shipment_);
}

}  // namespace

std::unique_ptr<SetMapper> make_edifact_desadv() { return std::make_unique<MapDesadv>(); }

}  // namespace ordex::orders::detail
