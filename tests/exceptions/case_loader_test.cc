// The case loader on each engine: every part of every case a file touches, read a page at a
// time, equals what load_order_case() and ExceptionStore::of_order() read one key at a time.
#include "exceptions/case_loader.h"

#include <gtest/gtest.h>

#include "../orders/test_records.h"
#include "case_loader_describe.h"
#include "exceptions/rule_runner.h"
#include "work_queue_test_base.h"

namespace ordex::exceptions::testing {
namespace {

namespace rec = orders::testing;

template <typename E>
class CaseLoaderTest : public WorkQueueTest<E> {
 protected:
  // ACME's PO-1 (two lines: one by sku, one only by upc; acknowledged, shipped with PO-2 on one
  // notice, invoiced, a carrier event by PO and one by bill of lading), PO-2 (a ship-to nobody
  // knows) and PO-404 (a ship notice, no order), all from one file.
  std::int64_t import_world() {
    orders::Store& s = this->store();
    EXPECT_TRUE(s.upsert_partner(rec::customer("ACME")).ok());
    EXPECT_TRUE(s.upsert_partner(rec::carrier("RUSH")).ok());
    for (auto [sku, price] :
         {std::pair{"SKU-1", 125001}, std::pair{"ALT-9", 99000}, std::pair{"ZED-1", 1}}) {
      orders::Item item;
      item.partner_id = "ACME";
      item.sku = sku;
      item.upc = "012345678905";  // both order lines' upc: ALT-9 is the lowest sku with it
      item.unit_price = orders::Decimal{price};
      EXPECT_TRUE(s.upsert_item(item).ok());
    }
    orders::Location dc;
    dc.partner_id = "ACME";
    dc.location_code = "ST0042";
    dc.name = "Dallas DC";
    EXPECT_TRUE(s.upsert_location(dc).ok());
    auto file = s.record_file(rec::file("f1"));
    EXPECT_TRUE(file.ok());
    const std::int64_t f = file.value().id;
    auto ic = s.record_interchange(rec::interchange(f, "000000001", "h1"));
    EXPECT_TRUE(ic.ok());
    const std::int64_t i = ic.value();
    EXPECT_TRUE(s.begin().ok());
    orders::Order po1 = rec::order("ACME", "PO-1");
    po1.source = rec::source(f, i, "0001");
    EXPECT_TRUE(s.put_order(po1).ok());
    orders::Order po2 = rec::order("ACME", "PO-2", 1);
    po2.ship_to = "ST9999";
    po2.source = rec::source(f, i, "0002");
    EXPECT_TRUE(s.put_order(po2).ok());
    orders::OrderAcknowledgment ack;
    ack.partner_id = "ACME";
    ack.po_number = "PO-1";
    ack.ack_type = "AC";
    ack.source = rec::source(f, i, "0003");
    orders::AckLine al;
    al.line_number = "1";
    al.status = "IB";
    al.quantity = orders::Decimal{50000};
    ack.lines = {al, al};
    ack.lines[1].line_number = "2";
    EXPECT_TRUE(s.add_order_ack(ack).ok());
    orders::Shipment sn = rec::shipment("ACME", "SN-1", "PO-1", 10);
    sn.po_numbers.push_back("PO-2");
    sn.items.push_back(sn.items.front());
    sn.items.back().po_number = "PO-2";
    sn.source = rec::source(f, i, "0004", 1700000500);
    EXPECT_TRUE(s.put_shipment(sn).ok());
    orders::Shipment orphan = rec::shipment("ACME", "SN-9", "PO-404", 3);
    orphan.source = rec::source(f, i, "0005");
    EXPECT_TRUE(s.put_shipment(orphan).ok());
    orders::Invoice inv;
    inv.partner_id = "ACME";
    inv.invoice_number = "INV-1";
    inv.po_number = "PO-1";
    inv.total = orders::Decimal{1000000};
    orders::InvoiceLine il;
    il.line_number = "1";
    il.quantity = orders::Decimal{100000};
    inv.lines = {il};
    inv.source = rec::source(f, i, "0006");
    EXPECT_TRUE(s.put_invoice(inv).ok());
    orders::ShipmentEvent by_po = rec::event("RUSH", "PO-1", "AG", 1709800000);
    by_po.estimate = 1709900000;
    by_po.source = rec::source(f, 0, "");
    orders::ShipmentEvent by_bol = rec::event("RUSH", "", "D1", 1709850000);
    by_bol.bill_of_lading = "BOL-SN-1";
    by_bol.source = rec::source(f, 0, "");
    EXPECT_TRUE(s.add_shipment_event(by_po).ok());
    EXPECT_TRUE(s.add_shipment_event(by_bol).ok());
    orders::DocumentRecord doc;
    doc.source = po1.source;
    doc.partner_id = "ACME";
    doc.po_number = "PO-1";
    EXPECT_TRUE(s.add_document(doc).ok());
    EXPECT_TRUE(s.commit().ok());
    this->seed("1", Severity::kLow, kMonday8am);  // on ACME PO-1
    return f;
  }

  // Loads every staged key of `file`, `per_page` at a time, and compares each with one-by-one.
  void expect_same_cases(std::int64_t file, std::int64_t per_page) {
    auto loader = CaseLoader::prepare(this->store().database());
    ASSERT_TRUE(loader.ok()) << loader.error();
    auto staged = loader.value()->stage(file);
    ASSERT_TRUE(staged.ok()) << staged.error();
    auto keys = this->store().order_keys_in_file(file);
    ASSERT_TRUE(keys.ok());
    ASSERT_EQ(staged.value(), 3);
    ASSERT_EQ(keys.value().size(), 3u);  // PO-1, PO-2, PO-404
    std::vector<LoadedCase> cases;
    for (std::int64_t from = 0; from < staged.value(); from += per_page) {
      Status s = loader.value()->load(file, from, from + per_page, cases);
      ASSERT_TRUE(s.ok()) << s.error();
    }
    ASSERT_EQ(cases.size(), keys.value().size());
    for (std::size_t k = 0; k < cases.size(); ++k) {
      const auto& [partner, po] = keys.value()[k];
      auto want = load_order_case(this->store(), partner, po);
      ASSERT_TRUE(want.ok()) << want.error();
      EXPECT_EQ(describe(cases[k].c), describe(want.value()));
      auto existing = this->exceptions().of_order(partner, po);
      ASSERT_TRUE(existing.ok());
      EXPECT_EQ(describe(cases[k].existing), describe(existing.value()));
    }
    // What the scenario is there to exercise, so that the comparison is not of empty cases.
    const OrderCase& po1 = cases[0].c;
    ASSERT_TRUE(po1.order.has_value());
    EXPECT_EQ(po1.items.size(), 2u);
    EXPECT_EQ(po1.items[1].sku, "ALT-9");
    EXPECT_TRUE(po1.ship_to.has_value());
    EXPECT_EQ(po1.acks.at(0).lines.size(), 2u);
    EXPECT_EQ(po1.shipments.at(0).po_numbers.size(), 2u);
    EXPECT_EQ(po1.shipments.at(0).items.size(), 2u);
    EXPECT_EQ(po1.events.size(), 2u);
    EXPECT_EQ(po1.invoices.at(0).lines.size(), 1u);
    EXPECT_EQ(po1.documents.size(), 1u);
    EXPECT_EQ(cases[0].existing.size(), 1u);
    EXPECT_FALSE(cases[1].c.ship_to.has_value());
    EXPECT_EQ(cases[1].c.events.size(), 1u);  // the delivery, by the shared bill of lading
    EXPECT_FALSE(cases[2].c.order.has_value());
    EXPECT_EQ(cases[2].c.shipments.size(), 1u);
    ASSERT_TRUE(loader.value()->unstage(file).ok());
    auto after = loader.value()->stage(file + 1000);  // no such file: nothing staged
    ASSERT_TRUE(after.ok());
    EXPECT_EQ(after.value(), 0);
  }
};

TYPED_TEST_SUITE(CaseLoaderTest, orders::testing::StoreEngines, orders::testing::StoreEngineNames);

TYPED_TEST(CaseLoaderTest, OnePageEqualsOneByOne) {
  this->expect_same_cases(this->import_world(), 100);
}

TYPED_TEST(CaseLoaderTest, PagesOfOneEqualOneByOne) {
  this->expect_same_cases(this->import_world(), 1);
}

}  // namespace
}  // namespace ordex::exceptions::testing
