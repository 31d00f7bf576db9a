// Orders and what answers them: put, replace, cancel, acknowledgments, invoices, the list.
#include <gtest/gtest.h>

#include "store_test_base.h"
#include "test_records.h"

namespace ordex::orders::testing {
namespace {

template <typename E>
class StoreOrdersTest : public StoreTest<E> {
 protected:
  void SetUp() override {
    StoreTest<E>::SetUp();
    if (this->IsSkipped() || this->HasFatalFailure()) return;
    ORDEX_ASSERT_OK(this->store().upsert_partner(customer("NORTHWIND", "NWIND")));
    ORDEX_ASSERT_OK(this->store().upsert_partner(customer("CONTOSO", "CONTOSO")));
    ORDEX_ASSERT_OK(this->store().upsert_partner(carrier("ODFL")));
    Result<FileRecord> f = this->store().record_file(file("f1"));
    ORDEX_ASSERT_OK(f);
    file_id_ = f.value().id;
    Result<std::int64_t> ic = this->store().record_interchange(interchange(file_id_, "1", "h"));
    ORDEX_ASSERT_OK(ic);
    interchange_id_ = ic.value();
  }

  OrderDetail read(const std::string& partner, const std::string& po) {
    Result<std::optional<OrderDetail>> d = this->store().order(partner, po);
    EXPECT_TRUE(d.ok()) << (d.ok() ? "" : d.error());
    EXPECT_TRUE(d.ok() && d.value().has_value()) << partner << "/" << po;
    return d.ok() && d.value() ? *d.value() : OrderDetail{};
  }

  std::int64_t file_id_ = 0;
  std::int64_t interchange_id_ = 0;
};
TYPED_TEST_SUITE(StoreOrdersTest, StoreEngines, StoreEngineNames);

TYPED_TEST(StoreOrdersTest, OrderReadsBackAsWritten) {
  Order o = order("NORTHWIND", "PO-1001", 3);
  o.depositor_order = "W-77";
  o.source = source(this->file_id_, this->interchange_id_, "0001");
  ORDEX_ASSERT_OK(this->store().put_order(o));
  const OrderDetail d = this->read("NORTHWIND", "PO-1001");
  const StoredOrder& s = d.order;
  EXPECT_GT(s.id, 0);
  EXPECT_EQ(s.status, OrderStatus::kOpen);
  EXPECT_EQ(s.originals, 1);
  EXPECT_EQ(s.order.purpose, OrderPurpose::kOriginal);
  EXPECT_EQ(s.order.due, "2024-03-08");
  EXPECT_EQ(s.order.ship_to_name, "Dallas DC");
  EXPECT_EQ(s.order.depositor_order, "W-77");
  EXPECT_EQ(s.order.source.file_id, this->file_id_);
  EXPECT_EQ(s.order.source.interchange_id, this->interchange_id_);
  EXPECT_EQ(s.order.source.transaction, "0001");
  ASSERT_EQ(s.order.lines.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(s.order.lines[i].line_number, o.lines[i].line_number);
    EXPECT_EQ(s.order.lines[i].quantity, o.lines[i].quantity);
    EXPECT_EQ(s.order.lines[i].unit_price, o.lines[i].unit_price);
    EXPECT_EQ(s.order.lines[i].sku, o.lines[i].sku);
    EXPECT_EQ(s.order.lines[i].upc, o.lines[i].upc);
    EXPECT_EQ(s.order.lines[i].buyer_part, o.lines[i].buyer_part);
  }
  EXPECT_FALSE(this->store().order("CONTOSO", "PO-1001").value().has_value());
}

TYPED_TEST(StoreOrdersTest, ReplaceKeepsOneOrderWithTheNewLines) {
  Store& s = this->store();
  ORDEX_ASSERT_OK(s.put_order(order("NORTHWIND", "PO-2", 3)));
  Order replace = order("NORTHWIND", "PO-2", 1);
  replace.purpose = OrderPurpose::kReplace;
  replace.due = "2024-03-15";
  ORDEX_ASSERT_OK(s.put_order(replace));
  Order resent = order("NORTHWIND", "PO-2", 1);  // sent again as an original: PO_DUPLICATE
  ORDEX_ASSERT_OK(s.put_order(resent));
  const OrderDetail d = this->read("NORTHWIND", "PO-2");
  EXPECT_EQ(d.order.order.lines.size(), 1u);
  EXPECT_EQ(d.order.originals, 2);
  EXPECT_EQ(s.list_orders().value().size(), 1u);
}

TYPED_TEST(StoreOrdersTest, SameOrderTwiceInOneTransactionKeepsTheLater) {
  Store& s = this->store();
  ORDEX_ASSERT_OK(s.begin());
  ORDEX_ASSERT_OK(s.put_order(order("NORTHWIND", "PO-3", 4)));
  Order replace = order("NORTHWIND", "PO-3", 2);
  replace.purpose = OrderPurpose::kReplace;
  replace.ship_to = "ST0099";
  ORDEX_ASSERT_OK(s.put_order(replace));
  ORDEX_ASSERT_OK(s.commit());
  const OrderDetail d = this->read("NORTHWIND", "PO-3");
  EXPECT_EQ(d.order.order.ship_to, "ST0099");
  EXPECT_EQ(d.order.order.purpose, OrderPurpose::kReplace);
  EXPECT_EQ(d.order.order.lines.size(), 2u);
  EXPECT_EQ(d.order.originals, 1);
}

TYPED_TEST(StoreOrdersTest, CancelKeepsTheLinesAndLaterWritesWinInOrder) {
  Store& s = this->store();
  ORDEX_ASSERT_OK(s.put_order(order("NORTHWIND", "PO-4", 2)));
  ORDEX_ASSERT_OK(
      s.cancel_order("NORTHWIND", "PO-4", source(this->file_id_, this->interchange_id_, "0009")));
  OrderDetail d = this->read("NORTHWIND", "PO-4");
  EXPECT_EQ(d.order.status, OrderStatus::kCancelled);
  EXPECT_EQ(d.order.order.purpose, OrderPurpose::kCancel);
  EXPECT_EQ(d.order.order.lines.size(), 2u);
  EXPECT_EQ(d.order.order.source.transaction, "0009");
  ORDEX_ASSERT_OK(s.cancel_order("NORTHWIND", "NO-SUCH-PO", SourceRef{}));  // no-op
  EXPECT_FALSE(s.order("NORTHWIND", "NO-SUCH-PO").value().has_value());
  // Cancel then replace in one transaction: the replace comes last and wins.
  ORDEX_ASSERT_OK(s.begin());
  ORDEX_ASSERT_OK(s.cancel_order("NORTHWIND", "PO-4", SourceRef{}));
  Order replace = order("NORTHWIND", "PO-4", 1);
  replace.purpose = OrderPurpose::kReplace;
  ORDEX_ASSERT_OK(s.put_order(replace));
  ORDEX_ASSERT_OK(s.commit());
  d = this->read("NORTHWIND", "PO-4");
  EXPECT_EQ(d.order.status, OrderStatus::kOpen);
  EXPECT_EQ(d.order.order.lines.size(), 1u);
  // An 850 with purpose cancel stores the order as cancelled.
  Order cancel = order("CONTOSO", "PO-5", 1);
  cancel.purpose = OrderPurpose::kCancel;
  ORDEX_ASSERT_OK(s.put_order(cancel));
  EXPECT_EQ(this->read("CONTOSO", "PO-5").order.status, OrderStatus::kCancelled);
}

TYPED_TEST(StoreOrdersTest, AcknowledgmentsAndInvoicesHangOffTheOrder) {
  Store& s = this->store();
  ORDEX_ASSERT_OK(s.begin());
  ORDEX_ASSERT_OK(s.put_order(order("NORTHWIND", "PO-6", 2)));
  OrderAcknowledgment ack;
  ack.partner_id = "NORTHWIND";
  ack.po_number = "PO-6";
  ack.ack_type = "AC";
  ack.ack_date = "2024-03-02";
  ack.purpose = "00";
  AckLine accepted;
  accepted.line_number = "1";
  accepted.status = "IA";
  accepted.quantity = Decimal{100000};
  accepted.uom = "EA";
  accepted.sku = "SKU-1";
  AckLine backordered = accepted;
  backordered.line_number = "2";
  backordered.status = "IB";
  backordered.scheduled_ship = "2024-03-20";
  ack.lines = {accepted, backordered};
  ack.source = source(this->file_id_, this->interchange_id_, "0002");
  ORDEX_ASSERT_OK(s.add_order_ack(ack));
  ORDEX_ASSERT_OK(s.add_order_ack(ack));  // the same document again: ignored
  Invoice inv;
  inv.partner_id = "NORTHWIND";
  inv.invoice_number = "INV-9";
  inv.po_number = "PO-6";
  inv.invoice_date = "2024-03-09";
  inv.total = Decimal{12345600};
  InvoiceLine il;
  il.line_number = "1";
  il.quantity = Decimal{100000};
  il.unit_price = Decimal{125001};
  il.sku = "SKU-1";
  il.buyer_part = "BP-1";
  inv.lines = {il, il};
  ORDEX_ASSERT_OK(s.put_invoice(inv));
  ORDEX_ASSERT_OK(s.commit());
  inv.lines = {il};  // a corrected invoice replaces the lines
  ORDEX_ASSERT_OK(s.put_invoice(inv));

  const OrderDetail d = this->read("NORTHWIND", "PO-6");
  ASSERT_EQ(d.acks.size(), 1u);
  EXPECT_EQ(d.acks[0].ack_type, "AC");
  EXPECT_EQ(d.acks[0].purpose, "00");
  ASSERT_EQ(d.acks[0].lines.size(), 2u);
  EXPECT_EQ(d.acks[0].lines[1].status, "IB");
  EXPECT_EQ(d.acks[0].lines[1].scheduled_ship, "2024-03-20");
  EXPECT_EQ(d.acks[0].lines[0].quantity, Decimal{100000});
  EXPECT_EQ(d.acks[0].source.transaction, "0002");
  ASSERT_EQ(d.invoices.size(), 1u);
  EXPECT_EQ(d.invoices[0].total, Decimal{12345600});
  ASSERT_EQ(d.invoices[0].lines.size(), 1u);
  EXPECT_EQ(d.invoices[0].lines[0].unit_price, Decimal{125001});
  EXPECT_EQ(d.invoices[0].lines[0].buyer_part, "BP-1");
  OrderAcknowledgment no_source = ack;
  no_source.source = SourceRef{};
  EXPECT_FALSE(s.add_order_ack(no_source).ok());
}

TYPED_TEST(StoreOrdersTest, DocumentsOfAnOrderAreListedInReceivedOrder) {
  Store& s = this->store();
  ORDEX_ASSERT_OK(s.put_order(order("NORTHWIND", "PO-7")));
  for (const char* t : {"0003", "0001"}) {
    DocumentRecord doc;
    doc.source =
        source(this->file_id_, this->interchange_id_, t, t[3] == '3' ? 1700000300 : 1700000100);
    doc.partner_id = "NORTHWIND";
    doc.po_number = "PO-7";
    ORDEX_ASSERT_OK(s.add_document(doc));
  }
  const OrderDetail d = this->read("NORTHWIND", "PO-7");
  ASSERT_EQ(d.documents.size(), 2u);
  EXPECT_EQ(d.documents[0].source.transaction, "0001");
  EXPECT_EQ(d.documents[1].source.transaction, "0003");
}

TYPED_TEST(StoreOrdersTest, ListShowsQuantitiesDeliveryAndFilters) {
  Store& s = this->store();
  ORDEX_ASSERT_OK(s.begin());
  ORDEX_ASSERT_OK(s.put_order(order("NORTHWIND", "PO-A", 2)));  // 10 + 20 ordered
  Order b = order("NORTHWIND", "PO-B", 1);
  b.due = "2024-04-30";
  ORDEX_ASSERT_OK(s.put_order(b));
  Order c = order("CONTOSO", "PO-A", 1);
  c.purpose = OrderPurpose::kCancel;
  ORDEX_ASSERT_OK(s.put_order(c));
  ORDEX_ASSERT_OK(s.put_shipment(shipment("NORTHWIND", "SH-1", "PO-A", 12)));
  ORDEX_ASSERT_OK(s.put_shipment(shipment("NORTHWIND", "SH-2", "PO-A", 18)));
  ORDEX_ASSERT_OK(s.put_shipment(shipment("CONTOSO", "SH-3", "PO-A", 5)));
  ORDEX_ASSERT_OK(s.add_shipment_event(event("ODFL", "PO-A", "D1", 1710000500)));
  ORDEX_ASSERT_OK(s.add_shipment_event(event("ODFL", "PO-A", "D1", 1710000400)));
  ShipmentEvent by_bol = event("ODFL", "", "D1", 1710000999);
  by_bol.bill_of_lading = "BOL-SH-9";
  ORDEX_ASSERT_OK(s.add_shipment_event(by_bol));
  ORDEX_ASSERT_OK(s.commit());

  Result<std::vector<OrderSummary>> all = s.list_orders();
  ORDEX_ASSERT_OK(all);
  ASSERT_EQ(all.value().size(), 3u);
  const OrderSummary& contoso = all.value()[0];
  EXPECT_EQ(contoso.partner_id, "CONTOSO");
  EXPECT_EQ(contoso.status, OrderStatus::kCancelled);
  EXPECT_EQ(contoso.shipped_qty, Decimal{50000});
  const OrderSummary& a = all.value()[1];
  EXPECT_EQ(a.po_number, "PO-A");
  EXPECT_EQ(a.ordered_qty, Decimal{300000});
  EXPECT_EQ(a.shipped_qty, Decimal{300000});
  ASSERT_TRUE(a.delivered_at.has_value());
  EXPECT_EQ(*a.delivered_at, 1710000400);
  const OrderSummary& pb = all.value()[2];
  EXPECT_EQ(pb.shipped_qty, Decimal{0});
  EXPECT_FALSE(pb.delivered_at.has_value());

  OrderQuery open_northwind;
  open_northwind.partner_id = "NORTHWIND";
  open_northwind.status = OrderStatus::kOpen;
  EXPECT_EQ(s.list_orders(open_northwind).value().size(), 2u);
  OrderQuery page;  // a page in the list's order
  page.limit = 1;
  page.offset = 1;
  Result<std::vector<OrderSummary>> second = s.list_orders(page);
  ORDEX_ASSERT_OK(second);
  ASSERT_EQ(second.value().size(), 1u);
  EXPECT_EQ(second.value()[0].po_number, "PO-A");
  EXPECT_EQ(second.value()[0].partner_id, "NORTHWIND");
  page.offset = 3;
  EXPECT_TRUE(s.list_orders(page).value().empty());
  OrderQuery due_soon;
  due_soon.status = OrderStatus::kOpen;
  due_soon.due_before = "2024-04-01";
  Result<std::vector<OrderSummary>> soon = s.list_orders(due_soon);
  ORDEX_ASSERT_OK(soon);
  ASSERT_EQ(soon.value().size(), 1u);
  EXPECT_EQ(soon.value()[0].po_number, "PO-A");
  Result<std::vector<std::string>> who = s.partners_with_po("PO-A");
  ORDEX_ASSERT_OK(who);
  EXPECT_EQ(who.value(), (std::vector<std::string>{"CONTOSO", "NORTHWIND"}));
}

TYPED_TEST(StoreOrdersTest, ThousandsOfOrdersInOneTransactionFlushAsBuffersFill) {
  Store& s = this->store();
  constexpr int kOrders = 3000;  // 9000 lines: more than one buffer's worth
  ORDEX_ASSERT_OK(s.begin());
  for (int i = 0; i < kOrders; ++i) {
    ORDEX_ASSERT_OK(s.put_order(order("NORTHWIND", "PO-" + std::to_string(i), 3)));
  }
  ORDEX_ASSERT_OK(s.commit());
  Result<std::vector<OrderSummary>> all = s.list_orders();
  ORDEX_ASSERT_OK(all);
  ASSERT_EQ(all.value().size(), static_cast<std::size_t>(kOrders));
  for (const OrderSummary& o : all.value()) EXPECT_EQ(o.ordered_qty, Decimal{600000});
}

}  // namespace
}  // namespace ordex::orders::testing
