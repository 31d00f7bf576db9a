#pragma once
// A fixed number of database sessions shared by the request threads: a request borrows one
// (Lease), uses it alone and gives it back when the lease ends. Sessions open lazily, up to the
// pool's size, so a daemon that starts while the database is down still serves /healthz and
// says so on /readyz; a session that saw a database error is dropped on return and reopened
// by a later borrow. Thread-safe.
//
// Fair: requests that find every session lent wait in line, and a session given back goes to
// the longest waiter, never to a request that arrived later (with many more request threads
// than sessions, a plain condition variable lets newcomers overtake, and a few requests wait
// for seconds while the average is milliseconds).

#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <vector>

#include "app/http/store_session.h"

namespace ordex::app::http {

class StorePool {
 public:
  StorePool(SessionOptions options, std::size_t size, std::chrono::milliseconds wait);

  class Lease {
   public:
    Lease(StorePool* pool, std::unique_ptr<StoreSession> session)
        : pool_(pool), session_(std::move(session)) {}
    Lease(Lease&& other) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    Lease(const Lease&) = delete;
    ~Lease();
    StoreSession& operator*() const { return *session_; }
    StoreSession* operator->() const { return session_.get(); }

   private:
    StorePool* pool_;
    std::unique_ptr<StoreSession> session_;
  };

  // An idle session, a new one while fewer than `size` exist, or the first returned within
  // `wait`. A Failure when the database cannot be opened or every session stays busy.
  orders::Result<Lease> borrow();

  std::size_t size() const { return size_; }

 private:
  // A request in line: given a session, or leave to open one (a slot freed by a dropped one).
  struct Waiter {
    std::condition_variable ready;
    std::unique_ptr<StoreSession> session;
    bool may_open = false;
  };
  void give_back(std::unique_ptr<StoreSession> session);
  // A slot is free (a session was dropped or failed to open): the first waiter may open one.
  void slot_freed();  // mutex_ held
  orders::Result<Lease> open_new();

  SessionOptions options_;
  std::size_t size_;
  std::chrono::milliseconds wait_;
  std::mutex mutex_;
  std::deque<Waiter*> line_;
  std::vector<std::unique_ptr<StoreSession>> idle_;
  std::size_t open_ = 0;  // idle + lent + being opened
};

}  // namespace ordex::app::http
