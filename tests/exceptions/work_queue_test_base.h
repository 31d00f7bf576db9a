#pragma once
// A store with the exceptions tables and a WorkQueue on it at a settable "now", on each engine
// (tests/orders/store_test_base.h), and exceptions seeded through ExceptionStore::insert.

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>

#include "../orders/store_test_base.h"
#include "exceptions/exception_store.h"
#include "exceptions/exceptions_config.h"
#include "exceptions/sla_tracking.h"
#include "exceptions/work_queue.h"
#include "orders/time_zone.h"

namespace ordex::exceptions::testing {

using orders::testing::StoreTest;

inline Instant at(const char* iso) {
  auto t = orders::parse_iso8601_instant(iso);
  EXPECT_TRUE(t.ok()) << iso;
  return t.ok() ? t.value() : 0;
}

// Monday 2026-11-23 08:00 in Chicago: the start of the default calendar's working week.
inline const Instant kMonday8am = at("2026-11-23T14:00:00Z");

template <typename E>
class WorkQueueTest : public StoreTest<E> {
 protected:
  void SetUp() override {
    StoreTest<E>::SetUp();
    if (this->IsSkipped() || this->HasFatalFailure()) return;
    auto ex = ExceptionStore::open(this->store());
    ASSERT_TRUE(ex.ok()) << ex.error();
    exceptions_ = std::make_unique<ExceptionStore>(std::move(ex).value());
    queue_ = make_queue("alice");
  }
  void TearDown() override {
    queue_.reset();
    exceptions_.reset();
    StoreTest<E>::TearDown();
  }

  std::unique_ptr<WorkQueue> make_queue(const std::string& user) {
    return std::make_unique<WorkQueue>(*exceptions_, config_,
                                       WorkQueueOptions{user, [this] { return now_; }, 1800});
  }

  // An open exception opened at `opened` with its SLA fields computed then.
  std::int64_t seed(const std::string& key, Severity severity, Instant opened,
                    const std::string& queue = "order-desk",
                    ExceptionType type = ExceptionType::kAsnLate) {
    ExceptionRecord r;
    r.dedupe_key = key;
    r.type = type;
    r.severity = severity;
    r.partner_id = "ACME";
    r.po_number = "PO-" + key;
    r.queue = queue;
    r.summary = "summary of " + key;
    r.evidence = "{\"po\":\"PO-" + key + "\"}";
    r.first_opened_at = r.opened_at = r.detected_at = r.updated_at = opened;
    track_sla(r, {}, config_.sla, opened);
    auto id = exceptions_->insert(r);
    EXPECT_TRUE(id.ok()) << id.error();
    return id.ok() ? id.value() : 0;
  }

  ExceptionRecord fetch(std::int64_t id) {
    auto r = exceptions_->by_id(id);
    EXPECT_TRUE(r.ok() && r.value().has_value());
    return r.ok() && r.value() ? *r.value() : ExceptionRecord{};
  }

  WorkQueue& queue() { return *queue_; }
  ExceptionStore& exceptions() { return *exceptions_; }

  ExceptionsConfig config_ = ExceptionsConfig::defaults();
  Instant now_ = kMonday8am;

 private:
  std::unique_ptr<ExceptionStore> exceptions_;
  std::unique_ptr<WorkQueue> queue_;
};

}  // namespace ordex::exceptions::testing
