// Working the queue through the API: next, claim, note, wait, resume, resolve, reopen, and the
// bulk forms, each audited as the user who acted.
#include <Poco/JSON/Array.h>
#include <Poco/Util/MapConfiguration.h>

#include "exceptions/exceptions_config.h"
#include "tests/app/http/http_test_base.h"

namespace ordex::app::http::testing {
namespace {

template <typename E>
class HttpActionsTest : public HttpApiTest<E> {};
TYPED_TEST_SUITE(HttpActionsTest, StoreEngines, StoreEngineNames);

std::string path(std::int64_t id, const char* action = "") {
  return "/api/v1/exceptions/" + std::to_string(id) + (*action ? "/" : "") + action;
}

TYPED_TEST(HttpActionsTest, NextNoteWaitResumeResolveReopen) {
  const Reply next = this->post("/api/v1/exceptions/next", "", "rita");
  ASSERT_EQ(next.status, 200) << next.body;
  const std::int64_t id = next.json()->template getValue<std::int64_t>("id");
  EXPECT_EQ(next.json()->template getValue<std::string>("claimed_by"), "rita");
  // Someone else's claim: conflict.
  const Reply taken = this->post(path(id, "claim"), "{}", "leo");
  EXPECT_EQ(taken.status, 409);
  EXPECT_EQ(taken.error_code(), "conflict");
  const Reply other = this->post("/api/v1/exceptions/next", "{}", "leo");
  if (other.status == 200) {
    EXPECT_NE(other.json()->template getValue<std::int64_t>("id"), id);
  }
  // Taken with `next`, it is rita's to work before anyone assigns it: Mine shows it, and
  // only to her.
  const auto mine = this->get("/api/v1/exceptions?view=mine", "rita").json()->getArray("items");
  ASSERT_EQ(mine->size(), 1u);
  EXPECT_EQ(mine->getObject(0)->template getValue<std::int64_t>("id"), id);
  const std::string leos = this->get("/api/v1/exceptions?view=mine", "leo").body;
  EXPECT_EQ(leos.find("\"id\":" + std::to_string(id) + ","), std::string::npos) << leos;

  EXPECT_EQ(this->post(path(id, "note"), R"({"text":"asked the carrier"})", "rita").status, 200);
  const Reply waiting = this->post(
      path(id, "wait"), R"({"until":"2026-11-25T08:00:00-06:00","on":"carrier"})", "rita");
  ASSERT_EQ(waiting.status, 200) << waiting.body;
  EXPECT_EQ(waiting.json()->template getValue<std::string>("status"), "waiting");
  const Reply in_past = this->post(path(id, "wait"), R"({"until":"2020-01-01T00:00:00Z"})", "rita");
  EXPECT_EQ(in_past.status, 409) << in_past.body;
  EXPECT_EQ(this->post(path(id, "wait"), R"({"until":"soon"})", "rita").error_code(),
            "bad_request");
  const auto waits = this->get("/api/v1/exceptions?view=waiting", "rita").json()->getArray("items");
  ASSERT_EQ(waits->size(), 1u);
  EXPECT_EQ(
      this->post(path(id, "resume"), "", "rita").json()->template getValue<std::string>("status"),
      "open");
  const Reply resolved =
      this->post(path(id, "resolve"), R"({"reason":"carrier confirmed"})", "rita");
  ASSERT_EQ(resolved.status, 200) << resolved.body;
  EXPECT_EQ(resolved.json()->template getValue<std::string>("status"), "resolved");
  // Gone from the active queue, still there with status=all.
  const Reply active = this->get("/api/v1/exceptions?limit=500", "rita");
  EXPECT_EQ(active.body.find("\"id\":" + std::to_string(id) + ","), std::string::npos);
  const Reply all = this->get("/api/v1/exceptions?status=resolved&limit=500", "rita");
  EXPECT_NE(all.body.find("\"id\":" + std::to_string(id) + ","), std::string::npos);
  EXPECT_EQ(this->post(path(id, "resolve"), R"({"reason":"again"})", "rita").error_code(),
            "invalid_state");
  EXPECT_EQ(this->post(path(id, "reopen"), R"({"reason":"came back"})", "leo").status, 200);

  const auto audit = this->get(path(id), "rita").json()->getArray("audit");
  std::vector<std::string> actions;
  for (unsigned i = 0; i < audit->size(); ++i) {
    const auto entry = audit->getObject(i);
    if (entry->template getValue<std::string>("actor") == "system") continue;
    actions.push_back(entry->template getValue<std::string>("actor") + " " +
                      entry->template getValue<std::string>("action"));
  }
  const std::vector<std::string> expected = {"rita claimed", "rita noted",    "rita waiting",
                                             "rita resumed", "rita resolved", "leo reopened"};
  EXPECT_EQ(actions, expected);
}

TYPED_TEST(HttpActionsTest, BulkByIdsAndByFilter) {
  const auto list = this->get("/api/v1/exceptions?sort=id", "leo").json()->getArray("items");
  ASSERT_GE(list->size(), 3u);
  const std::int64_t a = list->getObject(0)->template getValue<std::int64_t>("id");
  const std::int64_t b = list->getObject(1)->template getValue<std::int64_t>("id");
  const Reply by_ids = this->post("/api/v1/exceptions/bulk",
                                  R"({"action":"note","text":"bulk note","ids":[)" +
                                      std::to_string(a) + "," + std::to_string(b) + ",987654]}",
                                  "leo");
  ASSERT_EQ(by_ids.status, 200) << by_ids.body;
  auto changed = by_ids.json()->getArray("changed");
  ASSERT_EQ(changed->size(), 2u);
  EXPECT_EQ(changed->template getElement<std::int64_t>(0), a);
  auto failed = by_ids.json()->getArray("failed");
  ASSERT_EQ(failed->size(), 1u);
  EXPECT_EQ(failed->getObject(0)->template getValue<std::int64_t>("id"), 987654);
  EXPECT_EQ(failed->getObject(0)->template getValue<std::string>("code"), "not_found");

  const std::string type = list->getObject(0)->template getValue<std::string>("type");
  const Reply by_filter =
      this->post("/api/v1/exceptions/bulk",
                 R"({"action":"assign","to":"rita","filter":{"type":")" + type + "\"}}", "leo");
  ASSERT_EQ(by_filter.status, 200) << by_filter.body;
  const auto assigned = by_filter.json()->getArray("changed")->size();
  EXPECT_GE(assigned, 1u);
  EXPECT_EQ(this->get("/api/v1/exceptions?view=mine", "rita").json()->getArray("items")->size(),
            assigned);

  EXPECT_EQ(
      this->post("/api/v1/exceptions/bulk", R"({"action":"note","text":"x"})", "leo").error_code(),
      "bad_request")
      << "ids or filter";
  EXPECT_EQ(
      this->post("/api/v1/exceptions/bulk", R"({"action":"claim","reason":"no","ids":[1]})", "leo")
          .error_code(),
      "unknown_field");
  EXPECT_EQ(this->post("/api/v1/exceptions/bulk",
                       R"({"action":"note","text":"x","filter":{"colour":"red"}})", "leo")
                .error_code(),
            "unknown_field");
  EXPECT_EQ(
      this->post("/api/v1/exceptions/bulk", R"({"action":"explode","ids":[1]})", "leo").status,
      400);
}

TYPED_TEST(HttpActionsTest, NextAnswers204WhenNothingIsLeft) {
  int taken = 0;
  for (; taken < 200; ++taken) {
    const Reply r = this->post("/api/v1/exceptions/next", "{}", "rita");
    if (r.status == 204) break;
    ASSERT_EQ(r.status, 200) << r.body;
    const std::int64_t id = r.json()->template getValue<std::int64_t>("id");
    ASSERT_EQ(this->post(path(id, "resolve"), R"({"reason":"done"})", "rita").status, 200);
  }
  EXPECT_GT(taken, 0);
  EXPECT_LT(taken, 200);
}

// A reloaded configuration (the daemon's SIGHUP) reaches the work queue: a new episode's SLA
// clocks come from the new policies.
TYPED_TEST(HttpActionsTest, ReloadedRulesGiveTheNextEpisodeItsSlaPolicy) {
  const Reply next = this->post("/api/v1/exceptions/next", "", "rita");
  ASSERT_EQ(next.status, 200) << next.body;
  const std::int64_t id = next.json()->template getValue<std::int64_t>("id");
  const auto reopen_due = [&] {
    EXPECT_EQ(this->post(path(id, "resolve"), R"({"reason":"done"})", "rita").status, 200);
    const Reply reopened = this->post(path(id, "reopen"), R"({"reason":"back"})", "leo");
    EXPECT_EQ(reopened.status, 200) << reopened.body;
    return reopened.json()->template getValue<std::string>("resolve_due");
  };
  const std::string before = reopen_due();
  EXPECT_EQ(reopen_due(), before);  // same rules, same now: same clock

  Poco::AutoPtr<Poco::Util::MapConfiguration> keys(new Poco::Util::MapConfiguration);
  keys->setString("sla.policy.1.name", "everything-slow");
  keys->setString("sla.policy.1.response", "9d");
  keys->setString("sla.policy.1.resolve", "17d");
  auto rules = exceptions::ExceptionsConfig::load(*keys);
  ASSERT_TRUE(rules.ok()) << rules.error();
  this->service().set_rules(std::move(rules).value());
  const std::string after = reopen_due();
  EXPECT_GT(after, before);  // ISO 8601 UTC instants order as text
}

}  // namespace
}  // namespace ordex::app::http::testing
