#include "app/http/exception_actions.h"

#include "app/clock_option.h"
#include "app/command.h"
#include "app/http/api_error.h"

namespace ordex::app::http {

namespace {

using exceptions::WorkQueue;
using Change = WorkQueue::Change;
using auth::Role;

Change claim(const JsonBody&) {
  return [](WorkQueue& q, std::int64_t id) { return q.claim(id); };
}
Change release(const JsonBody&) {
  return [](WorkQueue& q, std::int64_t id) { return q.release(id); };
}
Change resume(const JsonBody&) {
  return [](WorkQueue& q, std::int64_t id) { return q.resume(id); };
}
Change assign(const JsonBody& body) {
  if (!body.has("to")) throw bad_request("'to' is required: a user, or \"\" to unassign");
  std::string to = body.required_text("to");
  if (to == exceptions::kUnassigned) to.clear();
  return [to](WorkQueue& q, std::int64_t id) { return q.assign(id, to); };
}
Change note(const JsonBody& body) {
  const std::string text = body.required_text("text");
  if (text.empty()) throw bad_request("'text' must not be empty");
  return [text](WorkQueue& q, std::int64_t id) { return q.note(id, text); };
}
Change wait(const JsonBody& body) {
  const std::string value = body.required_text("until");
  exceptions::Instant until = 0;
  try {
    until = parse_as_of(value).time_since_epoch().count();
  } catch (const UsageError&) {
    throw bad_request("'until' must be an ISO 8601 date-time, not '" + value + "'");
  }
  const std::string on = body.text("on").value_or("customer");
  return [until, on](WorkQueue& q, std::int64_t id) { return q.wait(id, until, on); };
}
std::string reason_of(const JsonBody& body) {
  const std::string reason = body.required_text("reason");
  if (reason.empty()) throw bad_request("'reason' must not be empty");
  return reason;
}
Change resolve(const JsonBody& body) {
  const std::string reason = reason_of(body);
  return [reason](WorkQueue& q, std::int64_t id) { return q.resolve(id, reason); };
}
Change reopen(const JsonBody& body) {
  const std::string reason = reason_of(body);
  return [reason](WorkQueue& q, std::int64_t id) { return q.reopen(id, reason); };
}
Change merge(const JsonBody& body) {
  const std::int64_t into = body.required_id("into");
  return [into](WorkQueue& q, std::int64_t id) { return q.merge(id, into); };
}

constexpr std::array<ExceptionAction, 9> kActions = {{
    {"claim", Role::kRep, {}, claim},
    {"release", Role::kRep, {}, release},
    {"resume", Role::kRep, {}, resume},
    {"note", Role::kRep, {"text"}, note},
    {"wait", Role::kRep, {"until", "on"}, wait},
    {"resolve", Role::kRep, {"reason"}, resolve},
    {"assign", Role::kLead, {"to"}, assign},
    {"reopen", Role::kLead, {"reason"}, reopen},
    {"merge", Role::kLead, {"into"}, merge},
}};

}  // namespace

std::span<const ExceptionAction> exception_actions() { return kActions; }

const ExceptionAction* find_exception_action(std::string_view name) {
  for (const ExceptionAction& a : kActions) {
    if (a.name == name) return &a;
  }
  return nullptr;
}

}  // namespace ordex::app::http
