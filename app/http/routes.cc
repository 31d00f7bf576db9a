#include "app/http/routes.h"

namespace ordex::app::http {

void add_routes(Router& router, const ServiceContext& context) {
  add_health_routes(router, context);
  add_auth_routes(router);
  // The action routes first: their literal "bulk" must win over the `{id}` of a read.
  add_exception_action_routes(router);
  add_exception_routes(router);
  add_order_routes(router);
  add_import_routes(router);
  add_report_routes(router);
  add_web_routes(router);
}

}  // namespace ordex::app::http
