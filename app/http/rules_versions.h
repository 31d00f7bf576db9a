#pragma once
// The exception rules the API works with (SLA policies and calendars), replaced when the daemon
// reloads its configuration (SIGHUP). Reloads are rare, so every version is kept: a request
// holds a plain reference to the version it started with, valid however long it runs, and no
// lock is held while it works.

#include <deque>
#include <mutex>

#include "exceptions/exceptions_config.h"

namespace ordex::app::http {

class RulesVersions {
 public:
  explicit RulesVersions(exceptions::ExceptionsConfig first) {
    versions_.push_back(std::move(first));
  }

  const exceptions::ExceptionsConfig& current() const {
    const std::lock_guard lock(mutex_);
    return versions_.back();
  }

  void replace(exceptions::ExceptionsConfig next) {
    const std::lock_guard lock(mutex_);
    versions_.push_back(std::move(next));  // a deque keeps references to the older ones valid
  }

 private:
  mutable std::mutex mutex_;
  std::deque<exceptions::ExceptionsConfig> versions_;
};

}  // namespace ordex::app::http
