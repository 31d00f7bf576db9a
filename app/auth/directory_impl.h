#pragma once
// What a Directory holds: its options and its prepared statements, one per query below, all
// prepared at open so that a request never prepares.

#include <memory>
#include <span>
#include <string>

#include "app/auth/directory.h"
#include "orders/database.h"
#include "orders/sql_query.h"

namespace ordex::app::auth {

struct Directory::Impl {
  Impl(orders::Database database, DirectoryOptions opts) : db(database), options(opts) {}

  // Runs `query`, naming the operation in the error.
  orders::Status run(orders::Query& query, const char* what);

  orders::Database db;
  DirectoryOptions options;
  // A PBKDF2 hash of a random password: a login for an unknown user verifies against it, so
  // that it takes as long as one for a real user (no user-name probing by timing). Made at the
  // first such login, not at open: the `ordex user` verb never needs it.
  orders::Result<std::string> decoy_hash();
  std::string decoy_hash_;

  std::unique_ptr<orders::Query> user_insert, user_by_name, user_set_password, user_set_role,
      user_set_disabled, users_all;
  std::unique_ptr<orders::Query> session_insert, session_by_id, session_touch, session_delete,
      sessions_of_user_delete, sessions_expired_delete;
  std::unique_ptr<orders::Query> token_insert, token_active_count, token_by_digest, token_touch,
      token_revoke, token_revoke_all;
};

// The expiry written back only when it moves by at least this much (seconds): a session read
// on every request costs one write a minute at most.
inline constexpr std::int64_t kTouchGranularity = 60;

// Why `user` cannot be a user name, or "".
std::string invalid_user_name(const std::string& user);
// Why `password` cannot be a password, or "".
std::string invalid_password(const std::string& password);

}  // namespace ordex::app::auth

namespace ordex::app::auth {
// The "auth" migration track (migrations/*.sql, embedded at build time).
std::span<const orders::Migration> auth_migrations();
}  // namespace ordex::app::auth
