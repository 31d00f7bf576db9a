// INVOICE_MISMATCH: invoice lines against what shipped (or was ordered) and the order price.
#include <gtest/gtest.h>

#include "exceptions/rules.h"
#include "tests/exceptions/case_builder.h"

namespace ordex::exceptions {
namespace {

using namespace testing;
using enum ExceptionType;

Evaluation run(const OrderCase& c) { return evaluate_order(c, {}, at("2026-11-22T12:00:00Z")); }

// Line 1 (10 EA SKU-1 at 12.50) shipped 8; line 2 (4 CA SKU-2 at 30) shipped 4.
OrderCase invoiced(std::string qty, std::string price) {
  OrderCase c = northwind_case();
  c.shipments = {shipment("SN-77", "2026-11-18T15:00:00Z", "2026-11-18T16:00:00Z",
                          {shipped("SKU-1", "8"), shipped("SKU-2", "4", "CA")})};
  c.invoices = {invoice(
      "INV-9", {invoice_line("1", qty, price, "SKU-1"), invoice_line("2", "4", "30", "SKU-2")})};
  return c;
}

TEST(InvoiceMismatch, QuantityAgainstWhatShipped) {
  EXPECT_TRUE(of_type(run(invoiced("8", "12.50")), kInvoiceMismatch).empty());
  std::optional<Condition> k = only(run(invoiced("10", "12.50")), kInvoiceMismatch);
  ASSERT_TRUE(k);
  EXPECT_EQ(k->subject, "invoice INV-9 line 1");
  EXPECT_EQ(k->file_id, 4);
  EXPECT_EQ(k->summary,
            "Northwind Foods PO 4500012345: invoice INV-9 line 1 bills 10 EA where 8 were shipped");
  EXPECT_NE(k->evidence.find("\"invoiced_qty\":\"10\",\"expected_qty\":\"8\",\"qty_basis\":"
                             "\"shipped\""),
            std::string::npos)
      << k->evidence;
}

TEST(InvoiceMismatch, QuantityAgainstTheOrderWhenNothingShipped) {
  OrderCase c = invoiced("10", "12.50");
  c.shipments.clear();
  EXPECT_TRUE(of_type(run(c), kInvoiceMismatch).empty());
  c.invoices.front().lines[0].quantity = dec("9");
  std::optional<Condition> k = only(run(c), kInvoiceMismatch);
  ASSERT_TRUE(k);
  EXPECT_NE(k->summary.find("bills 9 EA where 10 were ordered"), std::string::npos) << k->summary;
}

TEST(InvoiceMismatch, PriceToleranceBoundary) {
  // Order price 12.50: 1 % is 0.125.
  EXPECT_TRUE(of_type(run(invoiced("8", "12.625")), kInvoiceMismatch).empty());
  std::optional<Condition> k = only(run(invoiced("8", "12.6251")), kInvoiceMismatch);
  ASSERT_TRUE(k);
  EXPECT_EQ(k->summary,
            "Northwind Foods PO 4500012345: invoice INV-9 line 1 charges 12.6251 each where the "
            "order says 12.50");
  // Both wrong: one condition saying both.
  k = only(run(invoiced("9", "14")), kInvoiceMismatch);
  ASSERT_TRUE(k);
  EXPECT_EQ(k->summary,
            "Northwind Foods PO 4500012345: invoice INV-9 line 1 bills 9 EA where 8 were shipped "
            "and charges 14.00 each where the order says 12.50");
}

TEST(InvoiceMismatch, ItemNotOnTheOrderAndLineNumberFallback) {
  OrderCase c = invoiced("8", "12.50");
  c.invoices.front().lines.push_back(invoice_line("3", "1", "5", "SKU-9"));
  std::optional<Condition> k = only(run(c), kInvoiceMismatch);
  ASSERT_TRUE(k);
  EXPECT_EQ(k->subject, "invoice INV-9 line 3");
  EXPECT_EQ(k->summary,
            "Northwind Foods PO 4500012345: invoice INV-9 line 3 bills item SKU-9, which is not on "
            "the order");

  // No product id at all: IT101 = PO101 still finds line 2 (4 shipped, 30.00).
  c = invoiced("8", "12.50");
  c.invoices.front().lines[1].sku.clear();
  EXPECT_TRUE(of_type(run(c), kInvoiceMismatch).empty());
  c.invoices.front().lines[1].quantity = dec("5");
  k = only(run(c), kInvoiceMismatch);
  ASSERT_TRUE(k);
  EXPECT_EQ(k->subject, "invoice INV-9 line 2");
}

TEST(InvoiceMismatch, AnOrderLineWithoutAPriceHoldsNoPriceToCompare) {
  OrderCase c = invoiced("8", "99");
  EXPECT_EQ(of_type(run(c), kInvoiceMismatch).size(), 1u);
  c.order->order.lines[0].unit_price = dec("0");
  EXPECT_TRUE(of_type(run(c), kInvoiceMismatch).empty());
}

TEST(InvoiceMismatch, NoInvoiceOrNoOrder) {
  Evaluation e = run(northwind_case());
  EXPECT_EQ(reason(e, kInvoiceMismatch), "no invoice for the PO");
  OrderCase c = invoiced("10", "99");
  c.order.reset();
  Evaluation orphan = run(c);
  EXPECT_TRUE(of_type(orphan, kInvoiceMismatch).empty());
  EXPECT_EQ(reason(orphan, kInvoiceMismatch), "no order to match the invoices with");
}

}  // namespace
}  // namespace ordex::exceptions
