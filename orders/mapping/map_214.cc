// X12 214 Transportation Carrier Shipment Status -> one ShipmentEvent per AT7
// (MAPPING.md, "214").
//
// References may sit at the header (B10, L11 before the first LX) or inside an LX loop (L11
// after its AT7s); a loop's own reference wins for the events of that loop.
#include "orders/mapping/x12_items.h"

namespace ordex::orders::detail {
namespace {

using edi::tag_code;

bool is_estimate(std::string_view status) { return status == "AG" || status == "X2"; }

class Map214 final : public SetMapper {
 public:
  void begin(Scope& /*scope*/) override {
    events_.clear();
    positions_.clear();
    po_.clear();
    bol_.clear();
    shipment_id_.clear();
    carrier_reference_.clear();
    scac_.clear();
    in_loop_ = false;
    loop_first_ = 0;
    b10_position_ = 0;
  }

  void segment(const Fields& f) override {
    switch (f.tag()) {
      case tag_code("B10"):
        b10_position_ = f.position();
        f.text(1, carrier_reference_);
        f.text(2, shipment_id_);
        f.text(3, scac_);
        return;
      case tag_code("L11"):
        return l11(f);
      case tag_code("LX"):
        in_loop_ = true;
        loop_first_ = events_.size();
        loop_po_.clear();
        loop_bol_.clear();
        return;
      case tag_code("AT7"):
        return at7(f);
      case tag_code("MS1"):
        if (events_.size() > loop_first_) {  // an AT7 of this loop (or of the header) before
          ShipmentEvent& e = events_.back();
          f.text(1, e.city);
          f.text(2, e.state);
          f.text(3, e.country);
        }
        return;
      default:
        return;
    }
  }

  void finish(Scope& scope) override;

 private:
  void l11(const Fields& f) {
    const std::string_view qualifier = f.at(2);
    if (qualifier != "PO" && qualifier != "BM") return;
    if (!in_loop_) {
      f.text(1, qualifier == "PO" ? po_ : bol_);
      return;
    }
    // Applies to the loop's events, before and after it.
    for (std::size_t i = loop_first_; i < events_.size(); ++i) {
      f.text(1, qualifier == "PO" ? events_[i].po_number : events_[i].bill_of_lading);
    }
    f.text(1, qualifier == "PO" ? loop_po_ : loop_bol_);
  }

  void at7(const Fields& f);
  bool fill_references(ShipmentEvent& e) const;

  std::vector<ShipmentEvent> events_;
  std::vector<std::uint32_t> positions_;                           // AT7 position of each event
  std::string po_, bol_, shipment_id_, carrier_reference_, scac_;  // header references
  std::string loop_po_, loop_bol_;                                 // the open LX loop's
  bool in_loop_ = false;
  std::size_t loop_first_ = 0;  // first event of the open LX loop
  std::uint32_t b10_position_ = 0;
};

void Map214::at7(const Fields& f) {
  if (f.at(1).empty() && f.at(3).empty()) {
    f.issue(IssueCode::kStructure, IssueSeverity::kError, 0, 0,
            "AT7 has neither a shipment status (AT701) nor an appointment (AT703); skipped");
    return;
  }
  ShipmentEvent& e = events_.emplace_back();
  positions_.push_back(f.position());
  e.status.assign(f.at(1));
  e.reason.assign(f.at(2));
  e.appointment.assign(f.at(3));
  e.appointment_reason.assign(f.at(4));
  e.po_number = loop_po_;
  e.bill_of_lading = loop_bol_;
  const std::optional<Instant> received = f.scope().received();
  Instant when = 0;
  const bool dated = f.instant(5, 6, 7, when);
  // An estimate or an appointment dates the future; the event itself is when it was told.
  if (is_estimate(e.status) || (!e.appointment.empty() && e.status.empty())) {
    if (dated) e.estimate = when;
    e.at = received.value_or(when);
  } else {
    e.at = dated ? when : received.value_or(0);
  }
}

bool Map214::fill_references(ShipmentEvent& e) const {
  if (e.po_number.empty()) e.po_number = po_;
  if (e.bill_of_lading.empty()) e.bill_of_lading = bol_;
  e.shipment_id = shipment_id_;
  e.carrier_reference = carrier_reference_;
  e.carrier_scac = scac_;
  return !e.po_number.empty() || !e.bill_of_lading.empty() || !e.shipment_id.empty();
}

void Map214::finish(Scope& scope) {
  if (events_.empty()) {
    scope.document_issue(IssueCode::kNoLines, IssueSeverity::kWarning, b10_position_ ? "B10" : "ST",
                         b10_position_ ? b10_position_ : 1,
                         "carrier status message without an AT7 status");
  }
  std::size_t delivered = 0;
  for (std::size_t i = 0; i < events_.size(); ++i) {
    if (fill_references(events_[i])) {
      if (i != delivered) events_[delivered] = std::move(events_[i]);
      events_[delivered++].source = scope.source();
      continue;
    }
    scope.document_issue(IssueCode::kNoShipmentReference, IssueSeverity::kError, "AT7",
                         positions_[i],
                         "carrier status names no PO (L11*PO), bill of lading (L11*BM) or "
                         "shipment id (B1002); the event is not imported");
  }
  DocumentSink& sink = scope.sink();
  for (std::size_t i = 0; i < delivered; ++i) sink.shipment_event(scope.context(), events_[i]);
}

}  // namespace

std::unique_ptr<SetMapper> make_x12_214() { return std::make_unique<Map214>(); }

}  // namespace ordex::orders::detail
