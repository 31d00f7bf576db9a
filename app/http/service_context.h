#pragma once
// What every route group is given: the service's settings and hooks, the session pool and the
// request metrics. Owned by HttpService; outlives every request.

#include "app/http/http_metrics.h"
#include "app/http/http_service.h"
#include "app/http/rules_versions.h"
#include "app/http/store_pool.h"
#include "app/http/token_cache.h"
#include "exceptions/exception_record.h"

namespace ordex::app::http {

struct ServiceContext {
  HttpSettings settings;
  ServiceHooks hooks;
  std::function<exceptions::Instant()> clock;  // settings.clock, or the system clock
  StorePool* pool = nullptr;
  HttpMetrics* metrics = nullptr;
  TokenCache* tokens = nullptr;
  // The rules as last (re)loaded; settings.rules is the first version (sessions' read-only
  // queues keep that one: reading needs no SLA policy).
  RulesVersions* rules = nullptr;
  bool tls = false;
};

}  // namespace ordex::app::http
