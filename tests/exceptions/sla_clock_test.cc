#include "exceptions/sla_clock.h"

#include <gtest/gtest.h>

#include <string>

namespace ordex::exceptions {
namespace {

namespace greg = boost::gregorian;

constexpr std::int64_t kHour = 3600;

Instant at(const std::string& iso) { return orders::parse_iso8601_instant(iso).value(); }

class SlaClockTest : public ::testing::Test {
 protected:
  SlaClockTest() {
    calendar_ =
        BusinessCalendar::make("chicago", orders::TimeZone::named("America/Chicago").value(),
                               office_week(), {greg::date(2026, 11, 26)})
            .value();
    policy_.name = "critical";
    policy_.response = BusinessDuration::hours(1);
    policy_.resolve = BusinessDuration::hours(8);
  }

  SlaState state(const SlaTimeline& timeline, const std::string& now) const {
    return compute_sla_state(policy_, calendar_, timeline, at(now));
  }

  BusinessCalendar calendar_;
  SlaPolicy policy_;  // at risk at 0.8, lead at 0.8, manager at 1.0
};

TEST_F(SlaClockTest, RunsInBusinessTimeFromOpening) {
  const SlaTimeline t{at("2026-03-02T09:00-06:00"), {}, {}, {}};
  const SlaState s = state(t, "2026-03-02T09:30-06:00");
  EXPECT_EQ(s.response.due, at("2026-03-02T10:00-06:00"));
  EXPECT_EQ(s.resolution.due, at("2026-03-02T17:00-06:00"));
  EXPECT_EQ(s.response.target_seconds, kHour);
  EXPECT_EQ(s.response.elapsed_seconds, 1800);
  EXPECT_DOUBLE_EQ(s.response.fraction, 0.5);
  EXPECT_DOUBLE_EQ(s.resolution.fraction, 1800.0 / (8 * kHour));
  EXPECT_FALSE(s.at_risk());
  EXPECT_FALSE(s.breached());
  EXPECT_EQ(s.response.outcome, SlaOutcome::kRunning);
  EXPECT_FALSE(s.escalation_level);
  EXPECT_EQ(s.escalation, "");
}

TEST_F(SlaClockTest, AtRiskFromTheThresholdBreachedAfterDue) {
  const SlaTimeline t{at("2026-03-02T09:00-06:00"), {}, {}, {}};
  const SlaState before = state(t, "2026-03-02T09:47:59-06:00");
  EXPECT_FALSE(before.response.at_risk);
  EXPECT_FALSE(before.escalation_level);

  const SlaState risk = state(t, "2026-03-02T09:48-06:00");  // 48 of 60 minutes
  EXPECT_TRUE(risk.response.at_risk);
  EXPECT_FALSE(risk.resolution.at_risk);
  EXPECT_EQ(risk.escalation_level, 0u);
  EXPECT_EQ(risk.escalation, "lead");

  const SlaState due = state(t, "2026-03-02T10:00-06:00");
  EXPECT_DOUBLE_EQ(due.response.fraction, 1.0);
  EXPECT_FALSE(due.response.breached) << "due is the last instant that meets the target";
  EXPECT_EQ(due.escalation, "manager");

  const SlaState late = state(t, "2026-03-02T10:00:01-06:00");
  EXPECT_TRUE(late.response.breached);
  EXPECT_FALSE(late.response.at_risk);
  EXPECT_EQ(late.response.outcome, SlaOutcome::kRunning);
}

TEST_F(SlaClockTest, BreachedOverTheWeekendEvenThoughNoBusinessTimePasses) {
  const SlaTimeline t{at("2026-03-06T09:00-06:00"), {}, {}, {}};
  const SlaState s = state(t, "2026-03-07T10:00-06:00");
  EXPECT_EQ(s.resolution.due, at("2026-03-06T17:00-06:00"));
  EXPECT_DOUBLE_EQ(s.resolution.fraction, 1.0);
  EXPECT_TRUE(s.resolution.breached);
}

TEST_F(SlaClockTest, DueCrossesTheWeekendIntoDaylightTime) {
  // Friday 16:30 CST: 30 minutes on Friday, the rest from Monday 08:00 CDT.
  const SlaTimeline t{at("2026-03-06T16:30-06:00"), {}, {}, {}};
  const SlaState s = state(t, "2026-03-07T12:00-06:00");
  EXPECT_EQ(s.response.due, at("2026-03-09T08:30-05:00"));
  EXPECT_EQ(s.resolution.due, at("2026-03-09T15:30-05:00"));
  EXPECT_EQ(s.response.elapsed_seconds, 1800);
}

TEST_F(SlaClockTest, DueCrossesTheWeekendBackToStandardTime) {
  const SlaTimeline t{at("2026-10-30T16:30-05:00"), {}, {}, {}};
  const SlaState s = state(t, "2026-11-02T08:00-06:00");
  EXPECT_EQ(s.resolution.due, at("2026-11-02T15:30-06:00"));
  EXPECT_EQ(s.resolution.due, at("2026-11-02T21:30Z"));
  EXPECT_EQ(s.response.due, at("2026-11-02T08:30-06:00"));
}

TEST_F(SlaClockTest, BusinessDaysSkipAHoliday) {
  // 2d = 18 business hours: Wed 15:00-17:00, Thanksgiving off, Fri 9 h, Mon 7 h.
  policy_.resolve = BusinessDuration::business_days(2);
  const SlaTimeline t{at("2026-11-25T15:00-06:00"), {}, {}, {}};
  const SlaState s = state(t, "2026-11-27T08:00-06:00");
  EXPECT_EQ(s.resolution.target_seconds, 18 * kHour);
  EXPECT_EQ(s.resolution.due, at("2026-11-30T15:00-06:00"));
  EXPECT_EQ(s.resolution.elapsed_seconds, 2 * kHour);
}

TEST_F(SlaClockTest, APausePushesDueByItsBusinessTime) {
  // 09-11 runs, 11-13 waits on the customer, 13-17 runs (6 h so far), Tuesday 08-10 ends it.
  const SlaTimeline t{at("2026-03-02T09:00-06:00"),
                      {{at("2026-03-02T11:00-06:00"), at("2026-03-02T13:00-06:00")}},
                      at("2026-03-02T09:10-06:00"),
                      {}};
  const SlaState s = state(t, "2026-03-02T15:00-06:00");
  EXPECT_EQ(s.resolution.due, at("2026-03-03T10:00-06:00"));
  EXPECT_EQ(s.resolution.elapsed_seconds, 4 * kHour);
  EXPECT_DOUBLE_EQ(s.resolution.fraction, 0.5);
  EXPECT_FALSE(s.paused);
  EXPECT_EQ(s.response.outcome, SlaOutcome::kMet);
  EXPECT_EQ(s.response.ended_at, at("2026-03-02T09:10-06:00"));
}

TEST_F(SlaClockTest, APauseOverTheWeekendCountsOnlyItsBusinessHours) {
  // Resolve in 2d = 18 h. Thu 09-17 (8 h) and Fri 08-12 (4 h) run; the pause from Friday noon to
  // Tuesday noon (CDT by then) holds 5 + 9 + 4 = 18 business hours; the last 6 h are Tue 12-17
  // and Wed 08-09.
  policy_.resolve = BusinessDuration::business_days(2);
  SlaTimeline t{at("2026-03-05T09:00-06:00"),
                {{at("2026-03-06T12:00-06:00"), at("2026-03-10T12:00-05:00")}},
                at("2026-03-05T09:40-06:00"),
                {}};
  const SlaState running = state(t, "2026-03-11T08:30-05:00");
  EXPECT_EQ(running.resolution.due, at("2026-03-11T09:00-05:00"));
  EXPECT_EQ(running.resolution.elapsed_seconds, 17 * kHour + 1800);
  EXPECT_TRUE(running.resolution.at_risk);
  EXPECT_EQ(running.escalation, "lead");
  EXPECT_EQ(running.response.outcome, SlaOutcome::kMet);

  t.resolved_at = at("2026-03-11T08:45-05:00");
  const SlaState done = state(t, "2026-03-12T12:00-05:00");
  EXPECT_EQ(done.resolution.outcome, SlaOutcome::kMet);
  EXPECT_EQ(done.resolution.ended_at, at("2026-03-11T08:45-05:00"));
  EXPECT_EQ(done.resolution.elapsed_seconds, 17 * kHour + 2700);
  EXPECT_FALSE(done.resolution.at_risk);
  EXPECT_FALSE(done.breached());
}

TEST_F(SlaClockTest, WhileStillWaitingTheDueMovesWithNow) {
  // One hour ran before the wait; seven are left whenever the wait ends.
  const SlaTimeline t{at("2026-03-02T09:00-06:00"),
                      {{at("2026-03-02T10:00-06:00"), std::nullopt}},
                      at("2026-03-02T09:20-06:00"),
                      {}};
  const SlaState tuesday = state(t, "2026-03-03T10:00-06:00");
  EXPECT_TRUE(tuesday.paused);
  EXPECT_EQ(tuesday.resolution.elapsed_seconds, kHour);
  EXPECT_EQ(tuesday.resolution.due, at("2026-03-03T17:00-06:00"));
  const SlaState wednesday = state(t, "2026-03-04T10:00-06:00");
  EXPECT_EQ(wednesday.resolution.due, at("2026-03-04T17:00-06:00"));
  EXPECT_EQ(wednesday.resolution.elapsed_seconds, kHour);
  EXPECT_FALSE(wednesday.breached());
}

TEST_F(SlaClockTest, ATargetUsedUpBeforeAPauseKeepsItsDue) {
  const SlaTimeline t{
      at("2026-03-02T09:00-06:00"), {{at("2026-03-02T10:30-06:00"), std::nullopt}}, {}, {}};
  const SlaState s = state(t, "2026-03-03T09:00-06:00");
  EXPECT_EQ(s.response.due, at("2026-03-02T10:00-06:00"));
  EXPECT_TRUE(s.response.breached);
  EXPECT_EQ(s.response.elapsed_seconds, 90 * 60);
  EXPECT_EQ(s.escalation, "manager");
}

TEST_F(SlaClockTest, OverlappingAndOutOfOrderPausesCountOnce) {
  const SlaTimeline t{at("2026-03-02T09:00-06:00"),
                      {{at("2026-03-02T12:00-06:00"), at("2026-03-02T14:00-06:00")},
                       {at("2026-03-02T08:00-06:00"), at("2026-03-02T10:00-06:00")},
                       {at("2026-03-02T11:00-06:00"), at("2026-03-02T13:00-06:00")}},
                      at("2026-03-02T10:10-06:00"),
                      {}};
  // Paused 09-10 (before that not yet open) and 11-14: 4 of the 8 hours to 17:00 ran.
  const SlaState s = state(t, "2026-03-02T17:00-06:00");
  EXPECT_EQ(s.resolution.elapsed_seconds, 4 * kHour);
  EXPECT_EQ(s.resolution.due, at("2026-03-03T12:00-06:00"));
  EXPECT_EQ(s.response.due, at("2026-03-02T11:00-06:00"));
  EXPECT_EQ(s.response.elapsed_seconds, 10 * 60);
}

TEST_F(SlaClockTest, OutcomesAreFixedWhenTheClocksEnd) {
  SlaTimeline t{
      at("2026-03-02T09:00-06:00"), {}, at("2026-03-02T10:15-06:00"), at("2026-03-03T09:30-06:00")};
  const SlaState s = state(t, "2026-03-10T12:00-05:00");
  EXPECT_EQ(s.response.outcome, SlaOutcome::kBreached);
  EXPECT_EQ(s.response.elapsed_seconds, 75 * 60);
  EXPECT_EQ(s.resolution.outcome, SlaOutcome::kBreached);
  EXPECT_EQ(s.resolution.elapsed_seconds, 9 * kHour + 1800);
  EXPECT_EQ(s.resolution.ended_at, at("2026-03-03T09:30-06:00"));
  EXPECT_FALSE(s.at_risk());
  EXPECT_EQ(s.escalation, "manager");

  // Exactly at due is met; before Tuesday's opening no business time has passed, yet Monday's
  // 17:00 deadline has.
  t.responded_at = at("2026-03-02T10:00-06:00");
  t.resolved_at = at("2026-03-02T17:00-06:00");
  const SlaState met = state(t, "2026-03-10T12:00-05:00");
  EXPECT_EQ(met.response.outcome, SlaOutcome::kMet);
  EXPECT_EQ(met.resolution.outcome, SlaOutcome::kMet);
  EXPECT_EQ(to_string(met.resolution.outcome), "met");
  t.resolved_at = at("2026-03-03T07:30-06:00");
  const SlaState overnight = state(t, "2026-03-10T12:00-05:00");
  EXPECT_EQ(overnight.resolution.elapsed_seconds, 8 * kHour);
  EXPECT_EQ(overnight.resolution.outcome, SlaOutcome::kBreached);
  EXPECT_EQ(to_string(overnight.resolution.outcome), "breached");
}

TEST_F(SlaClockTest, ResolvingWithoutAResponseAnswersItToo) {
  const SlaTimeline t{at("2026-03-02T09:00-06:00"), {}, {}, at("2026-03-02T09:30-06:00")};
  const SlaState s = state(t, "2026-03-05T09:00-06:00");
  EXPECT_EQ(s.response.outcome, SlaOutcome::kMet);
  EXPECT_EQ(s.response.ended_at, at("2026-03-02T09:30-06:00"));
  EXPECT_EQ(s.resolution.outcome, SlaOutcome::kMet);
}

TEST_F(SlaClockTest, TimesAfterNowHaveNotHappened) {
  const SlaTimeline t{at("2026-03-02T09:00-06:00"),
                      {{at("2026-03-02T09:30-06:00"), at("2026-03-02T12:00-06:00")}},
                      at("2026-03-02T10:30-06:00"),
                      at("2026-03-02T15:00-06:00")};
  // As of 10:00 the wait that began at 09:30 is still going and nothing else has happened.
  const SlaState s = state(t, "2026-03-02T10:00-06:00");
  EXPECT_EQ(s.response.outcome, SlaOutcome::kRunning);
  EXPECT_EQ(s.resolution.outcome, SlaOutcome::kRunning);
  EXPECT_TRUE(s.paused);
  EXPECT_EQ(s.response.elapsed_seconds, 1800);
  EXPECT_EQ(s.response.due, at("2026-03-02T10:30-06:00"));
}

TEST_F(SlaClockTest, EscalationNeverGoesBackAfterAResponse) {
  // Answered at 50 of 60 minutes: the lead was told; resolution alone is far from any level.
  const SlaTimeline t{at("2026-03-02T09:00-06:00"), {}, at("2026-03-02T09:50-06:00"), {}};
  const SlaState s = state(t, "2026-03-02T12:00-06:00");
  EXPECT_EQ(s.response.outcome, SlaOutcome::kMet);
  EXPECT_EQ(s.escalation_level, 0u);
  EXPECT_EQ(s.escalation, "lead");
  EXPECT_FALSE(s.at_risk());
}

}  // namespace
}  // namespace ordex::exceptions
