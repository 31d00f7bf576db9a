#include "app/http/queue_access.h"

namespace ordex::app::http {

exceptions::WorkQueue& reading_queue(Exchange& ex) { return *ex.session().reader; }

std::unique_ptr<exceptions::WorkQueue> acting_queue(Exchange& ex) {
  StoreSession& session = ex.session();
  return std::make_unique<exceptions::WorkQueue>(
      *session.exceptions, ex.context().rules->current(),
      exceptions::WorkQueueOptions{ex.principal().user, ex.context().clock});
}

}  // namespace ordex::app::http
