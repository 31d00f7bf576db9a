#pragma once
// Who may use the daemon: users with roles, their browser sessions and their API tokens, kept
// in the store's database (migration track "auth"), so several daemons on one PostgreSQL share
// them.
//
//   auto directory = Directory::open(store.database(), {.session_minutes = 480});
//   auto who = directory.value().login("alice", "s3cret", now);        // a new session
//   auto again = directory.value().session(who.value()->session_id, now);  // on each request
//
// Secrets are never stored: passwords as salted PBKDF2-HMAC-SHA256, session ids and API tokens
// as SHA-256 digests; every comparison of a secret runs in constant time. Errors are values
// (orders::Status / edi::Result), as in the store; a wrong password or an unknown token is not
// an error but an empty optional.
//
// Not thread-safe: one Directory per Store session (the HTTP layer keeps one per pooled store).

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "orders/database.h"
#include "orders/status.h"

namespace ordex::app::auth {

// Ordered: each role may do what the ones before it may.
enum class Role : std::uint8_t { kRep, kLead, kManager, kAdmin };
std::string_view role_name(Role role);                 // "rep", "lead", "manager", "admin"
std::optional<Role> role_from(std::string_view name);  // nullopt for anything else
inline bool at_least(Role held, Role needed) { return held >= needed; }

// Who a request acts as.
struct Principal {
  std::string user;
  Role role = Role::kRep;
  bool via_token = false;  // API token: no CSRF check applies
};

// A browser session as the login returns it: the secrets are only ever seen here.
struct NewSession {
  Principal principal;
  std::string session_id;       // the cookie value
  std::string csrf_token;       // sent back in X-CSRF-Token on every non-GET request
  std::int64_t expires_at = 0;  // Unix seconds (idle expiry, extended on use)
};

struct SessionState {
  Principal principal;
  std::string csrf_token;
  std::int64_t expires_at = 0;
};

struct UserInfo {
  std::string user;
  Role role = Role::kRep;
  bool disabled = false;
  std::int64_t created_at = 0;
};

struct DirectoryOptions {
  std::int64_t session_minutes = 480;
  std::uint32_t pbkdf2_iterations = 120000;
};

class Directory {
 public:
  // Migrates the "auth" track of `db`; `db`'s store must outlive the Directory.
  static orders::Result<Directory> open(orders::Database db, DirectoryOptions options = {});

  // --- Users (the `ordex user` verb and the admin API).
  orders::Status add_user(const std::string& user, const std::string& password, Role role,
                          std::int64_t now);
  orders::Status set_password(const std::string& user, const std::string& password);
  orders::Status set_role(const std::string& user, Role role);
  orders::Status set_disabled(const std::string& user, bool disabled);
  orders::Result<std::vector<UserInfo>> users();

  // --- Sessions. login: nullopt for an unknown user, a wrong password or a disabled user.
  orders::Result<std::optional<NewSession>> login(const std::string& user,
                                                  const std::string& password, std::int64_t now);
  // The session's state if it exists and has not expired at `now`; extends its idle expiry.
  orders::Result<std::optional<SessionState>> session(const std::string& session_id,
                                                      std::int64_t now);
  orders::Status logout(const std::string& session_id);

  // --- API tokens for scripts. The token text is returned once ("ordex_" + 43 base64url
  // characters); only its digest is kept.
  orders::Result<std::string> issue_token(const std::string& user, const std::string& label,
                                          std::int64_t now);
  orders::Result<std::optional<Principal>> verify_token(const std::string& token, std::int64_t now);
  orders::Status revoke_tokens(const std::string& user, const std::string& label);

 private:
  struct Impl;
  explicit Directory(std::shared_ptr<Impl> impl) : impl_(std::move(impl)) {}
  std::shared_ptr<Impl> impl_;
};

}  // namespace ordex::app::auth
