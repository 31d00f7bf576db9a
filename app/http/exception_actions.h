#pragma once
// The work-queue changes the API offers, each with the body members it takes and the least
// role allowed to make it (daemon-contract: rep claims, releases, notes, waits, resumes and
// resolves; a lead also assigns, reopens, merges and acts in bulk). One table serves the
// single-exception routes (POST /api/v1/exceptions/{id}/<action>) and the bulk route.

#include <array>
#include <span>
#include <string>
#include <string_view>

#include "app/auth/directory.h"
#include "app/http/json_body.h"
#include "exceptions/work_queue.h"

namespace ordex::app::http {

struct ExceptionAction {
  std::string_view name;  // claim, release, ...
  auth::Role role;
  std::array<std::string_view, 2> members;  // what its body may hold ("" = none)
  // The change, with its members read from `body` now: a bad value is refused before anything
  // changes, in bulk as for one exception.
  exceptions::WorkQueue::Change (*change)(const JsonBody& body);
};

std::span<const ExceptionAction> exception_actions();
const ExceptionAction* find_exception_action(std::string_view name);

}  // namespace ordex::app::http
