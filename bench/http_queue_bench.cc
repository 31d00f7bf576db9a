// http_queue_bench: the issue's figure for the HTTP API, "a queue page at 1M exceptions answers
// in p99 < 50 ms at 200 concurrent requests". Starts the real HttpService in this process over
// a store of N generated exceptions (bench/generated_exceptions.h: 5 % active, all unassigned)
// and drives GET /api/v1/exceptions?view=unassigned&limit=50 with C concurrent keep-alive
// connections (bench/http_load.h), authenticated by an API token as a script would be. The
// reference, measured in the same run with the same connections: GET /healthz, the least any
// request through the same server costs.
//
//   http_queue_bench [N] [DB] [SECONDS] [CONNECTIONS] [SERVER_THREADS] [STORE_SESSIONS] [LOAD]
//   defaults: 1000000, a temporary SQLite file, 10, 200, 256, 0 (the service's default), builtin
//
// LOAD = wrk runs Debian's `wrk` (epoll, two threads: far less client overhead than a thread
// per connection on a small machine) against the same service instead of the built-in
// generator, with the token in a header (-H), and prints its latency distribution.
//
// DB may be a postgresql:// URL. A DB path given is kept and reused by the next run when it
// holds N exceptions. Prints the page query's plan first: the page must come from an index in
// order (migration 0003), not from a sort of every active exception.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "app/auth/directory.h"
#include "app/http/http_service.h"
#include "bench/generated_exceptions.h"
#include "bench/http_load.h"
#include "exceptions/exception_filter.h"
#include "exceptions/exception_store.h"
#include "exceptions/exceptions_config.h"
#include "orders/database.h"

namespace {

using namespace ordex;

constexpr orders::Instant kAsOf = 1795017600;  // 2026-11-18T16:00:00Z, as report_bench
constexpr const char* kPage = "/api/v1/exceptions?view=unassigned&limit=50";

int fail(const std::string& what) {
  std::fprintf(stderr, "http_queue_bench: %s\n", what.c_str());
  return 1;
}

// The plan of the unassigned page's statement, one line per step.
void print_plan(orders::Database db) {
  exceptions::ExceptionFilter filter;
  filter.assignee = exceptions::kUnassigned;
  filter.limit = 51;
  const exceptions::FilterSql sql = exceptions::list_sql(filter, kAsOf);
  const bool sqlite = db.engine() == orders::Engine::kSqlite;
  const std::string text = (sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + sql.sql;
  auto q = db.prepare(
      orders::SqlQuery{"bench_plan", sql.param_types.c_str(), sqlite ? "iiit" : "t", text.c_str()});
  if (!q.ok()) return (void)std::printf("plan: %s\n", q.error().c_str());
  for (std::size_t i = 0; i < sql.params.size(); ++i) {
    std::visit([&](const auto& v) { q.value()->set(i, v); }, sql.params[i]);
  }
  if (auto s = db.run(*q.value()); !s.ok())
    return (void)std::printf("plan: %s\n", s.error().c_str());
  std::printf("page query plan:\n");
  for (std::size_t r = 0; r < q.value()->rows(); ++r) {
    std::printf("  %s\n", q.value()->text(r, sqlite ? 3 : 0).c_str());
  }
}

// A lead with an API token (a new token each run; the user is made once).
orders::Result<std::string> bench_token(orders::Store& store) {
  auto directory = app::auth::Directory::open(store.database(), {.pbkdf2_iterations = 1000});
  if (!directory.ok()) return orders::Failure{directory.error()};
  auto users = directory.value().users();
  if (!users.ok()) return orders::Failure{users.error()};
  bool exists = false;
  for (const auto& u : users.value()) exists = exists || u.user == "bench";
  if (!exists) {
    auto added =
        directory.value().add_user("bench", "bench password", app::auth::Role::kLead, kAsOf);
    if (!added.ok()) return orders::Failure{added.error()};
  }
  // The last run's token is revoked (its text is gone); a reused database gets a fresh one.
  (void)directory.value().revoke_tokens("bench", "http_queue_bench");
  return directory.value().issue_token("bench", "http_queue_bench", kAsOf);
}

// Runs wrk against one target; false when wrk could not run.
bool run_wrk(std::uint16_t port, const std::string& target, const std::string& header,
             int connections, double seconds) {
  // Above the server's priority: on a machine this small, a client starved by the server's
  // threads would count its own wait as the server's latency.
  std::string command = "nice -n -10 wrk --latency -t2 -c" + std::to_string(connections) + " -d" +
                        std::to_string(static_cast<int>(seconds)) + "s";
  if (!header.empty()) command += " -H '" + header + "'";
  command += " 'http://127.0.0.1:" + std::to_string(port) + target + "'";
  std::printf("$ wrk ... %s\n", target.c_str());
  std::fflush(stdout);
  return std::system(command.c_str()) == 0;
}

void print(const char* what, const bench::LoadResult& r) {
  std::printf(
      "%-9s %8zu ok %5zu failed in %5.1f s: %8.0f req/s  p50 %6.2f ms  p90 %6.2f ms  "
      "p99 %6.2f ms  max %7.2f ms\n",
      what, r.requests, r.failures, r.seconds, r.per_second(), r.p50_ms, r.p90_ms, r.p99_ms,
      r.max_ms);
}

}  // namespace

int main(int argc, char** argv) {
  const std::int64_t n = argc > 1 ? std::stoll(argv[1]) : 1000000;
  const bool keep = argc > 2;
  const std::string db =
      keep ? argv[2] : (std::filesystem::temp_directory_path() / "ordex-http-bench.db").string();
  const double seconds = argc > 3 ? std::stod(argv[3]) : 10;
  const int connections = argc > 4 ? std::stoi(argv[4]) : 200;
  const int server_threads = argc > 5 ? std::stoi(argv[5]) : 256;
  const int sessions = argc > 6 ? std::stoi(argv[6]) : 0;
  const bool wrk = argc > 7 && std::string(argv[7]) == "wrk";
  if (!keep) std::filesystem::remove(db);

  std::string token;
  {
    auto store = orders::Store::open(db);
    if (!store.ok()) return fail(store.error());
    auto ex = exceptions::ExceptionStore::open(*store.value());  // migrates, indexes included
    if (!ex.ok()) return fail(ex.error());
    orders::Database database = store.value()->database();
    if (auto s = bench::generate_exceptions(database, n, kAsOf); !s.ok()) return fail(s.error());
    print_plan(database);
    auto issued = bench_token(*store.value());
    if (!issued.ok()) return fail(issued.error());
    token = issued.value();
  }

  app::http::HttpSettings settings;
  settings.db = db;
  settings.port = 0;
  settings.threads = server_threads;
  settings.store_sessions = sessions;
  settings.rules = exceptions::ExceptionsConfig::defaults();
  settings.clock = [] { return kAsOf; };
  app::http::HttpService service(settings, {});
  if (auto s = service.start(); !s.ok()) return fail(s.error());
  std::printf(
      "%lld exceptions, %d connections, %d server threads, %d store sessions (0 = the "
      "service's default), %.0f s each\n",
      static_cast<long long>(n), connections, server_threads, sessions, seconds);

  bench::LoadSpec spec{service.port(), "/healthz", {}, connections, seconds};
  const bench::LoadSpec warm{
      service.port(), kPage, {{"Authorization", "Bearer " + token}}, connections, 2};
  (void)bench::run_load(warm);  // opens the sessions, fills the page cache
  if (wrk) {
    const bool ran =
        run_wrk(service.port(), "/healthz", "", connections, seconds) &&
        run_wrk(service.port(), kPage, "Authorization: Bearer " + token, connections, seconds);
    service.stop();
    return ran ? 0 : fail("wrk did not run (apt-get install wrk)");
  }
  const bench::LoadResult reference = bench::run_load(spec);
  spec.target = kPage;
  spec.headers = warm.headers;
  const bench::LoadResult page = bench::run_load(spec);
  print("healthz", reference);
  print("page", page);
  std::printf("page / healthz: p99 %.1f x, throughput %.2f x; target p99 < 50 ms: %s\n",
              page.p99_ms / reference.p99_ms, page.per_second() / reference.per_second(),
              page.p99_ms < 50 ? "met" : "NOT met");
  service.stop();
  if (!keep) std::filesystem::remove(db);
  return page.failures == 0 && reference.failures == 0 ? 0 : 1;
}
