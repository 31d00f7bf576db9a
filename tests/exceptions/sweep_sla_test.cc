// What the sweep does for the SLA clocks (rule_sweep_sla.cc): waits whose `until` passed
// resume, escalation levels reached are recorded once each; and the queue's --breached /
// --at-risk SQL agrees with is_breached / is_at_risk for waiting exceptions too. On SQLite and
// PostgreSQL. Seeds are critical: response 1 h, resolve 8 h, at risk and "lead" at 0.8,
// "manager" at 1.0, on Mon-Fri 08:00-17:00 Chicago, opened Monday 08:00.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "exceptions/rule_runner.h"
#include "tests/exceptions/work_queue_test_base.h"

namespace ordex::exceptions {
namespace {

using namespace testing;

template <typename E>
class SweepSlaTest : public WorkQueueTest<E> {
 protected:
  SweepCounts sweep_at(Instant now) {
    RuleRunner runner(this->exceptions(), this->config_, now);
    Status s = runner.sweep();
    EXPECT_TRUE(s.ok()) << s.error();
    return runner.sweep_counts();
  }

  std::vector<AuditEntry> audit(std::int64_t id, const std::string& action) {
    auto trail = this->exceptions().audit_trail(id);
    EXPECT_TRUE(trail.ok());
    std::vector<AuditEntry> out;
    for (const AuditEntry& e : trail.value()) {
      if (e.action == action) out.push_back(e);
    }
    return out;
  }
};

TYPED_TEST_SUITE(SweepSlaTest, orders::testing::StoreEngines, orders::testing::StoreEngineNames);

TYPED_TEST(SweepSlaTest, ResumesWaitsWhoseUntilPassed) {
  const auto due = this->seed("due", Severity::kCritical, kMonday8am);
  const auto later = this->seed("later", Severity::kCritical, kMonday8am);
  this->now_ = at("2026-11-23T15:00:00Z");
  ASSERT_TRUE(this->queue().wait(due, at("2026-11-23T17:00:00Z"), "customer").ok());
  ASSERT_TRUE(this->queue().wait(later, at("2026-11-30T16:00:00Z"), "carrier").ok());

  EXPECT_EQ(this->sweep_at(at("2026-11-23T18:00:00Z")).waits_resumed, 1);
  EXPECT_EQ(this->fetch(due).status, ExceptionStatus::kOpen);
  // Ended at its until: two business hours waited, so the due moved two hours.
  EXPECT_EQ(this->fetch(due).resolve_due, at("2026-11-24T15:00:00Z"));
  const auto resumed = this->audit(due, "resumed");
  ASSERT_EQ(resumed.size(), 1u);
  EXPECT_EQ(resumed[0].actor, kSystemActor);
  EXPECT_EQ(this->fetch(later).status, ExceptionStatus::kWaiting);
  EXPECT_EQ(this->sweep_at(at("2026-11-23T18:00:00Z")).waits_resumed, 0);
}

TYPED_TEST(SweepSlaTest, RecordsEachEscalationLevelOnce) {
  const auto id = this->seed("a", Severity::kCritical, kMonday8am);
  const auto calm = this->seed("calm", Severity::kLow, kMonday8am);
  EXPECT_EQ(this->sweep_at(kMonday8am + 40 * 60).escalated, 0);  // 40 of 60 minutes
  EXPECT_EQ(this->fetch(id).escalation, "");

  EXPECT_EQ(this->sweep_at(kMonday8am + 50 * 60).escalated, 1);
  EXPECT_EQ(this->fetch(id).escalation, "lead");
  EXPECT_EQ(this->sweep_at(kMonday8am + 55 * 60).escalated, 0) << "already recorded";

  EXPECT_EQ(this->sweep_at(kMonday8am + 2 * 3600).escalated, 1);
  const ExceptionRecord e = this->fetch(id);
  EXPECT_EQ(e.escalation, "manager");
  EXPECT_EQ(e.updated_at, kMonday8am + 2 * 3600);
  EXPECT_EQ(this->sweep_at(kMonday8am + 3 * 3600).escalated, 0) << "the last level";

  const auto escalated = this->audit(id, "escalated");
  ASSERT_EQ(escalated.size(), 2u);
  EXPECT_EQ(escalated[0].note, "escalated to lead");
  EXPECT_EQ(escalated[1].note, "escalated to manager");
  EXPECT_EQ(escalated[1].actor, kSystemActor);
  EXPECT_NE(escalated[1].after.find("manager"), std::string::npos) << escalated[1].after;
  EXPECT_TRUE(this->audit(calm, "escalated").empty());
  EXPECT_EQ(this->fetch(calm).escalation, "");
}

TYPED_TEST(SweepSlaTest, APausedClockDoesNotEscalate) {
  const auto id = this->seed("a", Severity::kCritical, kMonday8am);
  this->now_ = kMonday8am + 10 * 60;
  ASSERT_TRUE(this->queue().wait(id, at("2026-11-30T14:00:00Z"), "customer").ok());
  EXPECT_EQ(this->sweep_at(at("2026-11-25T14:00:00Z")).escalated, 0);
  EXPECT_EQ(this->fetch(id).escalation, "");
}

// The SQL of --breached / --at-risk says the same as is_breached / is_at_risk with waiting
// exceptions among them, and a wait begun before the due keeps its exception out of breach.
TYPED_TEST(SweepSlaTest, BreachedAndAtRiskAgreeWhileWaiting) {
  const auto open = this->seed("open", Severity::kCritical, kMonday8am);
  const auto early = this->seed("early", Severity::kCritical, kMonday8am);  // before at risk
  const auto risky = this->seed("risky", Severity::kCritical, kMonday8am);  // at risk, not due
  const auto late = this->seed("late", Severity::kCritical, kMonday8am);    // after the due
  const auto waits_until = at("2026-11-27T14:00:00Z");
  // Answered in time, so only the resolution clock decides.
  this->now_ = kMonday8am + 600;
  for (auto id : {early, risky, late}) ASSERT_TRUE(this->queue().note(id, "looking").ok());
  this->now_ = at("2026-11-23T15:00:00Z");
  ASSERT_TRUE(this->queue().wait(early, waits_until, "customer").ok());
  this->now_ = at("2026-11-23T21:00:00Z");
  ASSERT_TRUE(this->queue().wait(risky, waits_until, "carrier").ok());
  this->now_ = at("2026-11-24T15:00:00Z");
  ASSERT_TRUE(this->queue().wait(late, waits_until, "customer").ok());

  std::set<std::int64_t> ever_breached;
  for (Instant t = at("2026-11-24T15:00:00Z"); t < waits_until; t += 3 * 3600) {
    this->now_ = t;
    auto all = this->queue().list({});
    ASSERT_TRUE(all.ok());
    ASSERT_EQ(all.value().size(), 4u);
    std::vector<std::int64_t> breached, at_risk;
    for (const auto& r : all.value()) {
      if (is_breached(r, t)) breached.push_back(r.id);
      if (is_at_risk(r, t)) at_risk.push_back(r.id);
    }
    ExceptionFilter f;
    f.breached = true;
    auto listed = this->queue().list(f);
    ASSERT_TRUE(listed.ok());
    std::vector<std::int64_t> sql_breached;
    for (const auto& r : listed.value()) sql_breached.push_back(r.id);
    EXPECT_EQ(sql_breached, breached) << orders::format_utc(t);
    f = {};
    f.at_risk = true;
    listed = this->queue().list(f);
    ASSERT_TRUE(listed.ok());
    std::vector<std::int64_t> sql_at_risk;
    for (const auto& r : listed.value()) sql_at_risk.push_back(r.id);
    EXPECT_EQ(sql_at_risk, at_risk) << orders::format_utc(t);
    EXPECT_EQ(breached, (std::vector<std::int64_t>{open, late}));
    EXPECT_EQ(at_risk, (std::vector<std::int64_t>{risky}));
    ever_breached.insert(breached.begin(), breached.end());
  }
  EXPECT_EQ(ever_breached.count(early), 0u);
}

}  // namespace
}  // namespace ordex::exceptions
