#pragma once
// The work queue as a request uses it: reads through the session's own queue (no actor), and
// changes through a queue made for the request, whose actor is the principal, so that every
// change is audited with the user who made it. A failed operation becomes the ApiError its kind
// maps to (api_error.h); a database failure also marks the session broken.

#include <memory>

#include "app/http/api_error.h"
#include "app/http/exchange.h"
#include "exceptions/work_queue.h"

namespace ordex::app::http {

exceptions::WorkQueue& reading_queue(Exchange& exchange);
std::unique_ptr<exceptions::WorkQueue> acting_queue(Exchange& exchange);

// The value, or throws the failure's ApiError.
template <typename T>
T checked(Exchange& exchange, exceptions::QueueResult<T> result) {
  if (result.ok()) return std::move(result).value();
  if (result.code() == exceptions::QueueErrc::kDatabase) exchange.mark_session_broken();
  throw queue_error(result.failure());
}

}  // namespace ordex::app::http
