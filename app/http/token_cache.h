#pragma once
// API tokens verified recently, so that a script sending many requests (a dashboard polling
// the queue, a load test) is not looked up in the database on every one: a token verified in
// the last few seconds is taken as still valid. The price: a revoked or disabled token keeps
// working for at most that long on each daemon that saw it. Only successes are kept; an unknown
// token always goes to the database. Keyed by the token's SHA-256, so no token text is kept.
// Thread-safe.

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "app/auth/directory.h"

namespace ordex::app::http {

class TokenCache {
 public:
  explicit TokenCache(std::chrono::milliseconds ttl) : ttl_(ttl) {}

  std::optional<auth::Principal> find(const std::string& token);
  void remember(const std::string& token, const auth::Principal& principal);

  // How long a verification is trusted.
  static constexpr std::chrono::seconds kDefaultTtl{5};

 private:
  using Clock = std::chrono::steady_clock;
  struct Entry {
    auth::Principal principal;
    Clock::time_point until;
  };
  static std::string key(const std::string& token);

  std::chrono::milliseconds ttl_;
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace ordex::app::http
