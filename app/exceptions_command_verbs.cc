#include "app/exceptions_command_verbs.h"

#include <iostream>

#include "app/clock_option.h"
#include "app/exception_table.h"
#include "orders/time_zone.h"

namespace ordex::app::exceptions_cli {

using exceptions::ExceptionRecord;
using exceptions::QueueErrc;
using exceptions::QueueResult;

int report(const exceptions::QueueFailure& failure) {
  std::cerr << "ordex exceptions: " << failure.message << '\n';
  const bool refused = failure.code == QueueErrc::kConflict || failure.code == QueueErrc::kInvalid;
  return refused ? kExitRejected : kExitUsage;
}

namespace {

// A change's result: the record as a list line in json / csv, a sentence in a table.
void print_changed(Context& c, const std::string& verb, const ExceptionRecord& r) {
  if (c.format != ListFormat::kTable) {
    print_exception_list(std::cout, {r}, c.format, c.queue.now());
    return;
  }
  std::cout << verb << ' ' << r.id << ": " << to_string(r.type) << ' ' << r.partner_id << ' '
            << r.po_number << "  status " << to_string(r.status);
  if (!r.assignee.empty()) std::cout << "  assignee " << r.assignee;
  if (!r.claimed_by.empty()) {
    std::cout << "  claimed by " << r.claimed_by << " until "
              << orders::format_utc(r.claim_expires);
  }
  if (r.resolve_due && exceptions::is_active(r.status)) {
    std::cout << "  resolve due " << relative_due(*r.resolve_due, c.queue.now());
  }
  std::cout << '\n';
}

std::string required(const Arguments& args, const std::string& option, const std::string& verb) {
  if (!args.has(option) || args.get(option).empty()) {
    throw UsageError{"exceptions " + verb + " needs --" + option};
  }
  return args.get(option);
}

// Text from an option, else the positionals after the ID (notes are usually typed unquoted).
std::string text_of(const Arguments& args, const std::string& option, std::size_t from,
                    const std::string& verb) {
  if (args.has(option)) return required(args, option, verb);
  std::string text;
  for (std::size_t i = from; i < args.positional.size(); ++i) {
    text += (text.empty() ? "" : " ") + args.positional[i];
  }
  if (text.empty()) throw UsageError{"exceptions " + verb + " needs --" + option};
  return text;
}

exceptions::Instant until_of(const Arguments& args) {
  const std::string value = required(args, "until", "wait");
  try {
    return parse_as_of(value).time_since_epoch().count();
  } catch (const UsageError&) {
    throw UsageError{"--until '" + value + "' is not an ISO 8601 date-time"};
  }
}

// --into ID of merge.
std::int64_t into_argument(const Arguments& args) {
  Arguments as_id;
  as_id.positional = {"merge", required(args, "into", "merge")};
  return id_argument(as_id);
}

// The change a verb makes, with its arguments read now (so a usage error comes before any
// change is made, bulk or not).
exceptions::WorkQueue::Change change_of(const Arguments& args, const std::string& verb, bool bulk) {
  using exceptions::WorkQueue;
  const std::size_t text_from = bulk ? 1 : 2;
  if (verb == "claim") return [](WorkQueue& q, std::int64_t id) { return q.claim(id); };
  if (verb == "release") return [](WorkQueue& q, std::int64_t id) { return q.release(id); };
  if (verb == "assign") {
    std::string to = args.has("to") ? args.get("to") : text_of(args, "to", text_from, verb);
    if (to == exceptions::kUnassigned) to.clear();
    return [to](WorkQueue& q, std::int64_t id) { return q.assign(id, to); };
  }
  if (verb == "note") {
    const std::string text = text_of(args, "text", text_from, verb);
    return [text](WorkQueue& q, std::int64_t id) { return q.note(id, text); };
  }
  if (verb == "wait") {
    const exceptions::Instant until = until_of(args);
    const std::string on = args.get("on", "customer");
    return [until, on](WorkQueue& q, std::int64_t id) { return q.wait(id, until, on); };
  }
  if (verb == "resume") return [](WorkQueue& q, std::int64_t id) { return q.resume(id); };
  if (verb == "resolve" || verb == "reopen") {
    const std::string reason = required(args, "reason", verb);
    if (verb == "resolve") {
      return [reason](WorkQueue& q, std::int64_t id) { return q.resolve(id, reason); };
    }
    return [reason](WorkQueue& q, std::int64_t id) { return q.reopen(id, reason); };
  }
  // merge (its bulk form is WorkQueue::merge_all, which leaves the target out)
  const std::int64_t into_id = into_argument(args);
  return [into_id](WorkQueue& q, std::int64_t id) { return q.merge(id, into_id); };
}

const char* past_tense(const std::string& verb) {
  static const std::pair<const char*, const char*> kWords[] = {
      {"claim", "claimed"},    {"release", "released"}, {"assign", "assigned"},
      {"note", "noted"},       {"wait", "waiting"},     {"resume", "resumed"},
      {"resolve", "resolved"}, {"reopen", "reopened"},  {"merge", "merged"}};
  for (const auto& [v, past] : kWords) {
    if (verb == v) return past;
  }
  return "changed";
}

int print_bulk(Context& c, const std::string& verb, const exceptions::BulkOutcome& outcome) {
  for (std::int64_t id : outcome.changed) {
    QueueResult<ExceptionRecord> r = c.queue.get(id);
    if (r.ok()) print_changed(c, past_tense(verb), r.value());
  }
  for (const auto& [id, failure] : outcome.failed) {
    std::cerr << "ordex exceptions: " << id << ": " << failure.message << '\n';
  }
  if (c.format == ListFormat::kTable) {
    std::cout << past_tense(verb) << ' ' << outcome.changed.size() << " of "
              << outcome.changed.size() + outcome.failed.size() << " exceptions\n";
  }
  return outcome.failed.empty() ? kExitOk : kExitRejected;
}

}  // namespace

int list(Context& c) {
  if (c.args.positional.size() != 1) throw UsageError{"exceptions list takes no arguments"};
  QueueResult<std::vector<ExceptionRecord>> found = c.queue.list(filter_from(c.args));
  if (!found.ok()) return report(found.failure());
  print_exception_list(std::cout, found.value(), c.format, c.queue.now());
  return kExitOk;
}

int show(Context& c) {
  const std::int64_t id = id_argument(c.args);
  QueueResult<ExceptionRecord> record = c.queue.get(id);
  if (!record.ok()) return report(record.failure());
  auto waits = c.store.waits(id);
  auto audit = c.store.audit_trail(id);
  if (!waits.ok() || !audit.ok()) {
    return report({QueueErrc::kDatabase, waits.ok() ? audit.error() : waits.error()});
  }
  print_exception_detail(std::cout, {record.value(), waits.value(), audit.value()}, c.queue.now());
  return kExitOk;
}

int next(Context& c) {
  if (c.args.positional.size() != 1) throw UsageError{"exceptions next takes no ID"};
  QueueResult<std::optional<ExceptionRecord>> found = c.queue.next(filter_from(c.args));
  if (!found.ok()) return report(found.failure());
  if (!found.value()) {
    std::cerr << "ordex exceptions: nothing to claim\n";
    return kExitRejected;
  }
  print_changed(c, "claimed", *found.value());
  return kExitOk;
}

int change(Context& c, const std::string& verb) {
  const bool bulk = c.args.has("all") || (verb == "resume" && c.args.has("due"));
  const auto apply = verb == "resume" && c.args.has("due") ? exceptions::WorkQueue::Change()
                                                           : change_of(c.args, verb, bulk);
  if (bulk && c.args.positional.size() > 1 && verb != "note" && verb != "assign") {
    throw UsageError{"exceptions " + verb + " --all takes no ID"};
  }
  if (verb == "resume" && c.args.has("due")) {
    auto outcome = c.queue.resume_due_waits();
    return outcome.ok() ? print_bulk(c, verb, outcome.value()) : report(outcome.failure());
  }
  if (bulk && verb == "merge") {
    auto outcome = c.queue.merge_all(filter_from(c.args), into_argument(c.args));
    return outcome.ok() ? print_bulk(c, verb, outcome.value()) : report(outcome.failure());
  }
  if (bulk) {
    auto outcome = c.queue.bulk(filter_from(c.args), apply);
    return outcome.ok() ? print_bulk(c, verb, outcome.value()) : report(outcome.failure());
  }
  QueueResult<ExceptionRecord> done = apply(c.queue, id_argument(c.args));
  if (!done.ok()) return report(done.failure());
  print_changed(c, past_tense(verb), done.value());
  return kExitOk;
}

}  // namespace ordex::app::exceptions_cli
