#pragma once
// One database session as a request uses it: the order store, the exceptions track over it, a
// work queue for reads, and (opened on first use by the auth middleware) the user directory.
// None of these is thread-safe; the pool (store_pool.h) lends a session to one request at a
// time, so a session is never used by two threads at once.

#include <memory>
#include <optional>

#include "app/auth/directory.h"
#include "exceptions/exception_store.h"
#include "exceptions/work_queue.h"
#include "orders/status.h"
#include "orders/store.h"

namespace ordex::app::http {

struct StoreSession {
  std::unique_ptr<orders::Store> store;
  std::optional<exceptions::ExceptionStore> exceptions;
  // Lists and single reads need no actor; keeping one queue per session keeps its prepared
  // filter statements (on PostgreSQL a statement is prepared on the server once per session).
  std::unique_ptr<exceptions::WorkQueue> reader;
  std::optional<auth::Directory> directory;
  std::unique_ptr<orders::Query> ping;  // SELECT 1, for /readyz
  // Set when a request saw a database error: the pool then drops the session and opens a fresh
  // one for the next request (a PostgreSQL connection that broke does not come back).
  bool broken = false;
};

struct SessionOptions {
  std::string db;
  const exceptions::ExceptionsConfig* rules = nullptr;  // outlives every session
  std::function<exceptions::Instant()> clock;
};

// Opens the store (migrating it when older) and the exceptions track.
orders::Result<std::unique_ptr<StoreSession>> open_store_session(const SessionOptions& options);

// Runs the session's SELECT 1: is the database still there?
orders::Status ping(StoreSession& session);

}  // namespace ordex::app::http
