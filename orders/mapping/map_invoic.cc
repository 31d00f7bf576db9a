// EDIFACT INVOIC (D96A, D01B) -> Invoice (MAPPING.md, "INVOIC").
#include "orders/mapping/edifact_items.h"
#include "orders/mapping/x12_items.h"

namespace ordex::orders::detail {
namespace {

using edi::tag_code;

// Which MOA is the invoice total: 77 invoice amount, else 86 message total, else 79 total of
// the line items. Higher wins.
int total_rank(std::string_view qualifier) {
  if (qualifier == "77") return 3;
  if (qualifier == "86") return 2;
  if (qualifier == "79") return 1;
  return 0;
}

class MapInvoic final : public SetMapper {
 public:
  void begin(Scope& /*scope*/) override {
    invoice_ = Invoice{};
    bgm_position_ = 0;
    price_rank_ = 0;
    total_rank_ = 0;
  }

  void segment(const Fields& f) override {
    switch (f.tag()) {
      case tag_code("BGM"):
        bgm_position_ = f.position();
        read_bgm_number(f, invoice_.invoice_number);
        return;
      case tag_code("DTM"):
        return dtm(f);
      case tag_code("RFF"): {
        std::string reference;
        if (read_rff(f, reference) == "ON" && invoice_.po_number.empty()) {
          invoice_.po_number = std::move(reference);
        }
        return;
      }
      case tag_code("LIN"): {
        InvoiceLine& line = invoice_.lines.emplace_back();
        read_lin(f, &line.line_number, {&line.sku, &line.upc, &line.buyer_part});
        price_rank_ = 0;
        return;
      }
      case tag_code("PIA"):
        if (!invoice_.lines.empty()) {
          InvoiceLine& line = invoice_.lines.back();
          read_pia(f, {&line.sku, &line.upc, &line.buyer_part});
        }
        return;
      case tag_code("QTY"):
        return qty(f);
      case tag_code("PRI"):
        if (!invoice_.lines.empty()) read_pri(f, invoice_.lines.back().unit_price, price_rank_);
        return;
      case tag_code("MOA"):
        return moa(f);
      default:
        return;
    }
  }

  void finish(Scope& scope) override {
    const std::string_view head = bgm_position_ ? "BGM" : "UNH";
    const std::uint32_t head_position = bgm_position_ ? bgm_position_ : 1;
    if (invoice_.invoice_number.empty()) {
      return missing_key(scope, head, head_position, "invoice without a number (BGM 1004)");
    }
    if (invoice_.po_number.empty()) {
      scope.document_issue(
          IssueCode::kNoOrderReference, IssueSeverity::kWarning, head, head_position,
          "invoice " + invoice_.invoice_number + " names no order (RFF+ON); it cannot be matched");
    }
    if (invoice_.lines.empty()) {
      scope.document_issue(IssueCode::kNoLines, IssueSeverity::kWarning, head, head_position,
                           "invoice " + invoice_.invoice_number + " has no LIN lines");
    }
    invoice_.source = scope.source();
    scope.sink().invoice(scope.context(), invoice_);
  }

 private:
  void dtm(const Fields& f) {
    if (!invoice_.lines.empty()) return;
    std::string_view qualifier;
    EdifactDateTime dt;
    if (!f.edifact_dtm(qualifier, dt)) return;
    if (qualifier == "137" || (qualifier == "3" && invoice_.invoice_date.empty())) {
      invoice_.invoice_date = iso_day(dt.first);
    }
  }

  void qty(const Fields& f) {
    if (invoice_.lines.empty()) return;
    InvoiceLine& line = invoice_.lines.back();
    std::string_view qualifier;
    Decimal quantity;
    std::string uom;
    if (read_qty(f, qualifier, quantity, &uom) && qualifier == "47") {
      line.quantity = quantity;
      line.uom = std::move(uom);
    }
  }

  void moa(const Fields& f) {
    const int rank = total_rank(f.at(1, 1));
    if (rank == 0 || rank < total_rank_) return;
    if (f.amount(1, 2, invoice_.total)) total_rank_ = rank;
  }

  Invoice invoice_;
  std::uint32_t bgm_position_ = 0;
  int price_rank_ = 0;
  int total_rank_ = 0;
};

}  // namespace

std::unique_ptr<SetMapper> make_edifact_invoic() { return std::make_unique<MapInvoic>(); }

}  // namespace ordex::orders::detail
