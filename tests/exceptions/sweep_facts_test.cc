// The sweep's delivery facts (sweep_facts.h) against the import path's: for hand-built orders
// in the store, every field must equal delivery_facts(load_order_case(...)), and a sweep
// followed by check_order at the same instant must change nothing. On SQLite and PostgreSQL.
#include "exceptions/sweep_facts.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "../orders/test_records.h"
#include "exceptions/condition.h"
#include "exceptions/rule_runner.h"
#include "tests/exceptions/work_queue_test_base.h"

namespace ordex::exceptions {
namespace {

using namespace testing;
namespace ot = orders::testing;

template <typename E>
class SweepFactsTest : public WorkQueueTest<E> {
 protected:
  void SetUp() override {
    WorkQueueTest<E>::SetUp();
    if (this->IsSkipped() || this->HasFatalFailure()) return;
    build_orders();
  }

  orders::SourceRef received(const char* iso) {
    orders::SourceRef s;
    s.interchange = "000000001";
    s.group = "1";
    s.transaction = "0001";
    s.set_id = "856";
    s.received_at = at(iso);
    return s;
  }

  orders::Order order(const std::string& partner, const std::string& po, const char* ship_by,
                      const char* due) {
    orders::Order o = ot::order(partner, po, 1);
    o.order_date = "2026-11-10";
    o.ship_by = ship_by;
    o.due = due;
    o.source = received("2026-11-10T15:00:00Z");
    return o;
  }

  orders::Shipment notice(const std::string& id, std::vector<std::string> pos, const char* shipped,
                          const char* received_at, const char* estimated,
                          const std::string& partner = "ACME") {
    orders::Shipment s = ot::shipment(partner, id, pos.front(), 1);
    s.po_numbers = std::move(pos);
    s.items.clear();
    s.shipped_at = at(shipped);
    s.estimated_delivery = estimated;
    s.source = received(received_at);
    return s;
  }

  orders::ShipmentEvent event(const std::string& po, const std::string& bol,
                              const std::string& shipment, const std::string& status,
                              const char* when, std::optional<Instant> estimate = {}) {
    orders::ShipmentEvent e = ot::event("GLKC", po, status, at(when));
    e.bill_of_lading = bol;
    e.shipment_id = shipment;
    e.estimate = estimate;
    e.source = received(when);
    return e;
  }

  // ACME (Chicago): PO-A on two ship notices, SN-9 received before SN-10 (MIN(shipment_id)
  // would say SN-10), with estimates told by bill of lading and by shipment id; PO-D shares
  // SN-10; PO-B delivered by an event naming only its bill of lading; PO-C nothing at all.
  // BARE (no time zone): PO-E overdue.
  void build_orders() {
    orders::Store& s = this->store();
    ORDEX_ASSERT_OK(s.begin());
    ORDEX_ASSERT_OK(s.upsert_partner(ot::customer("ACME")));
    orders::TradingPartner bare = ot::customer("BARE");
    bare.timezone = "";
    ORDEX_ASSERT_OK(s.upsert_partner(bare));
    ORDEX_ASSERT_OK(s.upsert_partner(ot::carrier("GLKC")));
    ORDEX_ASSERT_OK(s.put_order(order("ACME", "PO-A", "2026-11-18", "2026-11-24")));
    ORDEX_ASSERT_OK(s.put_order(order("ACME", "PO-B", "2026-11-16", "2026-11-19")));
    ORDEX_ASSERT_OK(s.put_order(order("ACME", "PO-C", "2026-11-19", "2026-11-26")));
    ORDEX_ASSERT_OK(s.put_order(order("ACME", "PO-D", "2026-11-18", "2026-11-24")));
    ORDEX_ASSERT_OK(s.put_order(order("BARE", "PO-E", "2026-11-16", "2026-11-19")));
    ORDEX_ASSERT_OK(s.put_shipment(notice("SN-10", {"PO-A", "PO-D"}, "2026-11-19T14:00:00Z",
                                          "2026-11-19T18:00:00Z", "2026-11-25")));
    ORDEX_ASSERT_OK(s.put_shipment(
        notice("SN-9", {"PO-A"}, "2026-11-18T14:00:00Z", "2026-11-18T16:00:00Z", "2026-11-23")));
    ORDEX_ASSERT_OK(s.put_shipment(
        notice("SN-B", {"PO-B"}, "2026-11-16T14:00:00Z", "2026-11-16T16:00:00Z", "")));
    ORDEX_ASSERT_OK(s.put_shipment(
        notice("SN-E", {"PO-E"}, "2026-11-16T14:00:00Z", "2026-11-16T16:00:00Z", "", "BARE")));
    ORDEX_ASSERT_OK(s.add_shipment_event(
        event("", "BOL-SN-10", "", "AG", "2026-11-20T12:00:00Z", at("2026-11-25T20:00:00Z"))));
    ORDEX_ASSERT_OK(s.add_shipment_event(
        event("", "", "SN-9", "X2", "2026-11-21T12:00:00Z", at("2026-11-24T20:00:00Z"))));
    ORDEX_ASSERT_OK(s.add_shipment_event(event("PO-A", "", "", "X1", "2026-11-22T09:00:00Z")));
    ORDEX_ASSERT_OK(s.add_shipment_event(event("", "BOL-SN-B", "", "D1", "2026-11-18T17:00:00Z")));
    ORDEX_ASSERT_OK(s.add_shipment_event(event("PO-B", "", "", "X1", "2026-11-17T09:00:00Z")));
    ORDEX_ASSERT_OK(
        s.add_shipment_event(event("PO-E", "BOL-SN-E", "", "X1", "2026-11-17T09:00:00Z")));
    ORDEX_ASSERT_OK(s.commit());
  }

  // An exception of `type` on (partner, po) with the key the rule would give it, inserted as is.
  std::int64_t seed_on(const std::string& partner, const std::string& po, ExceptionType type,
                       ExceptionStatus status = ExceptionStatus::kOpen) {
    Condition c;
    c.type = type;
    c.partner_id = partner;
    c.po_number = po;
    ExceptionRecord r;
    r.dedupe_key = c.dedupe_key();
    r.type = type;
    r.status = status;
    r.partner_id = partner;
    r.po_number = po;
    r.first_opened_at = r.opened_at = r.detected_at = r.updated_at = at("2026-11-20T12:00:00Z");
    if (status == ExceptionStatus::kResolved) r.resolved_at = r.updated_at;
    auto id = this->exceptions().insert(r);
    EXPECT_TRUE(id.ok()) << id.error();
    return id.ok() ? id.value() : 0;
  }

  // Reads every page with pages of `page` orders, calling `each(reader, facts)` for each.
  template <typename F>
  void read_pages(std::int64_t page, F each) {
    auto reader = SweepFactsReader::open(this->store().database(), page);
    ASSERT_TRUE(reader.ok()) << reader.error();
    std::vector<DeliveryFacts> facts;
    for (;;) {
      auto more = reader.value().next(facts);
      ASSERT_TRUE(more.ok()) << more.error();
      if (!more.value()) return;
      each(reader.value(), facts);
    }
  }

  // "PARTNER PO" -> the ids of active(i) of the order, page after page.
  std::map<std::string, std::vector<std::int64_t>> swept_active(std::int64_t page) {
    std::map<std::string, std::vector<std::int64_t>> out;
    read_pages(page, [&](const SweepFactsReader& r, const std::vector<DeliveryFacts>& facts) {
      for (std::size_t i = 0; i < facts.size(); ++i) {
        for (const ExceptionRecord& e : r.active(i)) {
          EXPECT_EQ(e.partner_id, facts[i].partner_id);
          EXPECT_EQ(e.po_number, facts[i].po_number);
          out[facts[i].partner_id + " " + facts[i].po_number].push_back(e.id);
        }
      }
    });
    return out;
  }

  std::map<std::string, DeliveryFacts> swept_facts(std::int64_t page) {
    std::map<std::string, DeliveryFacts> out;
    read_pages(page, [&](const SweepFactsReader&, std::vector<DeliveryFacts>& facts) {
      for (DeliveryFacts& f : facts) out[f.po_number] = std::move(f);
    });
    return out;
  }
};

TYPED_TEST_SUITE(SweepFactsTest, orders::testing::StoreEngines, orders::testing::StoreEngineNames);

void expect_same(const DeliveryFacts& a, const DeliveryFacts& b) {
  EXPECT_EQ(a.partner_id, b.partner_id);
  EXPECT_EQ(a.partner_name, b.partner_name);
  EXPECT_EQ(a.zone, b.zone);
  EXPECT_EQ(a.status, b.status);
  EXPECT_EQ(a.order_date, b.order_date);
  EXPECT_EQ(a.ship_by, b.ship_by);
  EXPECT_EQ(a.due, b.due);
  EXPECT_EQ(a.received_at, b.received_at);
  EXPECT_EQ(a.file_id, b.file_id);
  EXPECT_EQ(a.first_ship_notice_at, b.first_ship_notice_at);
  EXPECT_EQ(a.first_shipment_id, b.first_shipment_id);
  EXPECT_EQ(a.shipped_at, b.shipped_at);
  EXPECT_EQ(a.estimated_delivery, b.estimated_delivery);
  EXPECT_EQ(a.delivered_at, b.delivered_at);
  EXPECT_EQ(a.latest_estimate, b.latest_estimate);
  EXPECT_EQ(a.last_event_at, b.last_event_at);
}

TYPED_TEST(SweepFactsTest, EqualTheFactsOfTheLoadedCase) {
  // A page of 2 splits the orders over three pages, and SN-10's orders over two.
  for (std::int64_t page : {std::int64_t{2}, SweepFactsReader::kDefaultPage}) {
    const auto swept = this->swept_facts(page);
    ASSERT_EQ(swept.size(), 5u);
    for (const auto& [po, f] : swept) {
      SCOPED_TRACE(po + " page " + std::to_string(page));
      auto c = load_order_case(this->store(), f.partner_id, po);
      ASSERT_TRUE(c.ok()) << c.error();
      expect_same(f, delivery_facts(c.value()));
    }
  }
  // The hand-built cases do cover what used to differ.
  const auto swept = this->swept_facts(SweepFactsReader::kDefaultPage);
  EXPECT_EQ(swept.at("PO-A").partner_name, "ACME Stores");
  EXPECT_EQ(swept.at("PO-A").first_shipment_id, "SN-9");
  EXPECT_EQ(swept.at("PO-A").latest_estimate, at("2026-11-24T20:00:00Z"));
  EXPECT_EQ(swept.at("PO-A").estimated_delivery, "2026-11-25");
  EXPECT_EQ(swept.at("PO-D").latest_estimate, at("2026-11-25T20:00:00Z"));
  EXPECT_EQ(swept.at("PO-B").delivered_at, at("2026-11-18T17:00:00Z"));
  EXPECT_FALSE(swept.at("PO-C").last_event_at);
  EXPECT_EQ(swept.at("PO-E").zone, orders::TimeZone::utc());
}

TYPED_TEST(SweepFactsTest, BringTheActiveClockExceptionsOfEachPagesOrders) {
  using T = ExceptionType;
  // By order id: PO-A, PO-B | PO-C, PO-D | PO-E with pages of 2.
  const std::int64_t a_late = this->seed_on("ACME", "PO-A", T::kDeliveryLate);
  const std::int64_t d_at_risk = this->seed_on("ACME", "PO-D", T::kDeliveryAtRisk);
  const std::int64_t e_overdue = this->seed_on("BARE", "PO-E", T::kDeliveryOverdue);
  // Inserted after PO-E's overdue, handed over before it: by type first, as the ledger resolves
  // an order's exceptions (and writes their audit entries) in the order given.
  const std::int64_t e_missing =
      this->seed_on("BARE", "PO-E", T::kAsnMissing, ExceptionStatus::kWaiting);
  // None of these: resolved, not a clock rule's, no such order, another partner's PO-A.
  this->seed_on("ACME", "PO-D", T::kDeliveryLate, ExceptionStatus::kResolved);
  this->seed_on("ACME", "PO-C", T::kAsnQtyMismatch);
  this->seed_on("ACME", "PO-Z", T::kDeliveryOverdue);
  this->seed_on("BARE", "PO-A", T::kDeliveryOverdue);

  const std::map<std::string, std::vector<std::int64_t>> want = {
      {"ACME PO-A", {a_late}}, {"ACME PO-D", {d_at_risk}}, {"BARE PO-E", {e_missing, e_overdue}}};
  for (std::int64_t page : {std::int64_t{1}, std::int64_t{2}, SweepFactsReader::kDefaultPage}) {
    SCOPED_TRACE("page " + std::to_string(page));
    EXPECT_EQ(this->swept_active(page), want);
  }
}

TYPED_TEST(SweepFactsTest, TheSweepResolvesWhatClearedOnEveryPage) {
  // PO-B was delivered on time and PO-A's carrier expects it by its due day: their open
  // clock-rule exceptions no longer hold, wherever their orders fall among the pages.
  const std::int64_t a_at_risk = this->seed_on("ACME", "PO-A", ExceptionType::kDeliveryAtRisk);
  const std::int64_t b_overdue = this->seed_on("ACME", "PO-B", ExceptionType::kDeliveryOverdue);
  RuleRunner sweep(this->exceptions(), this->config_, at("2026-11-23T14:00:00Z"));
  ORDEX_ASSERT_OK(sweep.sweep());
  EXPECT_EQ(sweep.tally().resolved, 2);
  EXPECT_EQ(this->fetch(a_at_risk).status, ExceptionStatus::kResolved);
  EXPECT_EQ(this->fetch(b_overdue).status, ExceptionStatus::kResolved);
}

TYPED_TEST(SweepFactsTest, TheImportPathAgreesWithWhatTheSweepOpened) {
  const Instant now = at("2026-11-23T14:00:00Z");
  RuleRunner sweep(this->exceptions(), this->config_, now);
  ORDEX_ASSERT_OK(sweep.sweep());
  EXPECT_EQ(sweep.sweep_counts().orders, 5);
  // PO-C has no ship notice a day after its ship-by; PO-E is overdue; PO-D's carrier expects
  // it after its due day. PO-A's latest estimate (told by shipment id) meets its due day.
  Condition key;
  key.type = ExceptionType::kDeliveryOverdue;
  key.partner_id = "BARE";
  key.po_number = "PO-E";
  auto overdue = this->exceptions().by_key(key.dedupe_key());
  ORDEX_ASSERT_OK(overdue);
  ASSERT_TRUE(overdue.value());
  EXPECT_EQ(overdue.value()->summary.rfind("BARE Stores PO PO-E", 0), 0u)
      << overdue.value()->summary;
  EXPECT_EQ(overdue.value()->shipment_id, "SN-E");
  EXPECT_EQ(sweep.tally().opened, 3);

  RuleRunner import(this->exceptions(), this->config_, now);
  for (const char* po : {"PO-A", "PO-B", "PO-C", "PO-D"})
    ORDEX_ASSERT_OK(import.check_order("ACME", po));
  ORDEX_ASSERT_OK(import.check_order("BARE", "PO-E"));
  EXPECT_EQ(import.tally().updated, 0) << "the import path told the sweep's exceptions apart";
  EXPECT_EQ(import.tally().resolved, 0);
  EXPECT_EQ(import.tally().reopened, 0);
}

}  // namespace
}  // namespace ordex::exceptions
