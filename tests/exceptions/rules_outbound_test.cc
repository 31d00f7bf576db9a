// FA_MISSING and FA_REJECTED over the groups we sent.
#include <gtest/gtest.h>

#include "exceptions/rules.h"
#include "tests/exceptions/case_builder.h"

namespace ordex::exceptions {
namespace {

using namespace testing;
using enum ExceptionType;

orders::OutboundGroupStatus sent(std::string partner, std::string control, std::string status) {
  orders::OutboundGroupStatus g;
  g.group.partner_id = std::move(partner);
  g.group.group_control = std::move(control);
  g.group.functional_id = "PR";
  g.group.sent_at = at("2026-11-18T10:00:00Z");
  g.group.source.file_id = 9;
  g.ack_status = std::move(status);
  return g;
}

Evaluation run(const std::vector<orders::OutboundGroupStatus>& groups, std::string_view now,
               const RuleParams& p = {}) {
  return evaluate_outbound_groups("NORTHWIND", groups, p, at(now));
}

TEST(FaMissing, TwentyFourHoursAfterSending) {
  const std::vector<orders::OutboundGroupStatus> groups = {sent("NORTHWIND", "1001", "")};
  Evaluation before = run(groups, "2026-11-19T09:59:59Z");
  EXPECT_TRUE(before.found.empty());
  EXPECT_EQ(reason(before, kFaMissing), "functional acknowledgment received");
  std::optional<Condition> k = only(run(groups, "2026-11-19T10:00:00Z"), kFaMissing);
  ASSERT_TRUE(k);
  EXPECT_EQ(k->partner_id, "NORTHWIND");
  EXPECT_EQ(k->po_number, "");
  EXPECT_EQ(k->subject, "group PR 1001");
  EXPECT_EQ(k->file_id, 9);
  EXPECT_EQ(k->summary,
            "Our group 1001 of order acknowledgments (855) sent to NORTHWIND on "
            "2026-11-18T10:00:00Z has no functional acknowledgment after 24 h; ask the partner "
            "whether it arrived");

  RuleParams p;
  p.fa_missing_hours = 4;
  EXPECT_EQ(run(groups, "2026-11-18T14:00:00Z", p).found.size(), 1u);
}

TEST(FaMissing, AnyAcknowledgmentClearsIt) {
  for (const char* status : {"A", "E", "P", "R"}) {
    EXPECT_TRUE(
        of_type(run({sent("NORTHWIND", "1001", status)}, "2026-11-25T00:00:00Z"), kFaMissing)
            .empty())
        << status;
  }
}

TEST(FaRejected, RejectedOrPartlyRejectedButNotAcceptedWithErrors) {
  const std::optional<Condition> k =
      only(run({sent("NORTHWIND", "1001", "R")}, "2026-11-18T12:00:00Z"), kFaRejected);
  ASSERT_TRUE(k);
  EXPECT_EQ(k->subject, "group PR 1001");
  EXPECT_NE(k->summary.find("was rejected by the partner's functional acknowledgment"),
            std::string::npos);
  EXPECT_NE(k->evidence.find("\"ack_status\":\"R\""), std::string::npos);
  EXPECT_EQ(run({sent("NORTHWIND", "1001", "P")}, "2026-11-18T12:00:00Z").found.size(), 1u);
  for (const char* status : {"A", "E", ""}) {
    Evaluation e = run({sent("NORTHWIND", "1001", status)}, "2026-11-18T12:00:00Z");
    EXPECT_TRUE(of_type(e, kFaRejected).empty()) << status;
    EXPECT_EQ(reason(e, kFaRejected), "a later functional acknowledgment accepted the group");
  }
}

TEST(OutboundGroups, OtherPartnersGroupsAndDisabledRules) {
  const std::vector<orders::OutboundGroupStatus> groups = {sent("ACME", "2001", ""),
                                                           sent("ACME", "2002", "R")};
  EXPECT_TRUE(run(groups, "2026-11-25T00:00:00Z").found.empty());

  RuleParams p;
  p.disabled.set(static_cast<std::size_t>(kFaMissing));
  Evaluation e = run({sent("NORTHWIND", "1001", "")}, "2026-11-25T00:00:00Z", p);
  EXPECT_TRUE(e.found.empty());
  EXPECT_EQ(reason(e, kFaMissing), "rule disabled");
  EXPECT_TRUE(evaluated(e, kFaRejected));
}

}  // namespace
}  // namespace ordex::exceptions
