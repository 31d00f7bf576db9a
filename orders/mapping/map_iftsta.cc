// EDIFACT IFTSTA (D96A, D01B) -> one ShipmentEvent per STS (MAPPING.md, "IFTSTA").
//
// References come at three levels, the nearest winning: the message (RFF before the first
// CNI), the consignment (CNI's document number as bill of lading, RFF after it), and the
// status itself (RFF inside the STS group).
#include "orders/mapping/edifact_items.h"
#include "orders/mapping/x12_items.h"

namespace ordex::orders::detail {
namespace {

using edi::tag_code;

// UN/ECE Recommendation 24 status codes (STS C555, 9011 in D96A / 4405 in D01B, the EANCOM
// subset) -> our vocabulary, the X12 AT701 codes. MAPPING.md has this table.
struct StatusCode {
  std::string_view rec24;
  std::string_view at701;
};
constexpr StatusCode kStatuses[] = {
    {"1", "X1"},   // arrived (at the delivery location)
    {"6", "XB"},   // booked: shipment acknowledged
    {"13", "AF"},  // collected: departed the pick-up location
    {"21", "D1"},  // delivered
    {"31", "X6"},  // en route (AG when it carries an estimated delivery)
    {"49", "AP"},  // lost: delivery not completed
    {"54", "SD"},  // not collected: delayed
    {"71", "D1"},  // receipt fully acknowledged by the consignee
};

std::string_view at701_of(std::string_view code) {
  for (const StatusCode& s : kStatuses) {
    if (s.rec24 == code) return s.at701;
  }
  return {};
}

struct References {
  std::string po, bol, shipment_id, carrier_reference;
  void clear() { po.clear(), bol.clear(), shipment_id.clear(), carrier_reference.clear(); }
  void fill_from(const References& outer) {
    if (po.empty()) po = outer.po;
    if (bol.empty()) bol = outer.bol;
    if (shipment_id.empty()) shipment_id = outer.shipment_id;
    if (carrier_reference.empty()) carrier_reference = outer.carrier_reference;
  }
};

struct Pending {
  ShipmentEvent event;
  References refs;  // the STS group's own
  std::uint32_t position = 0;
  bool dated = false;
};

class MapIftsta final : public SetMapper {
 public:
  void begin(Scope& /*scope*/) override {
    header_.clear();
    consignment_.clear();
    events_.clear();
    in_consignment_ = false;
  }

  void segment(const Fields& f) override {
    switch (f.tag()) {
      case tag_code("RFF"):
        return rff(f);
      case tag_code("CNI"):
        flush_consignment();
        in_consignment_ = true;
        consignment_.clear();
        f.text(2, 1, consignment_.bol);
        return;
      case tag_code("STS"):
        return sts(f);
      case tag_code("DTM"):
        return dtm(f);
      case tag_code("NAD"):
        if (open_ && !events_.empty()) {
          ShipmentEvent& e = events_.back().event;
          f.text(6, e.city);
          f.text(7, 1, e.state);
          f.text(9, e.country);
        }
        return;
      case tag_code("LOC"):
        if (open_ && !events_.empty()) loc(f, events_.back().event);
        return;
      default:
        return;
    }
  }

  void finish(Scope& scope) override;

 private:
  void rff(const Fields& f) {
    std::string value;
    const std::string_view qualifier = read_rff(f, value);
    References& refs = open_ && !events_.empty() ? events_.back().refs
                       : in_consignment_         ? consignment_
                                                 : header_;
    std::string* target = qualifier == "ON"    ? &refs.po
                          : qualifier == "BM"  ? &refs.bol
                          : qualifier == "AAK" ? &refs.shipment_id
                          : qualifier == "CN"  ? &refs.carrier_reference
                                               : nullptr;
    if (target != nullptr && target->empty()) *target = std::move(value);
  }

  // LOC C517: the place's name (3224) as the city; a UN/LOCODE (3055 = 6) gives the country.
  static void loc(const Fields& f, ShipmentEvent& e) {
    if (e.city.empty()) f.text(2, 4, e.city);
    const std::string_view code = f.at(2, 1);
    if (e.country.empty() && f.at(2, 3) == "6" && code.size() == 5) e.country = code.substr(0, 2);
  }

  void sts(const Fields& f);
  void dtm(const Fields& f);
  // Consignment-level references apply to the statuses read since its CNI.
  void flush_consignment();

  References header_, consignment_;
  std::vector<Pending> events_;
  std::size_t consignment_first_ = 0;  // first event of the open consignment
  bool in_consignment_ = false;
  bool open_ = false;  // inside an STS group
};

void MapIftsta::sts(const Fields& f) {
  open_ = true;
  Pending& p = events_.emplace_back();
  p.position = f.position();
  const std::string_view code = f.at(2, 1);
  p.event.status = at701_of(code);
  f.text(3, 1, p.event.reason);
  if (p.event.status.empty()) {
    p.event.status.assign(code);
    f.issue(IssueCode::kUnknownCode, IssueSeverity::kWarning, 2, 1,
            "status '" + std::string(code) +
                "' has no mapping to ordex's status vocabulary; kept as sent");
  }
}

void MapIftsta::dtm(const Fields& f) {
  if (!open_ || events_.empty()) return;
  std::string_view qualifier;
  EdifactDateTime dt;
  if (!f.edifact_dtm(qualifier, dt)) return;
  Pending& p = events_.back();
  if (qualifier == "334" || qualifier == "7") {
    p.event.at = instant_of(dt.first, dt.has_time, f.scope().zone());
    p.dated = true;
  } else if (qualifier == "17" || qualifier == "132") {
    // An estimate is a deadline: a window's last moment (a date alone: noon that day).
    p.event.estimate = instant_of(dt.last, dt.has_time, f.scope().zone());
    if (p.event.status == "X6") p.event.status = "AG";
  }
}

void MapIftsta::flush_consignment() {
  for (std::size_t i = consignment_first_; i < events_.size(); ++i) {
    events_[i].refs.fill_from(consignment_);
  }
  consignment_first_ = events_.size();
  open_ = false;
}

void MapIftsta::finish(Scope& scope) {
  flush_consignment();
  for (Pending& p : events_) {
    p.refs.fill_from(header_);
    ShipmentEvent& e = p.event;
    e.po_number = std::move(p.refs.po);
    e.bill_of_lading = std::move(p.refs.bol);
    e.shipment_id = std::move(p.refs.shipment_id);
    e.carrier_reference = std::move(p.refs.carrier_reference);
    if (!p.dated) e.at = scope.received().value_or(0);
  }
  for (const Pending& p : events_) {
    const ShipmentEvent& e = p.event;
    if (!e.po_number.empty() || !e.bill_of_lading.empty() || !e.shipment_id.empty()) continue;
    scope.document_issue(IssueCode::kNoShipmentReference, IssueSeverity::kError, "STS", p.position,
                         "status names no order (RFF+ON), bill of lading (RFF+BM, CNI) or "
                         "shipment (RFF+AAK); the event is not imported");
  }
  if (events_.empty()) {
    scope.document_issue(IssueCode::kNoLines, IssueSeverity::kWarning, "UNH", 1,
                         "status report without an STS status");
  }
  DocumentSink& sink = scope.sink();
  for (Pending& p : events_) {
    ShipmentEvent& e = p.event;
    if (e.po_number.empty() && e.bill_of_lading.empty() && e.shipment_id.empty()) continue;
    e.source = scope.source();
    sink.shipment_event(scope.context(), e);
  }
}

}  // namespace

std::unique_ptr<SetMapper> make_edifact_iftsta() { return std::make_unique<MapIftsta>(); }

}  // namespace ordex::orders::detail
