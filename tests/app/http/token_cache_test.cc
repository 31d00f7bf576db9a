// Verified API tokens are trusted for the cache's time and no longer; nothing is kept when the
// time is zero.
#include "app/http/token_cache.h"

#include <gtest/gtest.h>

#include <thread>

namespace ordex::app::http {
namespace {

using std::chrono::milliseconds;

TEST(TokenCacheTest, RemembersForItsTimeOnly) {
  TokenCache cache(milliseconds(200));
  EXPECT_FALSE(cache.find("ordex_abc"));
  cache.remember("ordex_abc", auth::Principal{"rita", auth::Role::kLead, true});
  const auto found = cache.find("ordex_abc");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->user, "rita");
  EXPECT_EQ(found->role, auth::Role::kLead);
  EXPECT_FALSE(cache.find("ordex_abd")) << "another token";
  std::this_thread::sleep_for(milliseconds(300));
  EXPECT_FALSE(cache.find("ordex_abc")) << "expired";
}

TEST(TokenCacheTest, ZeroTimeKeepsNothing) {
  TokenCache cache(milliseconds(0));
  cache.remember("ordex_abc", auth::Principal{"rita", auth::Role::kRep, true});
  EXPECT_FALSE(cache.find("ordex_abc"));
}

}  // namespace
}  // namespace ordex::app::http
