// EDIFACT ORDRSP (D96A, D01B) -> OrderAcknowledgment (MAPPING.md, "ORDRSP"). Codes are
// translated into the X12 855 vocabulary the rules read: BAK02 for the message, ACK01 for a
// line.
#include "orders/mapping/edifact_items.h"
#include "orders/mapping/x12_items.h"

namespace ordex::orders::detail {
namespace {

using edi::tag_code;

// LIN 1229 action code -> ACK01 line status; empty when the code has no mapping.
std::string_view line_status(std::string_view action) {
  if (action.empty() || action == "1" || action == "4" || action == "5") return "IA";
  if (action == "2") return "ID";
  if (action == "3" || action == "6") return "IC";
  if (action == "7") return "IR";
  return {};
}

// BGM 4343 response type, else 1225 function, -> BAK02; "" when the lines must decide.
std::string_view ack_type_of(std::string_view response_type, std::string_view function) {
  if (response_type == "AP") return "AD";
  if (response_type == "AC" || response_type == "CA") return "AC";
  if (response_type == "RE") return "RJ";
  if (function == "29") return "AD";
  if (function == "4") return "AC";
  if (function == "27") return "RJ";
  return {};
}

class MapOrdrsp final : public SetMapper {
 public:
  void begin(Scope& /*scope*/) override {
    ack_ = OrderAcknowledgment{};
    bgm_position_ = 0;
    response_type_.clear();
  }

  void segment(const Fields& f) override {
    switch (f.tag()) {
      case tag_code("BGM"):
        bgm_position_ = f.position();
        ack_.purpose.assign(f.at(3));
        response_type_.assign(f.at(4));
        return;
      case tag_code("RFF"): {
        std::string reference;
        if (read_rff(f, reference) == "ON" && ack_.po_number.empty()) ack_.po_number = reference;
        return;
      }
      case tag_code("DTM"):
        return dtm(f);
      case tag_code("LIN"):
        return lin(f);
      case tag_code("PIA"):
        if (!ack_.lines.empty()) read_pia(f, {&ack_.lines.back().sku, &ack_.lines.back().upc, {}});
        return;
      case tag_code("QTY"):
        return qty(f);
      default:
        return;
    }
  }

  void finish(Scope& scope) override {
    if (ack_.po_number.empty()) {
      return missing_key(scope, bgm_position_ ? "BGM" : "UNH", bgm_position_ ? bgm_position_ : 1,
                         "order response without the order's number (RFF+ON)");
    }
    ack_.ack_type = ack_type_of(response_type_, ack_.purpose);
    if (ack_.ack_type.empty()) ack_.ack_type = all_lines_accepted() ? "AD" : "AC";
    ack_.source = scope.source();
    scope.sink().acknowledgment(scope.context(), ack_);
  }

 private:
  bool all_lines_accepted() const {
    for (const AckLine& line : ack_.lines) {
      if (line.status != "IA") return false;
    }
    return true;
  }

  void dtm(const Fields& f) {
    std::string_view qualifier;
    EdifactDateTime dt;
    if (!f.edifact_dtm(qualifier, dt)) return;
    if (!ack_.lines.empty()) {
      if (qualifier == "11" || qualifier == "10")
        ack_.lines.back().scheduled_ship = iso_day(dt.first);
    } else if (qualifier == "137") {
      ack_.ack_date = iso_day(dt.first);
    } else if (qualifier == "171") {
      ack_.order_date = iso_day(dt.first);
    }
  }

  void lin(const Fields& f) {
    AckLine& line = ack_.lines.emplace_back();
    answered_ = false;
    read_lin(f, &line.line_number, {&line.sku, &line.upc, nullptr});
    line.status = line_status(f.at(2));
    if (line.status.empty()) {
      line.status.assign(f.at(2));
      f.issue(IssueCode::kUnknownCode, IssueSeverity::kWarning, 2, 0,
              "line action '" + std::string(f.at(2)) + "' has no ACK01 status; kept as sent");
    }
  }

  void qty(const Fields& f) {
    if (ack_.lines.empty()) return;
    AckLine& line = ack_.lines.back();
    std::string_view qualifier;
    Decimal quantity;
    std::string uom;
    if (!read_qty(f, qualifier, quantity, &uom)) return;
    if (qualifier == "113" || (qualifier == "21" && !answered_)) {
      // 113 (to be delivered) is the answer; 21 (ordered) only when no 113 came first.
      line.quantity = quantity;
      line.uom = std::move(uom);
      answered_ = qualifier == "113";
    } else if (qualifier == "83" && quantity.e4 > 0 && line.status == "IA") {
      line.status = "IB";  // a backorder quantity on an accepted line
    }
  }

  OrderAcknowledgment ack_;
  std::uint32_t bgm_position_ = 0;
  std::string response_type_;
  bool answered_ = false;  // the open line has its QTY+113
};

}  // namespace

std::unique_ptr<SetMapper> make_edifact_ordrsp() { return std::make_unique<MapOrdrsp>(); }

}  // namespace ordex::orders::detail
