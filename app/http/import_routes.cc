// GET /api/v1/imports (the files the store recorded, newest first, with their document and
// finding counts), GET /api/v1/imports/status (the daemon's import jobs) and POST
// /api/v1/imports/{file_id}/rerun (admin: import a quarantined file again through the daemon).
#include <limits>

#include "app/http/api_error.h"
#include "app/http/exchange.h"
#include "app/http/json_body.h"
#include "app/http/json_out.h"
#include "app/http/paging.h"
#include "app/http/routes.h"
#include "orders/database.h"
#include "orders/time_zone.h"

namespace ordex::app::http {

namespace {

// Paged by id (newest first): the primary key gives the order, the counts are per page row.
constexpr orders::SqlQuery kFiles{
    "http_import_files", "iii", "ittttiiii",
    "SELECT f.id, f.path, f.sha256, f.disposition, f.reason, f.imported_at, f.bytes, "
    "(SELECT COUNT(*) FROM documents d WHERE d.src_file_id = f.id), "
    "(SELECT COUNT(*) FROM documents d WHERE d.src_file_id = f.id AND d.status = 'rejected') "
    "FROM inbound_files f WHERE f.id <= ? ORDER BY f.id DESC LIMIT ? OFFSET ?"};

std::string files_json(const orders::Query& q, std::size_t rows) {
  JsonOut items('[');
  for (std::size_t r = 0; r < rows; ++r) {
    JsonOut o('{');
    o.key("id").integer(q.integer(r, 0)).key("path").string(q.text(r, 1));
    o.key("sha256").string(q.text(r, 2)).key("disposition").string(q.text(r, 3));
    o.key("reason").string(q.text(r, 4));
    o.key("received").string(orders::format_utc(q.integer(r, 5)));
    o.key("bytes").integer(q.integer(r, 6));
    JsonOut counts('{');
    counts.key("documents").integer(q.integer(r, 7)).key("rejected").integer(q.integer(r, 8));
    o.key("counts").raw(counts.close());
    items.raw(o.close());
  }
  return items.close();
}

orders::Query& files_query(Exchange& ex, std::int64_t max_id, std::int64_t limit,
                           std::int64_t offset, std::unique_ptr<orders::Query>& holder) {
  orders::Database db = ex.session().store->database();
  auto q = db.prepare(kFiles);
  if (!q.ok()) database_failed(ex, q.error());
  holder = std::move(q).value();
  holder->set(0, max_id);
  holder->set(1, limit);
  holder->set(2, offset);
  if (orders::Status s = db.run(*holder); !s.ok()) database_failed(ex, s.error());
  return *holder;
}

void list(Exchange& ex) {
  for (const auto& [name, value] : ex.query_params()) {
    if (name != "limit" && name != "offset") {
      throw ApiError(400, "unknown_field", "unknown query parameter '" + name + "'");
    }
  }
  const Page page = page_of(ex);
  std::unique_ptr<orders::Query> q;
  files_query(ex, std::numeric_limits<std::int64_t>::max(), page.limit + 1, page.offset, q);
  const bool more = static_cast<std::int64_t>(q->rows()) > page.limit;
  ex.json(200, page_json(files_json(*q, more ? q->rows() - 1 : q->rows()), page, more));
}

void status(Exchange& ex) {
  const auto& hooks = ex.context().hooks;
  if (!hooks.jobs_status) throw not_found("this process runs no import jobs");
  ex.json(200, hooks.jobs_status());
}

void rerun(Exchange& ex) {
  const std::int64_t id = ex.id_param("file_id");
  const JsonBody body(ex, std::span<const std::string_view>());  // nothing to say but {}
  std::unique_ptr<orders::Query> q;
  files_query(ex, id, 1, 0, q);
  if (q->rows() == 0 || q->integer(0, 0) != id) throw not_found("no file " + std::to_string(id));
  const auto& hooks = ex.context().hooks;
  if (!hooks.rerun_file) throw not_found("this process runs no import jobs to re-run a file");
  auto outcome = hooks.rerun_file(id);
  if (!outcome.ok()) throw ApiError(409, "invalid_state", outcome.error());
  ex.json(200, outcome.value());
}

}  // namespace

void add_import_routes(Router& router) {
  router.add({"GET", "/api/v1/imports", auth::Role::kRep, list});
  router.add({"GET", "/api/v1/imports/status", auth::Role::kRep, status});
  router.add({"POST", "/api/v1/imports/{file_id}/rerun", auth::Role::kAdmin, rerun});
}

}  // namespace ordex::app::http
