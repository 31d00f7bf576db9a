// WorkQueue on SQLite and PostgreSQL: filters, order, paging, claims, the status changes, SLA
// pauses and the audit trail.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <vector>

#include "work_queue_test_base.h"

namespace ordex::exceptions::testing {
namespace {

template <typename E>
class WorkQueueOpsTest : public WorkQueueTest<E> {};
TYPED_TEST_SUITE(WorkQueueOpsTest, orders::testing::StoreEngines,
                 orders::testing::StoreEngineNames);

std::vector<std::int64_t> ids(const QueueResult<std::vector<ExceptionRecord>>& list) {
  EXPECT_TRUE(list.ok()) << (list.ok() ? "" : list.error());
  std::vector<std::int64_t> out;
  if (list.ok())
    for (const auto& r : list.value()) out.push_back(r.id);
  return out;
}

TYPED_TEST(WorkQueueOpsTest, ListsActiveByResolveDueThenSeverityThenId) {
  const auto low = this->seed("a", Severity::kLow, kMonday8am);
  const auto critical = this->seed("b", Severity::kCritical, kMonday8am);
  const auto medium = this->seed("c", Severity::kMedium, kMonday8am);
  const auto critical2 = this->seed("d", Severity::kCritical, kMonday8am);
  EXPECT_EQ(ids(this->queue().list({})),
            (std::vector<std::int64_t>{critical, critical2, medium, low}));

  ExceptionFilter page;
  page.limit = 2;
  page.offset = 1;
  EXPECT_EQ(ids(this->queue().list(page)), (std::vector<std::int64_t>{critical2, medium}));

  ASSERT_TRUE(this->queue().resolve(critical, "fixed").ok());
  EXPECT_EQ(ids(this->queue().list({})), (std::vector<std::int64_t>{critical2, medium, low}));
  ExceptionFilter all;
  all.status = StatusFilter::kAll;
  EXPECT_EQ(ids(this->queue().list(all)).size(), 4u);
  ExceptionFilter resolved;
  resolved.status = StatusFilter::kResolved;
  EXPECT_EQ(ids(this->queue().list(resolved)), (std::vector<std::int64_t>{critical}));
}

TYPED_TEST(WorkQueueOpsTest, FiltersByQueueTypeSeverityPartnerAndAssignee) {
  const auto a = this->seed("a", Severity::kHigh, kMonday8am, "logistics");
  const auto b =
      this->seed("b", Severity::kHigh, kMonday8am, "order-desk", ExceptionType::kDeliveryLate);
  const auto c = this->seed("c", Severity::kLow, kMonday8am, "logistics");
  ASSERT_TRUE(this->queue().assign(c, "bob").ok());

  ExceptionFilter f;
  f.queue = "logistics";
  EXPECT_EQ(ids(this->queue().list(f)), (std::vector<std::int64_t>{a, c}));
  f = {};
  f.type = ExceptionType::kDeliveryLate;
  EXPECT_EQ(ids(this->queue().list(f)), (std::vector<std::int64_t>{b}));
  f = {};
  f.severity = Severity::kLow;
  EXPECT_EQ(ids(this->queue().list(f)), (std::vector<std::int64_t>{c}));
  f = {};
  f.assignee = "bob";
  EXPECT_EQ(ids(this->queue().list(f)), (std::vector<std::int64_t>{c}));
  f.assignee = kUnassigned;
  EXPECT_EQ(ids(this->queue().list(f)), (std::vector<std::int64_t>{a, b}));
  f = {};
  f.partner = "NOBODY";
  EXPECT_TRUE(ids(this->queue().list(f)).empty());
}

// Mine: assigned to the user, or claimed by them until the claim expires.
TYPED_TEST(WorkQueueOpsTest, MineIsWhatIsAssignedToMeOrUnderMyLiveClaim) {
  const auto assigned = this->seed("assigned", Severity::kHigh, kMonday8am);
  const auto claimed = this->seed("claimed", Severity::kLow, kMonday8am);
  const auto others = this->seed("others", Severity::kHigh, kMonday8am);
  ASSERT_TRUE(this->queue().assign(assigned, "alice").ok());
  ASSERT_TRUE(this->queue().claim(claimed).ok());  // the queue acts as alice
  ASSERT_TRUE(this->queue().assign(others, "bob").ok());
  ExceptionFilter f;
  f.mine = "alice";
  EXPECT_EQ(ids(this->queue().list(f)), (std::vector<std::int64_t>{assigned, claimed}));
  f.mine = "bob";
  EXPECT_EQ(ids(this->queue().list(f)), (std::vector<std::int64_t>{others}));
  f.status = StatusFilter::kOpen;
  EXPECT_EQ(ids(this->queue().list(f)), (std::vector<std::int64_t>{others}));
  ASSERT_TRUE(this->queue().resolve(others, "done").ok());
  EXPECT_TRUE(ids(this->queue().list(f)).empty());
  f.status = StatusFilter::kAll;  // resolved ones too (read without the active indexes)
  EXPECT_EQ(ids(this->queue().list(f)), (std::vector<std::int64_t>{others}));
  f = {};
  this->now_ = kMonday8am + 1800;  // alice's claim has run out
  f.mine = "alice";
  EXPECT_EQ(ids(this->queue().list(f)), (std::vector<std::int64_t>{assigned}));
}

// The SQL of --breached / --at-risk says the same as is_breached / is_at_risk at every instant.
TYPED_TEST(WorkQueueOpsTest, BreachedAndAtRiskAgreeWithTheStoredFields) {
  for (Severity s : {Severity::kCritical, Severity::kHigh, Severity::kMedium, Severity::kLow}) {
    this->seed(std::string(to_string(s)), s, kMonday8am);
  }
  const auto responded = this->seed("responded", Severity::kCritical, kMonday8am);
  this->now_ = kMonday8am + 600;
  ASSERT_TRUE(this->queue().note(responded, "looking").ok());
  std::set<std::size_t> breached_counts;
  for (Instant t = kMonday8am; t < kMonday8am + 8 * 86400; t += 3 * 3600) {
    this->now_ = t;
    auto all = this->queue().list({});
    ASSERT_TRUE(all.ok());
    std::vector<std::int64_t> breached, at_risk;
    for (const auto& r : all.value()) {
      if (is_breached(r, t)) breached.push_back(r.id);
      if (is_at_risk(r, t)) at_risk.push_back(r.id);
    }
    ExceptionFilter f;
    f.breached = true;
    EXPECT_EQ(ids(this->queue().list(f)), breached) << orders::format_utc(t);
    f = {};
    f.at_risk = true;
    EXPECT_EQ(ids(this->queue().list(f)), at_risk) << orders::format_utc(t);
    breached_counts.insert(breached.size());
  }
  EXPECT_GE(breached_counts.size(), 3u);  // the sweep crossed several due instants
}

TYPED_TEST(WorkQueueOpsTest, ClaimIsALockWithAnExpiry) {
  const auto id = this->seed("a", Severity::kHigh, kMonday8am);
  auto claimed = this->queue().claim(id);
  ASSERT_TRUE(claimed.ok()) << claimed.error();
  EXPECT_EQ(claimed.value().claimed_by, "alice");
  EXPECT_EQ(claimed.value().claim_expires, kMonday8am + 1800);
  EXPECT_EQ(claimed.value().responded_at, kMonday8am);

  auto bob = this->make_queue("bob");
  auto refused = bob->claim(id);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.code(), QueueErrc::kConflict);
  EXPECT_NE(refused.error().find("claimed by alice"), std::string::npos) << refused.error();
  EXPECT_EQ(bob->release(id).code(), QueueErrc::kConflict);
  auto none = bob->next({});
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none.value().has_value());

  this->now_ = kMonday8am + 1800;  // expired
  auto taken = bob->claim(id);
  ASSERT_TRUE(taken.ok()) << taken.error();
  EXPECT_EQ(taken.value().claimed_by, "bob");
  ASSERT_TRUE(bob->release(id).ok());
  EXPECT_EQ(this->fetch(id).claimed_by, "");
  EXPECT_EQ(this->queue().claim(999999).code(), QueueErrc::kNotFound);
}

TYPED_TEST(WorkQueueOpsTest, NextClaimsTheMostUrgentUnclaimedOpenOne) {
  const auto low = this->seed("a", Severity::kLow, kMonday8am);
  const auto critical = this->seed("b", Severity::kCritical, kMonday8am);
  const auto other_queue = this->seed("c", Severity::kCritical, kMonday8am, "logistics");
  ExceptionFilter desk;
  desk.queue = "order-desk";
  auto first = this->queue().next(desk);
  ASSERT_TRUE(first.ok() && first.value()) << (first.ok() ? "none" : first.error());
  EXPECT_EQ(first.value()->id, critical);
  EXPECT_EQ(this->fetch(critical).claimed_by, "alice");
  auto bob = this->make_queue("bob");
  auto second = bob->next(desk);
  ASSERT_TRUE(second.ok() && second.value());
  EXPECT_EQ(second.value()->id, low);
  auto none = bob->next(desk);
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none.value());
  (void)other_queue;
  auto trail = this->exceptions().audit_trail(critical);
  ASSERT_TRUE(trail.ok());
  ASSERT_EQ(trail.value().size(), 1u);
  EXPECT_EQ(trail.value()[0].action, "claimed");
  EXPECT_EQ(trail.value()[0].actor, "alice");
  EXPECT_NE(trail.value()[0].after.find("\"claimed_by\":\"alice\""), std::string::npos)
      << trail.value()[0].after;
}

// Critical: resolve target 8 business hours from Monday 08:00 (Chicago, UTC-6) = Monday 16:00.
// A wait of two business hours moves it past the 17:00 close to Tuesday 09:00 (15:00Z).
TYPED_TEST(WorkQueueOpsTest, WaitPausesTheSlaByTheBusinessTimeWaited) {
  const auto id = this->seed("a", Severity::kCritical, kMonday8am);
  EXPECT_EQ(this->fetch(id).resolve_due, at("2026-11-23T22:00:00Z"));
  this->now_ = at("2026-11-23T15:00:00Z");
  auto waiting = this->queue().wait(id, at("2026-11-25T15:00:00Z"), "carrier");
  ASSERT_TRUE(waiting.ok()) << waiting.error();
  EXPECT_EQ(waiting.value().status, ExceptionStatus::kWaiting);
  EXPECT_EQ(waiting.value().waiting_on, "carrier");
  this->now_ = at("2026-11-23T17:00:00Z");
  auto resumed = this->queue().resume(id);
  ASSERT_TRUE(resumed.ok()) << resumed.error();
  EXPECT_EQ(resumed.value().status, ExceptionStatus::kOpen);
  EXPECT_EQ(resumed.value().resolve_due, at("2026-11-24T15:00:00Z"));
  EXPECT_EQ(this->fetch(id).resolve_due, at("2026-11-24T15:00:00Z"));
  auto waits = this->exceptions().waits(id);
  ASSERT_TRUE(waits.ok());
  ASSERT_EQ(waits.value().size(), 1u);
  EXPECT_EQ(waits.value()[0].ended_at, at("2026-11-23T17:00:00Z"));
  EXPECT_EQ(this->queue().resume(id).code(), QueueErrc::kInvalid);
  EXPECT_EQ(this->queue().wait(id, this->now_ - 1, "customer").code(), QueueErrc::kInvalid);
}

TYPED_TEST(WorkQueueOpsTest, DueWaitsResumeAtTheirUntil) {
  const auto id = this->seed("a", Severity::kCritical, kMonday8am);
  const auto later = this->seed("b", Severity::kCritical, kMonday8am);
  this->now_ = at("2026-11-23T15:00:00Z");
  ASSERT_TRUE(this->queue().wait(id, at("2026-11-23T17:00:00Z"), "customer").ok());
  ASSERT_TRUE(this->queue().wait(later, at("2026-11-30T16:00:00Z"), "customer").ok());
  this->now_ = at("2026-11-23T18:00:00Z");
  auto swept = this->queue().resume_due_waits();
  ASSERT_TRUE(swept.ok()) << swept.error();
  EXPECT_EQ(swept.value().changed, (std::vector<std::int64_t>{id}));
  EXPECT_EQ(this->fetch(id).status, ExceptionStatus::kOpen);
  EXPECT_EQ(this->fetch(id).resolve_due, at("2026-11-24T15:00:00Z"));
  EXPECT_EQ(this->fetch(later).status, ExceptionStatus::kWaiting);
}

TYPED_TEST(WorkQueueOpsTest, ResolveReopenAndMergeAreAudited) {
  const auto id = this->seed("a", Severity::kHigh, kMonday8am);
  const auto into = this->seed("b", Severity::kHigh, kMonday8am);
  this->now_ = kMonday8am + 60;
  auto resolved = this->queue().resolve(id, "carrier confirmed");
  ASSERT_TRUE(resolved.ok()) << resolved.error();
  EXPECT_EQ(resolved.value().resolved_by, "alice");
  EXPECT_EQ(resolved.value().resolve_outcome, "met");
  EXPECT_EQ(this->queue().resolve(id, "again").code(), QueueErrc::kInvalid);
  this->now_ = kMonday8am + 120;
  auto reopened = this->queue().reopen(id, "came back");
  ASSERT_TRUE(reopened.ok()) << reopened.error();
  EXPECT_EQ(reopened.value().status, ExceptionStatus::kOpen);
  EXPECT_EQ(reopened.value().opened_at, kMonday8am + 120);
  EXPECT_EQ(reopened.value().reopen_count, 1);
  EXPECT_FALSE(reopened.value().responded_at);
  EXPECT_EQ(reopened.value().resolve_outcome, "");
  auto merged = this->queue().merge(id, into);
  ASSERT_TRUE(merged.ok()) << merged.error();
  EXPECT_EQ(merged.value().status, ExceptionStatus::kMerged);
  EXPECT_EQ(merged.value().merged_into, into);
  EXPECT_EQ(this->queue().merge(into, id).code(), QueueErrc::kInvalid);
  EXPECT_EQ(this->queue().merge(into, into).code(), QueueErrc::kInvalid);

  auto trail = this->exceptions().audit_trail(id);
  ASSERT_TRUE(trail.ok());
  std::vector<std::string> actions;
  for (const auto& e : trail.value()) actions.push_back(e.action);
  EXPECT_EQ(actions, (std::vector<std::string>{"resolved", "reopened", "merged"}));
  EXPECT_NE(trail.value()[0].before.find("\"status\":\"open\""), std::string::npos);
  EXPECT_NE(trail.value()[0].after.find("\"status\":\"resolved\""), std::string::npos);
  EXPECT_EQ(trail.value()[0].note, "carrier confirmed");
  auto target = this->exceptions().audit_trail(into);
  ASSERT_TRUE(target.ok());
  ASSERT_EQ(target.value().size(), 1u);
  EXPECT_NE(target.value()[0].note.find(std::to_string(id)), std::string::npos);
}

TYPED_TEST(WorkQueueOpsTest, NoteAndAssignAreTheFirstResponse) {
  const auto id = this->seed("a", Severity::kCritical, kMonday8am);
  this->now_ = kMonday8am + 300;
  auto noted = this->queue().note(id, "called the carrier");
  ASSERT_TRUE(noted.ok()) << noted.error();
  EXPECT_EQ(noted.value().responded_at, kMonday8am + 300);
  EXPECT_EQ(noted.value().response_outcome, "met");
  this->now_ = kMonday8am + 600;
  auto assigned = this->queue().assign(id, "bob");
  ASSERT_TRUE(assigned.ok());
  EXPECT_EQ(assigned.value().responded_at, kMonday8am + 300);  // the first one counts
  auto trail = this->exceptions().audit_trail(id);
  ASSERT_TRUE(trail.ok());
  ASSERT_EQ(trail.value().size(), 2u);
  EXPECT_EQ(trail.value()[0].note, "called the carrier");
  EXPECT_EQ(trail.value()[1].before.find("\"assignee\":\"\"") != std::string::npos, true)
      << trail.value()[1].before;
  EXPECT_NE(trail.value()[1].after.find("\"assignee\":\"bob\""), std::string::npos);
}

TYPED_TEST(WorkQueueOpsTest, BulkAppliesToEveryMatchEachAudited) {
  const auto a = this->seed("a", Severity::kHigh, kMonday8am);
  const auto b = this->seed("b", Severity::kLow, kMonday8am);
  const auto other =
      this->seed("c", Severity::kLow, kMonday8am, "order-desk", ExceptionType::kDeliveryLate);
  ExceptionFilter f;
  f.type = ExceptionType::kAsnLate;
  auto done = this->queue().bulk(
      f, [](WorkQueue& q, std::int64_t id) { return q.resolve(id, "partner fixed feed"); });
  ASSERT_TRUE(done.ok()) << done.error();
  EXPECT_EQ(done.value().changed, (std::vector<std::int64_t>{a, b}));
  EXPECT_TRUE(done.value().failed.empty());
  EXPECT_EQ(this->fetch(a).status, ExceptionStatus::kResolved);
  EXPECT_EQ(this->fetch(b).status, ExceptionStatus::kResolved);
  EXPECT_EQ(this->fetch(other).status, ExceptionStatus::kOpen);
  for (auto id : {a, b}) {
    auto trail = this->exceptions().audit_trail(id);
    ASSERT_TRUE(trail.ok());
    ASSERT_EQ(trail.value().size(), 1u);
    EXPECT_EQ(trail.value()[0].action, "resolved");
  }
}

}  // namespace
}  // namespace ordex::exceptions::testing
