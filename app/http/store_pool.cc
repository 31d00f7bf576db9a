#include "app/http/store_pool.h"

#include <algorithm>

namespace ordex::app::http {

StorePool::StorePool(SessionOptions options, std::size_t size, std::chrono::milliseconds wait)
    : options_(std::move(options)), size_(size == 0 ? 1 : size), wait_(wait) {}

StorePool::Lease::~Lease() {
  if (pool_ != nullptr && session_) pool_->give_back(std::move(session_));
}

orders::Result<StorePool::Lease> StorePool::borrow() {
  std::unique_lock lock(mutex_);
  if (line_.empty() && !idle_.empty()) {
    std::unique_ptr<StoreSession> session = std::move(idle_.back());
    idle_.pop_back();
    return Lease(this, std::move(session));
  }
  if (line_.empty() && open_ < size_) {
    ++open_;  // reserve the slot; open outside the lock (it may take a connect timeout)
    lock.unlock();
    return open_new();
  }
  Waiter me;
  line_.push_back(&me);
  const bool served =
      me.ready.wait_for(lock, wait_, [&] { return me.session != nullptr || me.may_open; });
  if (!served) {
    line_.erase(std::find(line_.begin(), line_.end(), &me));
    return orders::Failure{"all " + std::to_string(size_) + " database sessions stayed busy for " +
                           std::to_string(wait_.count()) + " ms"};
  }
  if (me.session) return Lease(this, std::move(me.session));
  lock.unlock();
  return open_new();  // the slot was counted for us by slot_freed()
}

orders::Result<StorePool::Lease> StorePool::open_new() {
  auto opened = open_store_session(options_);
  if (opened.ok()) return Lease(this, std::move(opened).value());
  std::lock_guard lock(mutex_);
  --open_;
  slot_freed();
  return orders::Failure{opened.error()};
}

void StorePool::slot_freed() {
  if (line_.empty() || open_ >= size_) return;
  Waiter* first = line_.front();
  line_.pop_front();
  ++open_;
  first->may_open = true;
  first->ready.notify_one();
}

void StorePool::give_back(std::unique_ptr<StoreSession> session) {
  std::unique_ptr<StoreSession> dropped;  // closed outside the lock
  std::lock_guard lock(mutex_);
  if (session->broken || session->store->in_transaction()) {
    dropped = std::move(session);
    --open_;
    slot_freed();
    return;
  }
  if (line_.empty()) {
    idle_.push_back(std::move(session));
    return;
  }
  Waiter* first = line_.front();
  line_.pop_front();
  first->session = std::move(session);
  first->ready.notify_one();
}

}  // namespace ordex::app::http
