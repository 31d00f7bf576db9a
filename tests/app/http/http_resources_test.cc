// Everything beside the queue: orders, imports (with and without the daemon's hooks), the
// daily report in its three forms, health, readiness, metrics and the web queue's files.
#include <Poco/JSON/Array.h>

#include <regex>
#include <sstream>

#include "tests/app/http/http_test_base.h"

namespace ordex::app::http::testing {
namespace {

template <typename E>
class HttpResourcesTest : public HttpApiTest<E> {};
TYPED_TEST_SUITE(HttpResourcesTest, StoreEngines, StoreEngineNames);

TYPED_TEST(HttpResourcesTest, OrdersListAndTimeline) {
  const Reply list = this->get("/api/v1/orders?limit=3", "rita");
  ASSERT_EQ(list.status, 200) << list.body;
  auto items = list.json()->getArray("items");
  ASSERT_EQ(items->size(), 3u);
  EXPECT_EQ(list.json()->template getValue<int>("next_offset"), 3);
  const auto first = items->getObject(0);
  for (const char* key : {"partner", "po", "order_date", "ship_by", "due", "status", "ordered_qty",
                          "shipped_qty", "delivered_at", "open_exceptions"}) {
    EXPECT_TRUE(first->has(key)) << key;
  }
  const std::string partner = first->template getValue<std::string>("partner");
  const std::string po = first->template getValue<std::string>("po");
  const Reply order = this->get("/api/v1/orders/" + partner + "/" + po, "rita");
  ASSERT_EQ(order.status, 200) << order.body;
  EXPECT_EQ(order.json()->template getValue<std::string>("po"), po);
  auto timeline = order.json()->getArray("timeline");
  ASSERT_GE(timeline->size(), 1u);
  EXPECT_TRUE(timeline->getObject(0)->getObject("source")->has("file_id"));
  EXPECT_EQ(this->get("/api/v1/orders/" + partner + "/NO-SUCH-PO", "rita").status, 404);
  const Reply of_partner = this->get("/api/v1/orders?partner=" + partner + "&limit=500", "rita");
  const Poco::JSON::Array::Ptr theirs = of_partner.json()->getArray("items");
  ASSERT_GE(theirs->size(), 1u);
  for (unsigned i = 0; i < theirs->size(); ++i) {
    EXPECT_EQ(theirs->getObject(i)->getValue<std::string>("partner"), partner);
  }
  EXPECT_EQ(this->get("/api/v1/orders?colour=red", "rita").error_code(), "unknown_field");

  // Pages of 3 cover the list once, in order, and the last says there is no next one.
  const Reply whole = this->get("/api/v1/orders?limit=500", "rita");
  const auto every = whole.json()->getArray("items");
  std::vector<std::string> paged;
  for (int offset = 0;;) {
    const Reply p = this->get("/api/v1/orders?limit=3&offset=" + std::to_string(offset), "rita");
    ASSERT_EQ(p.status, 200) << p.body;
    const auto got = p.json()->getArray("items");
    for (unsigned i = 0; i < got->size(); ++i) {
      paged.push_back(got->getObject(i)->getValue<std::string>("po"));
    }
    if (p.json()->isNull("next_offset")) break;
    offset = p.json()->template getValue<int>("next_offset");
  }
  ASSERT_EQ(paged.size(), every->size());
  for (unsigned i = 0; i < every->size(); ++i) {
    EXPECT_EQ(paged[i], every->getObject(i)->getValue<std::string>("po")) << i;
  }
}

TYPED_TEST(HttpResourcesTest, ImportsListAndTheDaemonsJobs) {
  const Reply files = this->get("/api/v1/imports?limit=500", "rita");
  ASSERT_EQ(files.status, 200) << files.body;
  auto items = files.json()->getArray("items");
  ASSERT_GE(items->size(), 5u) << "the demo week has a file per document";
  const auto newest = items->getObject(0);
  EXPECT_GT(newest->template getValue<std::int64_t>("id"),
            items->getObject(1)->template getValue<std::int64_t>("id"));
  EXPECT_EQ(newest->template getValue<std::string>("sha256").size(), 64u);
  EXPECT_TRUE(newest->getObject("counts")->has("documents"));
  // Without the daemon's hooks, the job endpoints say there is no daemon.
  EXPECT_EQ(this->get("/api/v1/imports/status", "rita").status, 404);
  EXPECT_EQ(this->post("/api/v1/imports/1/rerun", "", "ada").status, 404);

  this->stop();
  ServiceHooks hooks;
  hooks.jobs_status = [] { return std::string(R"({"jobs":[{"name":"edi"}]})"); };
  std::vector<std::int64_t> reran;
  hooks.rerun_file = [&reran](std::int64_t id) -> orders::Result<std::string> {
    reran.push_back(id);
    if (id == 1) return orders::Failure{"file 1 is archived, not quarantined"};
    return std::string(R"({"imported":true})");
  };
  hooks.daemon_metrics = [] { return std::string("ordex_imports_total{result=\"ok\"} 7\n"); };
  ASSERT_NO_FATAL_FAILURE(this->start({}, hooks));
  EXPECT_EQ(this->get("/api/v1/imports/status", "rita").body, R"({"jobs":[{"name":"edi"}]})");
  const Reply refused = this->post("/api/v1/imports/1/rerun", "", "ada");
  EXPECT_EQ(refused.status, 409);
  EXPECT_NE(refused.body.find("archived"), std::string::npos);
  EXPECT_EQ(this->post("/api/v1/imports/2/rerun", "{}", "ada").body, R"({"imported":true})");
  EXPECT_EQ(this->post("/api/v1/imports/987654/rerun", "{}", "ada").status, 404);
  EXPECT_EQ(reran, (std::vector<std::int64_t>{1, 2}));
  EXPECT_NE(this->get("/metrics", "").body.find("ordex_imports_total{result=\"ok\"} 7"),
            std::string::npos);
}

TYPED_TEST(HttpResourcesTest, DailyReportInEachFormat) {
  const Reply json = this->get("/api/v1/reports/daily", "mia");
  ASSERT_EQ(json.status, 200) << json.body;
  EXPECT_TRUE(json.json()->has("as_of") || json.json()->size() > 3) << json.body.substr(0, 200);
  const Reply by_date = this->get("/api/v1/reports/daily?date=2026-11-22", "mia");
  ASSERT_EQ(by_date.status, 200) << by_date.body;
  EXPECT_NE(by_date.body.find("2026-11-22"), std::string::npos);
  const Reply html =
      this->get("/api/v1/reports/daily?format=html&as_of=2026-11-23T08:00:00-06:00", "rita");
  ASSERT_EQ(html.status, 200);
  EXPECT_EQ(html.head.getContentType(), "text/html; charset=utf-8");
  EXPECT_NE(html.body.find("<html"), std::string::npos);
  const Reply csv = this->get("/api/v1/reports/daily?format=csv", "rita");
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.head.getContentType(), "text/csv; charset=utf-8");
  EXPECT_EQ(this->get("/api/v1/reports/daily?format=csv&table=nope", "rita").status, 404);
  EXPECT_EQ(this->get("/api/v1/reports/daily?date=2026-13-45", "rita").error_code(), "bad_request");
  EXPECT_EQ(this->get("/api/v1/reports/daily?format=pdf", "rita").error_code(), "bad_request");
}

TYPED_TEST(HttpResourcesTest, HealthReadinessAndMetrics) {
  const Reply health = this->get("/healthz", "");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.body, "ok\n");
  EXPECT_EQ(this->get("/readyz", "").status, 200);
  ASSERT_EQ(this->get("/api/v1/exceptions", "rita").status, 200);
  ASSERT_EQ(this->get("/api/v1/exceptions/abc", "rita").status, 400);
  const Reply metrics = this->get("/metrics", "");
  ASSERT_EQ(metrics.status, 200);
  EXPECT_EQ(metrics.head.getContentType().rfind("text/plain; version=0.0.4", 0), 0u);
  // Every line is a comment or `name{labels} value` (the Prometheus text format).
  const std::regex sample(
      R"(^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="([^"\\]|\\.)*",?)*\})? -?[0-9.eE+-]+(Inf)?$)");
  std::istringstream lines(metrics.body);
  std::string line;
  int samples = 0;
  while (std::getline(lines, line)) {
    if (line.rfind("# HELP ", 0) == 0 || line.rfind("# TYPE ", 0) == 0) continue;
    EXPECT_TRUE(std::regex_match(line, sample)) << line;
    ++samples;
  }
  EXPECT_GT(samples, 10);
  const std::string& text = metrics.body;
  EXPECT_NE(text.find("ordex_exceptions{type=\""), std::string::npos);
  EXPECT_NE(text.find("ordex_sla_breached "), std::string::npos);
  EXPECT_NE(text.find("ordex_database_up 1"), std::string::npos);
  EXPECT_NE(text.find("ordex_http_requests_total{route=\"/api/v1/exceptions\",code=\"200\"} 1"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("ordex_http_requests_total{route=\"/api/v1/exceptions/{id}\",code=\"400\"}"),
            std::string::npos);
  EXPECT_NE(text.find("ordex_http_request_duration_seconds_bucket{route=\"/healthz\",le=\"+Inf\"}"),
            std::string::npos);
}

TYPED_TEST(HttpResourcesTest, WebAssetsWithETags) {
  const Reply page = this->get("/", "");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.head.getContentType().rfind("text/html", 0), 0u);
  const std::string etag = page.header("ETag");
  ASSERT_FALSE(etag.empty());
  EXPECT_EQ(this->get("/ui/exceptions/12", "").body, page.body) << "the page routes itself";
  const Reply again = this->client().call("GET", "/", "", {{"If-None-Match", etag}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  const Reply script = this->get("/assets/app.js", "");
  ASSERT_EQ(script.status, 200);
  EXPECT_NE(script.head.getContentType().find("javascript"), std::string::npos);
  EXPECT_EQ(this->get("/assets/nothing.js", "").status, 404);
  EXPECT_EQ(this->get("/assets/../CMakeLists.txt", "").status, 404);
}

}  // namespace
}  // namespace ordex::app::http::testing
