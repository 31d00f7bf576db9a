// The ledger on each engine: conditions in, exceptions out (open once, update only on
// change, resolve with the rule's reason, reopen when the condition returns, respect a
// person's resolution), every change audited.
#include "exceptions/ledger.h"

#include <gtest/gtest.h>

#include "exceptions/routing.h"
#include "work_queue_test_base.h"

namespace ordex::exceptions::testing {
namespace {

template <typename E>
class LedgerTest : public WorkQueueTest<E> {
 protected:
  static Condition late(const std::string& evidence = R"({"shipment":"SN-1","hours":"30"})") {
    Condition c;
    c.type = ExceptionType::kAsnLate;
    c.partner_id = "ACME";
    c.po_number = "PO-1";
    c.subject = "shipment SN-1";
    c.shipment_id = "SN-1";
    c.file_id = 0;
    c.summary = "ACME PO PO-1: ship notice SN-1 arrived 30 h after shipping";
    c.evidence = evidence;
    return c;
  }

  // Evaluates ASN_LATE (and only it) over order ACME/PO-1 at `when`, finding `found`.
  LedgerTally apply(Instant when, std::vector<Condition> found,
                    const std::string& reason = "ship notice SN-1 no longer late") {
    Evaluation ev;
    ev.evaluate(ExceptionType::kAsnLate, reason);
    for (Condition& c : found) ev.add(std::move(c));
    auto existing = this->exceptions().of_order("ACME", "PO-1");
    EXPECT_TRUE(existing.ok());
    Ledger ledger(this->exceptions(), this->config_, when);
    Status s = this->store().begin();
    EXPECT_TRUE(s.ok());
    s = ledger.apply(ev, existing.value());
    EXPECT_TRUE(s.ok()) << s.error();
    EXPECT_TRUE(this->store().commit().ok());
    return ledger.tally();
  }

  ExceptionRecord only() {
    auto all = this->exceptions().of_order("ACME", "PO-1");
    EXPECT_TRUE(all.ok());
    EXPECT_EQ(all.value().size(), 1u);
    return all.value().empty() ? ExceptionRecord{} : all.value().front();
  }

  std::vector<AuditEntry> trail(std::int64_t id) {
    auto t = this->exceptions().audit_trail(id);
    EXPECT_TRUE(t.ok());
    return t.value();
  }
};

TYPED_TEST_SUITE(LedgerTest, orders::testing::StoreEngines, orders::testing::StoreEngineNames);

TYPED_TEST(LedgerTest, OpensOnceWithQueueSeveritySlaAndAnAuditEntry) {
  const LedgerTally t = this->apply(kMonday8am, {this->late()});
  EXPECT_EQ(t.opened, 1);
  const ExceptionRecord e = this->only();
  EXPECT_EQ(e.dedupe_key, "ASN_LATE|ACME|PO-1|shipment SN-1");
  EXPECT_EQ(e.status, ExceptionStatus::kOpen);
  EXPECT_EQ(e.severity, Severity::kLow);  // the catalog's for ASN_LATE
  EXPECT_EQ(e.queue, "logistics");
  EXPECT_EQ(e.opened_at, kMonday8am);
  EXPECT_EQ(e.sla_policy, "default-low");
  // Low: resolve within 5 business days of 9 h on Mon-Fri 08-17 Chicago, opened Monday 08:00:
  // 45 working hours end at Friday's close, 17:00 CST (no holidays configured).
  ASSERT_TRUE(e.resolve_due.has_value());
  EXPECT_EQ(*e.resolve_due, at("2026-11-27T23:00:00Z"));
  const auto audit = this->trail(e.id);
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0].action, "opened");
  EXPECT_EQ(audit[0].actor, "system");
  EXPECT_NE(audit[0].after.find("\"queue\":\"logistics\""), std::string::npos) << audit[0].after;
}

TYPED_TEST(LedgerTest, SeenAgainUnchangedWritesNothingChangedEvidenceUpdates) {
  this->apply(kMonday8am, {this->late()});
  const LedgerTally same = this->apply(kMonday8am + 3600, {this->late()});
  EXPECT_EQ(same.opened + same.updated + same.resolved + same.reopened, 0);
  EXPECT_EQ(this->only().updated_at, kMonday8am);

  const LedgerTally changed =
      this->apply(kMonday8am + 7200, {this->late(R"({"shipment":"SN-1","hours":"31"})")});
  EXPECT_EQ(changed.updated, 1);
  const ExceptionRecord e = this->only();
  EXPECT_EQ(e.evidence, R"({"shipment":"SN-1","hours":"31"})");
  EXPECT_EQ(e.updated_at, kMonday8am + 7200);
  EXPECT_EQ(e.opened_at, kMonday8am) << "an update is not a new episode";
  const auto audit = this->trail(e.id);
  ASSERT_EQ(audit.size(), 2u);
  EXPECT_EQ(audit[1].action, "updated");
  EXPECT_NE(audit[1].before.find("\\\"30\\\""), std::string::npos) << audit[1].before;
  EXPECT_NE(audit[1].after.find("\\\"31\\\""), std::string::npos) << audit[1].after;
}

TYPED_TEST(LedgerTest, ClearedIsResolvedBySystemWithTheReasonAndReturningReopens) {
  this->apply(kMonday8am, {this->late()});
  const LedgerTally cleared = this->apply(kMonday8am + 600, {}, "corrected ship notice SN-1");
  EXPECT_EQ(cleared.resolved, 1);
  ExceptionRecord e = this->only();
  EXPECT_EQ(e.status, ExceptionStatus::kResolved);
  EXPECT_EQ(e.resolved_by, "system");
  EXPECT_EQ(e.resolution, "corrected ship notice SN-1");
  EXPECT_EQ(e.resolved_at, kMonday8am + 600);
  EXPECT_EQ(e.resolve_outcome, "met");

  const LedgerTally back = this->apply(kMonday8am + 7200, {this->late()});
  EXPECT_EQ(back.reopened, 1);
  EXPECT_EQ(back.opened, 0) << "the same row reopens: one exception per condition";
  e = this->only();
  EXPECT_EQ(e.status, ExceptionStatus::kOpen);
  EXPECT_EQ(e.reopen_count, 1);
  EXPECT_EQ(e.first_opened_at, kMonday8am);
  EXPECT_EQ(e.opened_at, kMonday8am + 7200) << "a reopen starts a new SLA episode";
  EXPECT_FALSE(e.resolved_at.has_value());
  EXPECT_EQ(e.resolve_outcome, "");
  const auto audit = this->trail(e.id);
  ASSERT_EQ(audit.size(), 3u);
  EXPECT_EQ(audit[1].action, "resolved");
  EXPECT_EQ(audit[2].action, "reopened");
}

TYPED_TEST(LedgerTest, APersonsResolutionHoldsUntilTheEvidenceChanges) {
  this->apply(kMonday8am, {this->late()});
  ExceptionRecord e = this->only();
  e.status = ExceptionStatus::kResolved;
  e.resolved_at = kMonday8am + 60;
  e.resolved_by = "alice";
  e.resolution = "agreed with the customer";
  e.resolved_evidence = e.evidence;
  ASSERT_TRUE(this->exceptions().update(e).ok());

  const LedgerTally same = this->apply(kMonday8am + 3600, {this->late()});
  EXPECT_EQ(same.reopened, 0);
  EXPECT_EQ(this->only().status, ExceptionStatus::kResolved);

  const LedgerTally changed =
      this->apply(kMonday8am + 7200, {this->late(R"({"shipment":"SN-1","hours":"50"})")});
  EXPECT_EQ(changed.reopened, 1);
  EXPECT_EQ(this->only().status, ExceptionStatus::kOpen);
}

TYPED_TEST(LedgerTest, OnlyEvaluatedTypesAreResolved) {
  Condition dup = this->late();
  dup.type = ExceptionType::kPoDuplicate;
  dup.subject = "";
  {
    Evaluation ev;
    ev.evaluate(ExceptionType::kPoDuplicate, "no second original");
    ev.add(dup);
    Ledger ledger(this->exceptions(), this->config_, kMonday8am);
    ASSERT_TRUE(ledger.apply(ev, {}).ok());
  }
  // ASN_LATE evaluated, nothing found: the PO_DUPLICATE of the same order is not its business.
  this->apply(kMonday8am + 60, {});
  auto all = this->exceptions().of_order("ACME", "PO-1");
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all.value().size(), 1u);
  EXPECT_EQ(all.value()[0].type, ExceptionType::kPoDuplicate);
  EXPECT_EQ(all.value()[0].status, ExceptionStatus::kOpen);
}

TYPED_TEST(LedgerTest, ResolvingAWaitingExceptionEndsItsWait) {
  this->apply(kMonday8am, {this->late()});
  const ExceptionRecord opened = this->only();
  ASSERT_TRUE(this->queue().wait(opened.id, kMonday8am + 86400, "carrier").ok());
  this->now_ = kMonday8am + 3600;
  this->apply(kMonday8am + 7200, {});
  const ExceptionRecord e = this->only();
  EXPECT_EQ(e.status, ExceptionStatus::kResolved);
  EXPECT_FALSE(e.wait_until.has_value());
  auto waits = this->exceptions().waits(e.id);
  ASSERT_TRUE(waits.ok());
  ASSERT_EQ(waits.value().size(), 1u);
  EXPECT_EQ(waits.value()[0].ended_at, kMonday8am + 7200);
}

TYPED_TEST(LedgerTest, RoutingAndAKeyPartnerDecideQueueOwnerAndSeverity) {
  this->config_.rules.set_key_partner("ACME");
  RoutingRule rule;
  rule.types = {ExceptionType::kAsnLate};
  rule.partners = {"ACME"};
  rule.queue = "key-accounts";
  rule.owner = "maria";
  this->config_.routing.add(rule);
  this->apply(kMonday8am, {this->late()});
  const ExceptionRecord e = this->only();
  EXPECT_EQ(e.severity, Severity::kMedium);  // low, one step up for a key partner
  EXPECT_EQ(e.queue, "key-accounts");
  EXPECT_EQ(e.assignee, "maria");
}

}  // namespace
}  // namespace ordex::exceptions::testing
