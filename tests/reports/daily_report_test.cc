// The report's figures on the hand-built store of report_fixture.cc. Every expected value is
// worked out by hand from the fixture; the comments say how.
#include "reports/daily_report.h"

#include <gtest/gtest.h>

#include <memory>

#include "../orders/store_test_base.h"
#include "exceptions/exceptions_config.h"
#include "report_fixture.h"
#include "reports/headline.h"
#include "reports/report_writer.h"

namespace ordex::reports {
namespace {

using testing::kAsOf;
using testing::kHour;

// Runs on SQLite and PostgreSQL (StoreTest): the report's SQL must give the same figures on
// both.
template <typename E>
class DailyReportTest : public orders::testing::StoreTest<E> {
 protected:
  void SetUp() override {
    orders::testing::StoreTest<E>::SetUp();
    if (this->IsSkipped() || this->HasFatalFailure()) return;
    ASSERT_EQ(testing::fill_sample_store(this->store()), "");
  }

  DailyReport report(Instant as_of = kAsOf, DayDefinition day = {}) {
    orders::StoreOptions options;
    options.read_only = true;
    std::unique_ptr<orders::Store> store = this->open_again(options);
    if (!store) return DailyReport{};
    ReportOptions o;
    o.as_of = as_of;
    o.calendar = config_.sla.calendar("default");
    o.day = day;
    auto r = build_daily_report(*store, o);
    EXPECT_TRUE(r.ok()) << r.error();
    return r.ok() ? r.value() : DailyReport{};
  }

  static DayDefinition local_day(const char* zone) {
    auto z = orders::TimeZone::named(zone);
    EXPECT_TRUE(z.ok()) << zone;
    return DayDefinition{DayMode::kLocal, z.ok() ? z.value() : orders::TimeZone::utc()};
  }

  exceptions::ExceptionsConfig config_ = exceptions::ExceptionsConfig::defaults();
};

TYPED_TEST_SUITE(DailyReportTest, orders::testing::StoreEngines, orders::testing::StoreEngineNames);

TYPED_TEST(DailyReportTest, CountsTheWindowAndTheBacklog) {
  const DailyReport r = this->report();
  ASSERT_EQ(r.days.size(), 8u);
  const ExceptionDay& d = r.days[0].exceptions;
  EXPECT_EQ(d.opened, 3);    // E1, E4, E7 (merged still opened); E3 at exactly -24 h is not
  EXPECT_EQ(d.resolved, 2);  // E4, E5
  EXPECT_EQ(d.backlog, 4);   // E1, E2, E3, E6
  EXPECT_EQ(d.breached, 2);  // E2 resolve due -1 h, E6 response due -10 d
  EXPECT_EQ(d.at_risk, 1);   // E3 at risk since -1 h
  const std::array<std::int64_t, 6> aging = {1, 2, 0, 0, 0, 1};  // E1 | E2 30 h, E3 24 h | E6
  EXPECT_EQ(r.aging, aging);
}

TYPED_TEST(DailyReportTest, SlaAchievementAndTimeToResolve) {
  const DailyReport r = this->report();
  const ExceptionDay& d = r.days[0].exceptions;
  EXPECT_EQ(d.response_sla.hits, 1);  // E4 responded -4 h, met; E5 responded 11 d ago
  EXPECT_EQ(d.response_sla.total, 1);
  EXPECT_EQ(d.resolve_sla.hits, 1);  // E4 met, E5 breached
  EXPECT_EQ(d.resolve_sla.total, 2);
  // Mon-Fri 08-17 Chicago. E4: 05:00-09:00 CST on Wednesday = 1 h. E5: Friday 11-06 10:00 CST
  // to Wednesday 11-18 07:00 CST = 7 + 5 * 9 + 2 * 9 = 70 h. Nearest rank: p50 1, p90 70.
  ASSERT_TRUE(d.ttr_p50_hours && d.ttr_p90_hours);
  EXPECT_DOUBLE_EQ(*d.ttr_p50_hours, 1.0);
  EXPECT_DOUBLE_EQ(*d.ttr_p90_hours, 70.0);
}

TYPED_TEST(DailyReportTest, PriorDayIsReconstructedAsItStood) {
  const DailyReport r = this->report();
  const ExceptionDay& p = r.days[1].exceptions;
  EXPECT_EQ(p.opened, 2);  // E2 at -30 h, E3 at exactly -24 h (the window's end)
  EXPECT_EQ(p.resolved, 0);
  EXPECT_EQ(p.backlog, 4);            // E2, E3, E5 (resolved only today), E6
  EXPECT_EQ(p.breached, 2);           // E5 response breached, E6
  EXPECT_EQ(p.at_risk, 0);            // E3 turns at risk only at -1 h
  EXPECT_EQ(p.response_sla.hits, 1);  // E2 responded at -29 h, met
  EXPECT_EQ(p.response_sla.total, 1);
}

TYPED_TEST(DailyReportTest, HeadlineComparesWithPriorDayAndSevenDayAverage) {
  const DailyReport r = this->report();
  for (const HeadlineFigure& f : headline(r)) {
    if (f.key == "opened") {
      EXPECT_EQ(f.today, 3.0);
      EXPECT_EQ(f.prior_day, 2.0);
      EXPECT_DOUBLE_EQ(*f.avg_7d, 2.0 / 7);  // nothing opened 2 to 7 days ago
    }
    if (f.key == "backlog") {
      EXPECT_DOUBLE_EQ(*f.avg_7d, (4.0 + 6 * 2) / 7);  // only E5, E6 before yesterday
    }
  }
}

TYPED_TEST(DailyReportTest, WindowStartIsExclusiveAndEndInclusive) {
  // One second earlier, E3 (opened at kAsOf - 24 h) falls inside the window.
  EXPECT_EQ(this->report(kAsOf - 1).days[0].exceptions.opened, 4);
  // At exactly the instant E1 opens, it counts today.
  EXPECT_EQ(this->report(kAsOf - 2 * kHour).days[0].exceptions.opened, 4);  // E1, E3, E4, E7
}

TYPED_TEST(DailyReportTest, ListsBreachedAndAtRiskByDueThenId) {
  const DailyReport r = this->report();
  ASSERT_EQ(r.breached.size(), 2u);
  EXPECT_EQ(r.breached[0].type, "FA_MISSING");  // due 10 days ago
  EXPECT_EQ(r.breached[1].type, "ASN_MISSING");
  ASSERT_TRUE(r.breached[1].due);
  EXPECT_EQ(*r.breached[1].due, kAsOf - kHour);
  ASSERT_EQ(r.at_risk.size(), 1u);
  EXPECT_EQ(r.at_risk[0].partner, "ACME");
}

TYPED_TEST(DailyReportTest, BreakdownsSortByBacklogThenName) {
  const DailyReport r = this->report();
  ASSERT_GE(r.by_queue.size(), 3u);
  EXPECT_EQ(r.by_queue[0].name, "logistics");  // E1, E2
  EXPECT_EQ(r.by_queue[0].backlog, 2);
  EXPECT_EQ(r.by_queue[1].name, "edi");  // E6; opened 1 (E4), as "orders" (E7): name decides
  EXPECT_EQ(r.by_queue[2].name, "orders");
  ASSERT_EQ(r.by_severity.size(), 4u);
  EXPECT_EQ(r.by_severity[0].name, "critical");
}

TYPED_TEST(DailyReportTest, LogisticsKpis) {
  const DailyReport r = this->report();
  const LogisticsDay& d = r.days[0].logistics;
  // PO-1 delivered -12 h = 22:00 CST on its due day: on time, 4 of 5 B shipped: not in full.
  // PO-2 delivered -4 h, due two days before: late.
  EXPECT_EQ(d.on_time.hits, 1);
  EXPECT_EQ(d.on_time.total, 2);
  EXPECT_EQ(d.otif.hits, 0);
  EXPECT_EQ(d.otif.total, 2);
  // Only PO-2 first shipped today (no DTM*011: its receipt -2 h), in full.
  EXPECT_EQ(d.fill_units.hits, 30000);
  EXPECT_EQ(d.fill_units.total, 30000);
  EXPECT_EQ(d.fill_orders.total, 1);
  // SH1 received 22 h after shipping, on time, but PO-1 has ASN_QTY_MISMATCH; SH2 has no
  // shipped date: late, accurate.
  EXPECT_EQ(d.asn_timely.hits, 1);
  EXPECT_EQ(d.asn_timely.total, 2);
  EXPECT_EQ(d.asn_accurate.hits, 1);
  EXPECT_EQ(d.asn_accurate.total, 2);
  // PR 100 acknowledged -20 h (deadline -6 h); SH 101 never; the FA group awaits nothing.
  EXPECT_EQ(d.fa_compliance.hits, 1);
  EXPECT_EQ(d.fa_compliance.total, 2);
  EXPECT_EQ(d.edi_rejection.hits, 2);
  EXPECT_EQ(d.edi_rejection.total, 3);
}

TYPED_TEST(DailyReportTest, PriorDayFillRate) {
  const DailyReport r = this->report();
  const LogisticsDay& p = r.days[1].logistics;  // PO-1 first shipped -44 h
  EXPECT_EQ(p.fill_units.hits, 140000);         // min(10,10) + min(4,5)
  EXPECT_EQ(p.fill_units.total, 150000);
  EXPECT_EQ(p.fill_lines.hits, 1);
  EXPECT_EQ(p.fill_lines.total, 2);
  EXPECT_EQ(p.fill_orders.hits, 0);
}

TYPED_TEST(DailyReportTest, EdiRejectionsByPartnerWithTopCodes) {
  const DailyReport r = this->report();
  ASSERT_EQ(r.edi_partners.size(), 2u);
  EXPECT_EQ(r.edi_partners[0].partner, "ACME");
  EXPECT_EQ(r.edi_partners[0].documents, 1);  // the -30 h document is yesterday's
  const PartnerEdi& nw = r.edi_partners[1];
  EXPECT_EQ(nw.documents, 2);
  EXPECT_EQ(nw.rejected, 1);
  ASSERT_EQ(nw.top_errors.size(), 2u);
  EXPECT_EQ(nw.top_errors[0].code, "AK4:7");
  EXPECT_EQ(nw.top_errors[0].count, 2);
  EXPECT_EQ(nw.top_errors[1].code, "AK3:8");
}

TYPED_TEST(DailyReportTest, SameInputGivesSameBytes) {
  const DailyReport a = this->report();
  const DailyReport b = this->report();
  EXPECT_EQ(render_json(a), render_json(b));
  EXPECT_EQ(render_html(a), render_html(b));
  const auto ca = render_csv(a), cb = render_csv(b);
  ASSERT_EQ(ca.size(), cb.size());
  for (std::size_t i = 0; i < ca.size(); ++i) EXPECT_EQ(ca[i].text, cb[i].text);
}

// The report's own day as a calendar day: Asia/Shanghai (UTC+8, no DST) puts E3's opening,
// kAsOf - 24 h = 2026-11-17T16:00Z, exactly at local midnight, and kAsOf exactly at the next.
TYPED_TEST(DailyReportTest, LocalDayStartsAtLocalMidnightInclusive) {
  const DailyReport r = this->report(kAsOf, this->local_day("Asia/Shanghai"));
  EXPECT_EQ(r.local_day, "2026-11-18");  // as-of at 00:00 on the 19th: the 18th just ended
  EXPECT_EQ(r.window_start, kAsOf - 24 * kHour);
  EXPECT_EQ(r.window_end, kAsOf);
  // E3 at 00:00:00 local counts on the 18th, unlike the rolling day ending at kAsOf (3).
  EXPECT_EQ(r.days[0].exceptions.opened, 4);  // E1, E3, E4, E7
  // One second before midnight the report is still of the 17th, which E3 does not belong to.
  const DailyReport before = this->report(kAsOf - 1, this->local_day("Asia/Shanghai"));
  EXPECT_EQ(before.local_day, "2026-11-17");
  EXPECT_EQ(before.days[0].exceptions.opened, 1);  // E2
}

TYPED_TEST(DailyReportTest, ChicagoManagerGetsYesterday) {
  // 10:00 CST on Wednesday 2026-11-18: the report is of Tuesday the 17th, 06:00Z to 06:00Z.
  const DailyReport r = this->report(kAsOf, this->local_day("America/Chicago"));
  EXPECT_EQ(r.local_day, "2026-11-17");
  EXPECT_EQ(r.timezone, "America/Chicago");
  EXPECT_EQ(r.window_start, kAsOf - 34 * kHour);
  EXPECT_EQ(r.window_end, kAsOf - 10 * kHour);
  const ExceptionDay& d = r.days[0].exceptions;
  EXPECT_EQ(d.opened, 2);  // E2 04:00 CST, E3 10:00 CST on the 17th
  EXPECT_EQ(d.resolved, 0);
  EXPECT_EQ(d.backlog, 4);  // at 23:59:59: E2, E3, E5 (resolved on the 18th), E6
  ASSERT_EQ(r.days.size(), 8u);
  EXPECT_EQ(r.days[7].window.from, r.window_start - 7 * 24 * kHour);  // no DST change in between
}

TYPED_TEST(DailyReportTest, ReadOnlyStoreWithoutExceptionsTrackReportsZero) {
  // A fresh database of the same engine, with the order tables but no exceptions track.
  auto db = TypeParam::make();
  auto url = db->create();
  ASSERT_TRUE(url.ok()) << url.error();
  ASSERT_TRUE(orders::Store::open(url.value()).ok());
  orders::StoreOptions options;
  options.read_only = true;
  auto store = orders::Store::open(url.value(), options);
  ASSERT_TRUE(store.ok()) << store.error();
  ReportOptions o;
  o.as_of = kAsOf;
  o.calendar = this->config_.sla.calendar("default");
  auto r = build_daily_report(*store.value(), o);
  store.value().reset();
  db->drop();
  ASSERT_TRUE(r.ok()) << r.error();
  EXPECT_FALSE(r.value().exceptions_tracked);
  EXPECT_EQ(r.value().days[0].exceptions.backlog, 0);
  EXPECT_NE(render_html(r.value()).find("No exception rules have run"), std::string::npos);
}

TEST(DailyReportEmpty, NoCalendarIsAnError) {
  testing::TempDir dir;
  auto store = orders::Store::open(dir.path() + "/x.db");
  ASSERT_TRUE(store.ok());
  EXPECT_FALSE(build_daily_report(*store.value(), ReportOptions{kAsOf, nullptr, {}}).ok());
}

}  // namespace
}  // namespace ordex::reports
