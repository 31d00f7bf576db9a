// Reading the work queue: views, filters, sort and paging over the demo week, and one
// exception's detail (evidence, audit trail, order timeline).
#include <Poco/JSON/Array.h>

#include <set>

#include "tests/app/http/http_test_base.h"

namespace ordex::app::http::testing {
namespace {

template <typename E>
class HttpQueueTest : public HttpApiTest<E> {};
TYPED_TEST_SUITE(HttpQueueTest, StoreEngines, StoreEngineNames);

std::vector<Poco::JSON::Object::Ptr> items(const Reply& r) {
  std::vector<Poco::JSON::Object::Ptr> out;
  auto array = r.json()->getArray("items");
  if (!array) {
    ADD_FAILURE() << "no items: " << r.body;
    return out;
  }
  for (unsigned i = 0; i < array->size(); ++i) out.push_back(array->getObject(i));
  return out;
}

std::vector<std::int64_t> ids(const Reply& r) {
  std::vector<std::int64_t> out;
  for (const auto& o : items(r)) out.push_back(o->template getValue<std::int64_t>("id"));
  return out;
}

TYPED_TEST(HttpQueueTest, ListItemsAreTheCliJsonLines) {
  const Reply r = this->get("/api/v1/exceptions", "rita");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto list = items(r);
  ASSERT_GE(list.size(), 5u) << "the demo week opens a dozen exceptions";
  for (const char* key :
       {"id", "type", "severity", "status", "partner", "po", "queue", "assignee", "opened_at",
        "response_due", "resolve_due", "breached", "summary", "claimed_by", "at_risk"}) {
    EXPECT_TRUE(list[0]->has(key)) << key;
  }
  for (const auto& o : list) {
    const std::string status = o->template getValue<std::string>("status");
    EXPECT_TRUE(status == "open" || status == "waiting") << "default: active only";
  }
  EXPECT_EQ(r.json()->template getValue<int>("limit"), 50);
  EXPECT_EQ(r.json()->template getValue<int>("offset"), 0);
  EXPECT_TRUE(r.json()->isNull("next_offset"));
  EXPECT_EQ(r.json()->template getValue<std::string>("now"), "2026-11-23T14:00:00Z");
}

TYPED_TEST(HttpQueueTest, PagesCoverTheListOnceInOrder) {
  const std::vector<std::int64_t> all = ids(this->get("/api/v1/exceptions?status=all", "rita"));
  ASSERT_GE(all.size(), 5u);
  std::vector<std::int64_t> paged;
  std::string next = "0";
  int pages = 0;
  while (!next.empty() && pages++ < 100) {
    const Reply page = this->get("/api/v1/exceptions?status=all&limit=2&offset=" + next, "rita");
    ASSERT_EQ(page.status, 200) << page.body;
    for (std::int64_t id : ids(page)) paged.push_back(id);
    const auto json = page.json();
    next = json->isNull("next_offset") ? "" : json->template getValue<std::string>("next_offset");
  }
  EXPECT_EQ(paged, all);

  const std::vector<std::int64_t> by_id =
      ids(this->get("/api/v1/exceptions?status=all&sort=id&order=desc&limit=500", "rita"));
  ASSERT_EQ(by_id.size(), all.size());
  EXPECT_TRUE(std::is_sorted(by_id.rbegin(), by_id.rend()));
  const auto opened = items(this->get("/api/v1/exceptions?status=all&sort=opened", "rita"));
  for (std::size_t i = 1; i < opened.size(); ++i) {
    EXPECT_LE(opened[i - 1]->template getValue<std::string>("opened_at"),
              opened[i]->template getValue<std::string>("opened_at"));
  }
}

TYPED_TEST(HttpQueueTest, ViewsAndFiltersNarrowTheList) {
  const auto all = items(this->get("/api/v1/exceptions?limit=500", "rita"));
  ASSERT_FALSE(all.empty());
  const std::string type = all[0]->template getValue<std::string>("type");
  for (const auto& o : items(this->get("/api/v1/exceptions?type=" + type, "rita"))) {
    EXPECT_EQ(o->template getValue<std::string>("type"), type);
  }
  const std::string partner = all[0]->template getValue<std::string>("partner");
  for (const auto& o : items(this->get("/api/v1/exceptions?partner=" + partner, "rita"))) {
    EXPECT_EQ(o->template getValue<std::string>("partner"), partner);
  }
  for (const auto& o : items(this->get("/api/v1/exceptions?view=breached", "rita"))) {
    EXPECT_TRUE(o->template getValue<bool>("breached"));
  }
  for (const auto& o : items(this->get("/api/v1/exceptions?view=at_risk", "rita"))) {
    EXPECT_TRUE(o->template getValue<bool>("at_risk"));
  }
  EXPECT_EQ(items(this->get("/api/v1/exceptions?view=unassigned", "rita")).size(), all.size())
      << "nobody is assigned anything in the demo week";
  EXPECT_TRUE(items(this->get("/api/v1/exceptions?view=mine", "rita")).empty());
  EXPECT_TRUE(items(this->get("/api/v1/exceptions?view=waiting", "rita")).empty());

  const std::int64_t id = all[0]->template getValue<std::int64_t>("id");
  ASSERT_EQ(
      this->post("/api/v1/exceptions/" + std::to_string(id) + "/assign", R"({"to":"rita"})", "leo")
          .status,
      200);
  EXPECT_EQ(ids(this->get("/api/v1/exceptions?view=mine", "rita")), std::vector<std::int64_t>{id});
  EXPECT_EQ(ids(this->get("/api/v1/exceptions?assignee=rita", "leo")),
            std::vector<std::int64_t>{id});
  EXPECT_EQ(items(this->get("/api/v1/exceptions?view=unassigned", "rita")).size(), all.size() - 1);
  std::set<std::string> severities;
  for (const auto& o : items(this->get("/api/v1/exceptions?severity=high", "rita"))) {
    severities.insert(o->template getValue<std::string>("severity"));
  }
  EXPECT_TRUE(severities.empty() || severities == std::set<std::string>{"high"});
}

TYPED_TEST(HttpQueueTest, ShowHasEvidenceAuditAndTheOrderTimeline) {
  // The first exception about an order the store has (some name a PO nobody sent).
  std::int64_t with_order = 0;
  for (const auto& o : items(this->get("/api/v1/exceptions?limit=500", "rita"))) {
    const std::int64_t id = o->template getValue<std::int64_t>("id");
    if (!this->get("/api/v1/exceptions/" + std::to_string(id), "rita").json()->isNull("order")) {
      with_order = id;
      break;
    }
  }
  ASSERT_GT(with_order, 0);
  const std::string path = "/api/v1/exceptions/" + std::to_string(with_order);
  ASSERT_EQ(this->post(path + "/note", R"({"text":"called the buyer"})", "rita").status, 200);
  const Reply r = this->get(path, "rita");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto detail = r.json();
  EXPECT_EQ(detail->template getValue<std::int64_t>("id"), with_order);
  EXPECT_TRUE(detail->getObject("evidence")) << "the stored evidence object";
  auto audit = detail->getArray("audit");
  ASSERT_TRUE(audit);
  ASSERT_GE(audit->size(), 2u) << "opened, noted";
  auto last = audit->getObject(static_cast<unsigned>(audit->size() - 1));
  EXPECT_EQ(last->template getValue<std::string>("actor"), "rita");
  EXPECT_EQ(last->template getValue<std::string>("action"), "noted");
  EXPECT_EQ(last->template getValue<std::string>("note"), "called the buyer");
  EXPECT_TRUE(detail->getArray("waits"));
  auto order = detail->getObject("order");
  ASSERT_TRUE(order) << r.body;
  EXPECT_EQ(order->template getValue<std::string>("po"),
            detail->template getValue<std::string>("po"));
  EXPECT_GE(order->getArray("timeline")->size(), 1u);
}

}  // namespace
}  // namespace ordex::app::http::testing
