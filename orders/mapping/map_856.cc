// X12 856 Ship Notice/Manifest -> Shipment (MAPPING.md, "856").
//
// The HL hierarchy is walked with a stack of the current path: HL segments come depth first,
// so a new HL's parent is always on the path, and an item's PO is the PRF01 of its nearest
// order-level ancestor. Memory is the depth of the tree, not its size.
#include <algorithm>

#include "orders/mapping/x12_items.h"

namespace ordex::orders::detail {
namespace {

using edi::tag_code;

struct Level {
  std::string id;
  std::string po;  // PRF01 here or inherited from the parent
};

class Map856 final : public SetMapper {
 public:
  void begin(Scope& /*scope*/) override {
    shipment_ = Shipment{};
    path_.clear();
    depth_ = 0;
    item_positions_.clear();
    bsn_position_ = 0;
    item_open_ = false;
    shipped_has_time_ = true;
    bsn_shipped_ = std::nullopt;
  }

  void segment(const Fields& f) override {
    switch (f.tag()) {
      case tag_code("BSN"):
        return bsn(f);
      case tag_code("HL"):
        return hl(f);
      case tag_code("PRF"):
        return prf(f);
      case tag_code("DTM"):
        return dtm(f);
      case tag_code("REF"):
        if (f.at(1) == "BM" && shipment_.bill_of_lading.empty())
          f.text(2, shipment_.bill_of_lading);
        return;
      case tag_code("TD5"):
        if (shipment_.carrier_scac.empty()) f.text(3, shipment_.carrier_scac);
        return;
      case tag_code("LIN"):
        return lin(f);
      case tag_code("SN1"):
        return sn1(f);
      default:
        return;
    }
  }

  void finish(Scope& scope) override;

 private:
  void bsn(const Fields& f) {
    bsn_position_ = f.position();
    f.text(2, shipment_.shipment_id);
    bool had_time = false;
    Instant at = 0;
    if (f.instant(3, 4, 0, at, &had_time)) {
      bsn_shipped_ = at;
      bsn_has_time_ = had_time;
    }
  }

  void hl(const Fields& f) {
    item_open_ = false;
    const std::string_view parent = f.at(2);
    while (depth_ > 0 && path_[depth_ - 1].id != parent) --depth_;
    if (!parent.empty() && depth_ == 0) {
      f.issue(IssueCode::kStructure, IssueSeverity::kWarning, 2, 0,
              "HL parent '" + std::string(parent) + "' is not an enclosing level");
    }
    if (path_.size() == depth_) path_.emplace_back();
    Level& level = path_[depth_];
    level.id.assign(f.at(1));
    level.po = depth_ > 0 ? path_[depth_ - 1].po : std::string();
    ++depth_;
  }

  void prf(const Fields& f) {
    std::string po;
    f.text(1, po);
    if (po.empty()) return;
    if (depth_ > 0) path_[depth_ - 1].po = po;
    auto& pos = shipment_.po_numbers;
    if (std::find(pos.begin(), pos.end(), po) == pos.end()) pos.push_back(std::move(po));
  }

  void dtm(const Fields& f) {
    if (f.at(1) == "011" && !shipment_.shipped_at) {
      Instant at = 0;
      bool had_time = false;
      if (f.instant(2, 3, 4, at, &had_time)) {
        shipment_.shipped_at = at;
        shipped_has_time_ = had_time;
      }
    } else if (f.at(1) == "017" && shipment_.estimated_delivery.empty()) {
      f.day(2, shipment_.estimated_delivery);
    }
  }

  void lin(const Fields& f) {
    ShipmentItem& item = shipment_.items.emplace_back();
    if (depth_ > 0) item.po_number = path_[depth_ - 1].po;
    read_x12_product_ids(f, 2, 30, {&item.sku, &item.upc, &item.buyer_part});
    item_positions_.push_back(f.position());
    item_open_ = true;
  }

  void sn1(const Fields& f) {
    if (!item_open_) {
      f.issue(IssueCode::kStructure, IssueSeverity::kWarning, 0, 0,
              "SN1 without a LIN item before it in its HL level; quantity ignored");
      return;
    }
    ShipmentItem& item = shipment_.items.back();
    f.quantity(2, 0, item.quantity);
    f.text(3, item.uom);
  }

  void resolve_item_orders(Scope& scope);

  Shipment shipment_;
  std::vector<Level> path_;  // path_[0..depth_) is the current HL path; entries are reused
  std::size_t depth_ = 0;
  std::vector<std::uint32_t> item_positions_;  // LIN position of each item, for issues
  std::uint32_t bsn_position_ = 0;
  bool item_open_ = false;
  bool shipped_has_time_ = true;
  std::optional<Instant> bsn_shipped_;
  bool bsn_has_time_ = false;
};

void Map856::resolve_item_orders(Scope& scope) {
  for (std::size_t i = 0; i < shipment_.items.size(); ++i) {
    ShipmentItem& item = shipment_.items[i];
    if (!item.po_number.empty()) continue;
    // A single-order ship notice may carry its PRF outside the item's branch.
    if (shipment_.po_numbers.size() == 1) {
      item.po_number = shipment_.po_numbers[0];
      continue;
    }
    scope.document_issue(IssueCode::kNoOrderReference, IssueSeverity::kWarning, "LIN",
                         item_positions_[i],
                         "ship notice item has no PRF order level above it and the notice "
                         "names several orders; item kept without a PO");
  }
}

void Map856::finish(Scope& scope) {
  const std::string_view head = bsn_position_ ? "BSN" : "ST";
  const std::uint32_t head_position = bsn_position_ ? bsn_position_ : 1;
  if (shipment_.shipment_id.empty()) {
    return missing_key(scope, head, head_position, "ship notice without a shipment id (BSN02)");
  }
  if (shipment_.po_numbers.empty()) {
    scope.document_issue(IssueCode::kNoOrderReference, IssueSeverity::kError, head, head_position,
                         "ship notice " + shipment_.shipment_id +
                             " names no purchase order (no PRF); the document is not imported");
    return;
  }
  if (shipment_.items.empty()) {
    scope.document_issue(IssueCode::kNoLines, IssueSeverity::kWarning, head, head_position,
                         "ship notice " + shipment_.shipment_id + " has no LIN items");
  }
  resolve_item_orders(scope);
  if (!shipment_.shipped_at && bsn_shipped_) {
    shipment_.shipped_at = bsn_shipped_;
    shipped_has_time_ = bsn_has_time_;
  }
  clamp_to_receipt(shipment_.shipped_at, shipped_has_time_, scope);
  shipment_.source = scope.source();
  scope.sink().shipment(scope.context(), shipment_);
}

}  // namespace

std::unique_ptr<SetMapper> make_x12_856() { return std::make_unique<Map856>(); }

}  // namespace ordex::orders::detail
