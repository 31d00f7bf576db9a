#include "app/http/store_session.h"

#include "orders/database.h"

namespace ordex::app::http {

orders::Result<std::unique_ptr<StoreSession>> open_store_session(const SessionOptions& options) {
  auto session = std::make_unique<StoreSession>();
  orders::StoreOptions store_options;
  store_options.clock = options.clock;
  auto store = orders::Store::open(options.db, store_options);
  if (!store.ok()) return orders::Failure{"cannot open the database: " + store.error()};
  session->store = std::move(store).value();
  auto ex = exceptions::ExceptionStore::open(*session->store);
  if (!ex.ok()) return orders::Failure{"cannot open the exceptions tables: " + ex.error()};
  session->exceptions.emplace(std::move(ex).value());
  session->reader = std::make_unique<exceptions::WorkQueue>(
      *session->exceptions, *options.rules, exceptions::WorkQueueOptions{"", options.clock});
  auto ping =
      session->store->database().prepare(orders::SqlQuery{"http_ping", "", "i", "SELECT 1"});
  if (!ping.ok()) return orders::Failure{ping.error()};
  session->ping = std::move(ping).value();
  return session;
}

orders::Status ping(StoreSession& session) {
  orders::Status s = session.store->database().run(*session.ping);
  if (!s.ok()) session.broken = true;
  return s;
}

}  // namespace ordex::app::http
