#pragma once
// The store's figures for /metrics, in Prometheus text: ordex_exceptions{type,status} from one
// GROUP BY over the exceptions table, and ordex_sla_breached, the active exceptions past a due
// instant now (the work queue's "breached" view, counted).

#include <string>

#include "app/http/store_session.h"

namespace ordex::app::http {

// Marks the session broken on a database error.
orders::Result<std::string> store_metrics(StoreSession& session, exceptions::Instant now);

}  // namespace ordex::app::http
