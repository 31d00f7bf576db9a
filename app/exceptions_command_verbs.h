#pragma once
// The verbs of `ordex exceptions`, each over an open WorkQueue. Internal to
// exceptions_command*.cc.

#include <cstdint>
#include <string>

#include "app/command.h"
#include "app/order_list.h"
#include "exceptions/work_queue.h"

namespace ordex::app::exceptions_cli {

struct Context {
  exceptions::WorkQueue& queue;
  exceptions::ExceptionStore& store;
  const Arguments& args;
  ListFormat format;
};

// The filter options (--queue --status --assignee --type --partner --severity --breached
// --at-risk --limit --offset); UsageError for a bad value.
exceptions::ExceptionFilter filter_from(const Arguments& args);
// positional[1] as an id; UsageError otherwise.
std::int64_t id_argument(const Arguments& args);

int list(Context& c);
int show(Context& c);
int next(Context& c);
// claim, release, assign, note, wait, resume, resolve, reopen, merge: on one ID or, with --all,
// on every exception the filters match.
int change(Context& c, const std::string& verb);

// Prints the failure and returns its exit code.
int report(const exceptions::QueueFailure& failure);

}  // namespace ordex::app::exceptions_cli
