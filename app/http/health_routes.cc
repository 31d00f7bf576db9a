// GET /healthz, /readyz and /metrics: for the load balancer, the orchestrator and Prometheus.
// Public: they say nothing a caller could not learn by trying, and scrapers carry no session.
#include "app/http/api_error.h"
#include "app/http/exchange.h"
#include "app/http/json_out.h"
#include "app/http/routes.h"
#include "app/http/store_metrics.h"

namespace ordex::app::http {

namespace {

constexpr const char* kPrometheusText = "text/plain; version=0.0.4; charset=utf-8";

// 200 while the process serves: nothing else is checked, so a slow database never gets the
// process restarted.
void healthz(Exchange& ex) { ex.send(200, "text/plain; charset=utf-8", "ok\n"); }

// 200 when the daemon says it is ready and a pooled session answers SELECT 1 (it was opened,
// so the migrations ran); 503 with the reason otherwise.
void readyz(Exchange& ex) {
  const ServiceHooks& hooks = ex.context().hooks;
  std::string problem;
  if (hooks.ready && !hooks.ready()) problem = "the daemon is starting, stopping or reconnecting";
  if (problem.empty()) {
    auto lease = ex.context().pool->borrow();
    if (!lease.ok()) {
      problem = lease.error();
    } else if (orders::Status s = ping(*lease.value()); !s.ok()) {
      problem = s.error();
    }
  }
  if (problem.empty()) return ex.json(200, "{\"ready\":true}");
  ex.json(503, JsonOut('{').key("ready").boolean(false).key("reason").string(problem).close());
}

void metrics(Exchange& ex) {
  std::string text = ex.context().metrics->render();
  if (ex.context().hooks.daemon_metrics) text += ex.context().hooks.daemon_metrics();
  // The HTTP and daemon figures are worth scraping even while the database is away.
  auto lease = ex.context().pool->borrow();
  auto store = lease.ok() ? store_metrics(*lease.value(), ex.now())
                          : orders::Result<std::string>(orders::Failure{lease.error()});
  text +=
      "# HELP ordex_database_up Whether the last scrape could read the database.\n"
      "# TYPE ordex_database_up gauge\n";
  text += store.ok() ? "ordex_database_up 1\n" + store.value() : "ordex_database_up 0\n";
  ex.send(200, kPrometheusText, text);
}

}  // namespace

void add_health_routes(Router& router, const ServiceContext&) {
  router.add({"GET", "/healthz", std::nullopt, healthz});
  router.add({"GET", "/readyz", std::nullopt, readyz});
  router.add({"GET", "/metrics", std::nullopt, metrics});
}

}  // namespace ordex::app::http
