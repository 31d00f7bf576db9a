#include "app/http/token_cache.h"

#include <Poco/SHA2Engine.h>

namespace ordex::app::http {

namespace {

// A bound on memory whatever clients send: past it, the cache starts again empty.
constexpr std::size_t kMostEntries = 10000;

}  // namespace

std::string TokenCache::key(const std::string& token) {
  Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
  sha.update(token);
  const Poco::DigestEngine::Digest& digest = sha.digest();
  return std::string(digest.begin(), digest.end());
}

std::optional<auth::Principal> TokenCache::find(const std::string& token) {
  if (ttl_.count() <= 0) return std::nullopt;
  const std::string k = key(token);
  std::lock_guard lock(mutex_);
  const auto found = entries_.find(k);
  if (found == entries_.end()) return std::nullopt;
  if (Clock::now() >= found->second.until) {
    entries_.erase(found);
    return std::nullopt;
  }
  return found->second.principal;
}

void TokenCache::remember(const std::string& token, const auth::Principal& principal) {
  if (ttl_.count() <= 0) return;
  const std::string k = key(token);
  std::lock_guard lock(mutex_);
  if (entries_.size() >= kMostEntries) entries_.clear();
  entries_[k] = Entry{principal, Clock::now() + ttl_};
}

}  // namespace ordex::app::http
