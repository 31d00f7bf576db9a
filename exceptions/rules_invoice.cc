// INVOICE_MISMATCH: the three-way match. Each invoice line is held against the order line it
// bills: its quantity against what the ship notices shipped of that line (against the order
// when nothing has shipped yet), its price against the order's price.
#include "exceptions/evidence.h"
#include "exceptions/rules_detail.h"
#include "orders/decimal.h"

namespace ordex::exceptions::detail {
namespace {

using orders::Decimal;
using orders::InvoiceLine;

// The order line an invoice line bills: by product id, else by line number (IT101 often
// repeats PO101 when the invoice names the item differently).
std::size_t billed_line(const orders::Order& o, const InvoiceLine& il) {
  const ProductIds product{il.sku, il.upc, il.buyer_part};
  for (std::size_t i = 0; i < o.lines.size(); ++i) {
    const orders::OrderLine& l = o.lines[i];
    if (same_product({l.sku, l.upc, l.buyer_part}, product)) return i;
  }
  for (std::size_t i = 0; i < o.lines.size(); ++i) {
    if (!il.line_number.empty() && o.lines[i].line_number == il.line_number) return i;
  }
  return std::string::npos;
}

// What an invoice line should say, from the order line it bills.
struct Expected {
  bool billed = false;  // false: the invoice line names nothing on the order
  Decimal quantity;
  const char* basis = "ordered";  // "shipped" once any ship notice names the PO
  std::optional<Decimal> price;   // nullopt: the order line states none (PO104 is optional)
};

Expected expected(const orders::Order& o, std::size_t i, const ShippedLines& shipped) {
  Expected x;
  if (i == std::string::npos) return x;
  x.billed = true;
  x.quantity = shipped.any_notice ? shipped.quantity[i] : o.lines[i].quantity;
  if (shipped.any_notice) x.basis = "shipped";
  if (o.lines[i].unit_price.e4 != 0) x.price = o.lines[i].unit_price;
  return x;
}

std::vector<std::string> problems(const CaseScope& s, const InvoiceLine& il, const Expected& x) {
  std::vector<std::string> p;
  if (beyond_units(il.quantity, x.quantity, s.params.qty_tolerance)) {
    p.push_back("bills " + qty_text(il.quantity, il.uom) + " where " +
                orders::to_string(x.quantity) + " were " + x.basis);
  }
  if (x.price && beyond_pct(il.unit_price, *x.price, s.params.price_tolerance_pct)) {
    p.push_back("charges " + money_text(il.unit_price) + " each where the order says " +
                money_text(*x.price));
  }
  return p;
}

void invoice_line(const CaseScope& s, const orders::Invoice& inv, std::size_t n,
                  const ShippedLines& shipped, Evaluation& out) {
  const InvoiceLine& il = inv.lines[n];
  const orders::Order& o = s.c.order->order;
  const std::string line_no = il.line_number.empty() ? std::to_string(n + 1) : il.line_number;
  const ProductIds product{il.sku, il.upc, il.buyer_part};
  const Expected x = expected(o, billed_line(o, il), shipped);
  const std::vector<std::string> found =
      x.billed ? problems(s, il, x)
               : std::vector<std::string>{"bills " + product_text(product) +
                                          ", which is not on the order"};
  if (found.empty()) return;
  Condition k = s.condition(ExceptionType::kInvoiceMismatch,
                            "invoice " + inv.invoice_number + " line " + line_no);
  k.file_id = inv.source.file_id;
  k.summary = s.label + ": invoice " + inv.invoice_number + " line " + line_no + " " + join(found);
  Evidence e;
  e.add("po", s.c.po_number).add("invoice", inv.invoice_number).add("line", line_no);
  e.add("sku", product_key(product)).add("invoiced_qty", il.quantity);
  if (x.billed) e.add("expected_qty", x.quantity).add("qty_basis", x.basis);
  e.add("invoiced_price", il.unit_price);
  if (x.price) e.add("expected_price", *x.price);
  add_controls(e, inv.source);
  k.evidence = e.json();
  out.add(std::move(k));
}

}  // namespace

void invoice_rules(const CaseScope& s, Evaluation& out) {
  const char* reason = !s.c.order             ? "no order to match the invoices with"
                       : s.c.invoices.empty() ? "no invoice for the PO"
                                              : "invoices match the order and ship notices";
  if (!start(out, ExceptionType::kInvoiceMismatch, s.params, reason) || !s.c.order) return;
  if (s.c.invoices.empty()) return;
  const ShippedLines shipped = shipped_by_line(s.c);
  for (const orders::Invoice& inv : s.c.invoices) {
    for (std::size_t n = 0; n < inv.lines.size(); ++n) invoice_line(s, inv, n, shipped, out);
  }
}

}  // namespace ordex::exceptions::detail
