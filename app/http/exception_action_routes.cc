// POST /api/v1/exceptions/{id}/<action> (claim, release, resume, assign, note, wait, resolve,
// reopen, merge) and POST /api/v1/exceptions/bulk: changes, each audited as the principal.
// A single change answers with the exception as it is afterwards; bulk with what changed and
// what failed, and why (each exception is its own transaction, so one failure stops nothing).
#include "app/exception_table.h"
#include "app/http/exception_actions.h"
#include "app/http/exception_query.h"
#include "app/http/json_out.h"
#include "app/http/queue_access.h"
#include "app/http/routes.h"

namespace ordex::app::http {

namespace {

constexpr std::array<std::string_view, 7> kFilterKeys = {"view",    "status",   "queue",   "type",
                                                         "partner", "severity", "assignee"};

Handler single(const ExceptionAction& action) {
  return [&action](Exchange& ex) {
    const std::int64_t id = ex.id_param("id");
    const JsonBody body(ex, action.members);
    const exceptions::WorkQueue::Change change = action.change(body);
    auto queue = acting_queue(ex);
    const exceptions::ExceptionRecord changed = checked(ex, change(*queue, id));
    ex.json(200, exception_json(changed, queue->now()));
  };
}

std::string outcome_json(const exceptions::BulkOutcome& outcome) {
  JsonOut changed('[');
  for (std::int64_t id : outcome.changed) changed.integer(id);
  JsonOut failed('[');
  for (const auto& [id, failure] : outcome.failed) {
    const ApiError error = queue_error(failure);
    JsonOut o('{');
    o.key("id").integer(id).key("code").string(error.code()).key("message").string(error.message());
    failed.raw(o.close());
  }
  JsonOut o('{');
  o.key("changed").raw(changed.close()).key("failed").raw(failed.close());
  return o.close();
}

// The bulk body: "action", "ids" or "filter", and the action's own members.
void bulk(Exchange& ex) {
  const JsonBody head(ex,
                      {"action", "ids", "filter", "to", "text", "until", "on", "reason", "into"});
  const std::string name = head.required_text("action");
  const ExceptionAction* action = find_exception_action(name);
  if (action == nullptr) {
    throw bad_request(
        "'action' must be claim, release, assign, note, wait, resume, resolve, "
        "reopen or merge, not '" +
        name + "'");
  }
  // The action's members only: "reason" with a claim is as wrong in bulk as alone.
  for (std::string_view member : {"to", "text", "until", "on", "reason", "into"}) {
    const bool own =
        std::find(action->members.begin(), action->members.end(), member) != action->members.end();
    if (!own && head.has(std::string(member))) {
      throw ApiError(400, "unknown_field",
                     "unknown field '" + std::string(member) + "' for the " + name + " action");
    }
  }
  if (head.has("ids") == head.has("filter")) {
    throw bad_request("give either 'ids' (a list) or 'filter' (the list's query keys)");
  }
  const exceptions::WorkQueue::Change change = action->change(head);
  auto queue = acting_queue(ex);
  exceptions::BulkOutcome outcome;
  if (head.has("ids")) {
    for (std::int64_t id : head.ids("ids")) {
      auto done = change(*queue, id);
      if (done.ok()) {
        outcome.changed.push_back(id);
      } else {
        outcome.failed.emplace_back(id, done.failure());
      }
    }
  } else {
    const JsonBody filter_body(head.object("filter"), "the filter", kFilterKeys);
    const exceptions::ExceptionFilter filter =
        parse_exception_query(filter_body.as_parameters(), ex.principal().user, false);
    outcome = name == "merge" ? checked(ex, queue->merge_all(filter, head.required_id("into")))
                              : checked(ex, queue->bulk(filter, change));
  }
  ex.json(200, outcome_json(outcome));
}

}  // namespace

void add_exception_action_routes(Router& router) {
  // Before the per-id routes: "bulk" is not an id.
  router.add({"POST", "/api/v1/exceptions/bulk", auth::Role::kLead, bulk});
  for (const ExceptionAction& action : exception_actions()) {
    router.add({"POST", "/api/v1/exceptions/{id}/" + std::string(action.name), action.role,
                single(action)});
  }
}

}  // namespace ordex::app::http
