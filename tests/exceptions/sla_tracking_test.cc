// track_sla and is_breached / is_at_risk for a waiting exception: its clocks are stopped and
// its dues move with the wait, so it is breached (or at risk) only by what happened before the
// wait began. The default SLA (critical: response 1 h, resolve 8 h, at risk at 0.8) on the
// default calendar (Mon-Fri 08:00-17:00 America/Chicago).
#include "exceptions/sla_tracking.h"

#include <gtest/gtest.h>

#include "exceptions/exceptions_config.h"
#include "orders/time_zone.h"

namespace ordex::exceptions {
namespace {

Instant at(const char* iso) { return orders::parse_iso8601_instant(iso).value(); }

class SlaTrackingTest : public ::testing::Test {
 protected:
  // Opened Monday 08:00 Chicago, answered at 08:10: resolve due 16:00 (22:00Z), at risk from
  // 14:24 (20:24Z).
  ExceptionRecord opened() const {
    ExceptionRecord r;
    r.id = 1;
    r.type = ExceptionType::kAsnLate;
    r.severity = Severity::kCritical;
    r.queue = "order-desk";
    r.partner_id = "ACME";
    r.first_opened_at = r.opened_at = at("2026-11-23T14:00:00Z");
    r.responded_at = at("2026-11-23T14:10:00Z");
    return r;
  }

  // The record as WorkQueue::wait leaves it at `start`.
  std::pair<ExceptionRecord, std::vector<WaitPeriod>> waiting_from(const char* start) const {
    ExceptionRecord r = opened();
    r.status = ExceptionStatus::kWaiting;
    r.wait_until = at("2026-11-27T14:00:00Z");
    r.waiting_on = "customer";
    std::vector<WaitPeriod> waits{{1, at(start), std::nullopt, "customer"}};
    track_sla(r, waits, config_.sla, at(start));
    return {r, waits};
  }

  // Every hour from `from` to the end of the wait, and once recomputed mid-wait (a sweep or a
  // refresh), the record says `breached` and `at_risk`.
  void expect_through_the_wait(ExceptionRecord r, const std::vector<WaitPeriod>& waits,
                               const char* from, bool breached, bool at_risk) {
    for (int pass = 0; pass < 2; ++pass) {
      for (Instant t = at(from); t < *r.wait_until; t += 3600) {
        EXPECT_EQ(is_breached(r, t), breached) << orders::format_utc(t) << " pass " << pass;
        EXPECT_EQ(is_at_risk(r, t), at_risk) << orders::format_utc(t) << " pass " << pass;
      }
      track_sla(r, waits, config_.sla, at("2026-11-25T18:00:00Z"));
    }
  }

  ExceptionsConfig config_ = ExceptionsConfig::defaults();
};

TEST_F(SlaTrackingTest, OpenRecordIsAtRiskThenBreachedByItsDues) {
  ExceptionRecord r = opened();
  track_sla(r, {}, config_.sla, *r.responded_at);  // the response clock has ended
  EXPECT_EQ(r.resolve_due, at("2026-11-23T22:00:00Z"));
  EXPECT_EQ(r.at_risk_at, at("2026-11-23T20:24:00Z"));
  EXPECT_FALSE(is_at_risk(r, at("2026-11-23T20:23:59Z")));
  EXPECT_TRUE(is_at_risk(r, at("2026-11-23T20:24:00Z")));
  EXPECT_FALSE(is_breached(r, at("2026-11-23T22:00:00Z")));
  EXPECT_TRUE(is_breached(r, at("2026-11-23T22:00:01Z")));
  EXPECT_FALSE(is_at_risk(r, at("2026-11-23T22:00:01Z")));
}

TEST_F(SlaTrackingTest, WaitingBeforeAtRiskIsNeitherWhileItWaits) {
  auto [r, waits] = waiting_from("2026-11-23T15:00:00Z");
  EXPECT_EQ(r.resolve_outcome, "");
  EXPECT_FALSE(r.at_risk_at) << "it moves with the wait";
  expect_through_the_wait(r, waits, "2026-11-23T15:00:00Z", false, false);
}

TEST_F(SlaTrackingTest, WaitingAfterAtRiskStaysAtRiskNeverBreached) {
  auto [r, waits] = waiting_from("2026-11-23T21:00:00Z");
  EXPECT_EQ(r.at_risk_at, at("2026-11-23T20:24:00Z"));
  expect_through_the_wait(r, waits, "2026-11-23T21:00:00Z", false, true);
}

TEST_F(SlaTrackingTest, WaitingAfterTheDueStaysBreached) {
  auto [r, waits] = waiting_from("2026-11-24T15:00:00Z");
  EXPECT_EQ(r.resolve_outcome, "breached");
  EXPECT_EQ(r.response_outcome, "met");
  expect_through_the_wait(r, waits, "2026-11-24T15:00:00Z", true, false);
}

TEST_F(SlaTrackingTest, ResumingMovesTheDueByTheBusinessTimeWaited) {
  auto [r, waits] = waiting_from("2026-11-23T15:00:00Z");
  // Resumed Tuesday 09:00 Chicago: one business hour was used, seven remain.
  r.status = ExceptionStatus::kOpen;
  r.wait_until.reset();
  waits[0].ended_at = at("2026-11-24T15:00:00Z");
  track_sla(r, waits, config_.sla, at("2026-11-24T15:00:00Z"));
  EXPECT_EQ(r.resolve_outcome, "");
  EXPECT_EQ(r.resolve_due, at("2026-11-24T22:00:00Z"));
  EXPECT_FALSE(is_breached(r, at("2026-11-24T22:00:00Z")));
  EXPECT_TRUE(is_breached(r, at("2026-11-24T22:00:01Z")));
}

}  // namespace
}  // namespace ordex::exceptions
