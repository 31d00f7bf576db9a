#pragma once
// The route groups, one file each; HttpService adds them all to its router.

#include "app/http/router.h"
#include "app/http/service_context.h"

namespace ordex::app::http {

// Every route of the service, in matching order.
void add_routes(Router& router, const ServiceContext& context);

void add_health_routes(Router& router, const ServiceContext& context);  // healthz, readyz, metrics
void add_auth_routes(Router& router);                                   // login, logout, me
void add_exception_routes(Router& router);                              // list, show, next
void add_exception_action_routes(Router& router);                       // claim ... merge, bulk
void add_order_routes(Router& router);                                  // orders list and timeline
void add_import_routes(Router& router);                                 // files, job status, re-run
void add_report_routes(Router& router);                                 // the daily report
void add_web_routes(Router& router);                                    // /, /ui/*, /assets/*

}  // namespace ordex::app::http
