// Directory::open and the user operations (the `ordex user` verb and the admin API).
#include <algorithm>

#include "app/auth/directory_impl.h"
#include "app/auth/password_hash.h"

namespace ordex::app::auth {

using orders::Failure;
using orders::Result;
using orders::SqlQuery;
using orders::Status;

namespace {

constexpr std::size_t kMaxUserName = 64;
constexpr std::size_t kMinPassword = 8;
// PBKDF2 hashes the password once per block, so length costs little; the cap only keeps a
// request body from being a megabyte of "password".
constexpr std::size_t kMaxPassword = 1024;

bool name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '_' || c == '-' || c == '@';
}

}  // namespace

std::string invalid_user_name(const std::string& user) {
  if (user.empty()) return "a user name cannot be empty";
  if (user.size() > kMaxUserName) return "a user name has at most 64 characters";
  // The name appears in audit rows, logs and the web page: keep it to plain characters.
  if (!std::all_of(user.begin(), user.end(), name_char)) {
    return "a user name may use only letters, digits and . _ - @";
  }
  return "";
}

std::string invalid_password(const std::string& password) {
  if (password.size() < kMinPassword) return "a password needs at least 8 characters";
  if (password.size() > kMaxPassword) return "a password has at most 1024 characters";
  return "";
}

Status Directory::Impl::run(orders::Query& query, const char* what) {
  if (Status s = db.run(query); !s.ok()) return Failure{std::string(what) + ": " + s.error()};
  return Status();
}

Result<Directory> Directory::open(orders::Database db, DirectoryOptions options) {
  if (options.session_minutes <= 0) return Failure{"session minutes must be positive"};
  if (options.pbkdf2_iterations == 0) return Failure{"PBKDF2 iterations must be positive"};
  if (Result<int> v = db.migrate("auth", auth_migrations()); !v.ok()) return Failure{v.error()};
  struct Prepare {
    std::unique_ptr<orders::Query> Impl::*into;
    SqlQuery query;
  };

  // Every statement of the directory, written once in the portable SQL of orders/dialect.h.
  // The UPDATEs return a column so that "no such user" is seen as zero rows.
  static const Prepare kStatements[] = {
      {&Impl::user_insert,
       {"auth_user_insert", "ttti", "t",
        "INSERT INTO users (name, role, password_hash, disabled, created_at) VALUES (?, ?, ?, 0, "
        "?) "
        "ON CONFLICT (name) DO NOTHING RETURNING name"}},
      {&Impl::user_by_name,
       {"auth_user_by_name", "t", "tti",
        "SELECT role, password_hash, disabled FROM users WHERE name = ?"}},
      {&Impl::user_set_password,
       {"auth_user_set_password", "tt", "t",
        "UPDATE users SET password_hash = ? WHERE name = ? RETURNING name"}},
      {&Impl::user_set_role,
       {"auth_user_set_role", "tt", "t",
        "UPDATE users SET role = ? WHERE name = ? RETURNING name"}},
      {&Impl::user_set_disabled,
       {"auth_user_set_disabled", "it", "t",
        "UPDATE users SET disabled = ? WHERE name = ? RETURNING name"}},
      {&Impl::users_all,
       {"auth_users", "", "ttii",
        "SELECT name, role, disabled, created_at FROM users ORDER BY name"}},
      {&Impl::session_insert,
       {"auth_session_insert", "tttii", "",
        "INSERT INTO sessions (id, user_name, csrf_token, expires_at, created_at) "
        "VALUES (?, ?, ?, ?, ?)"}},
      {&Impl::session_by_id,
       {"auth_session_by_id", "t", "tttiti",
        "SELECT s.id, s.user_name, s.csrf_token, s.expires_at, u.role, u.disabled "
        "FROM sessions s JOIN users u ON u.name = s.user_name WHERE s.id = ?"}},
      // Only ever forward: another daemon may have moved it further already.
      {&Impl::session_touch,
       {"auth_session_touch", "iti", "",
        "UPDATE sessions SET expires_at = ? WHERE id = ? AND expires_at < ?"}},
      {&Impl::session_delete,
       {"auth_session_delete", "t", "", "DELETE FROM sessions WHERE id = ?"}},
      {&Impl::sessions_of_user_delete,
       {"auth_sessions_of_user_delete", "t", "", "DELETE FROM sessions WHERE user_name = ?"}},
      {&Impl::sessions_expired_delete,
       {"auth_sessions_expired_delete", "i", "", "DELETE FROM sessions WHERE expires_at <= ?"}},
      {&Impl::token_insert,
       {"auth_token_insert", "ttti", "",
        "INSERT INTO api_tokens (digest, user_name, label, created_at, last_used_at, revoked) "
        "VALUES (?, ?, ?, ?, NULL, 0)"}},
      {&Impl::token_active_count,
       {"auth_token_active_count", "tt", "i",
        "SELECT COUNT(*) FROM api_tokens WHERE user_name = ? AND label = ? AND revoked = 0"}},
      {&Impl::token_by_digest,
       {"auth_token_by_digest", "t", "ttnti",
        "SELECT t.digest, t.user_name, t.last_used_at, u.role, u.disabled "
        "FROM api_tokens t JOIN users u ON u.name = t.user_name "
        "WHERE t.digest = ? AND t.revoked = 0"}},
      {&Impl::token_touch,
       {"auth_token_touch", "it", "", "UPDATE api_tokens SET last_used_at = ? WHERE digest = ?"}},
      {&Impl::token_revoke,
       {"auth_token_revoke", "tt", "t",
        "UPDATE api_tokens SET revoked = 1 WHERE user_name = ? AND label = ? AND revoked = 0 "
        "RETURNING digest"}},
      {&Impl::token_revoke_all,
       {"auth_token_revoke_all", "t", "t",
        "UPDATE api_tokens SET revoked = 1 WHERE user_name = ? AND revoked = 0 RETURNING digest"}},
  };
  auto impl = std::make_shared<Impl>(db, options);
  for (const Prepare& p : kStatements) {
    Result<std::unique_ptr<orders::Query>> q = db.prepare(p.query);
    if (!q.ok()) return Failure{q.error()};
    (*impl).*p.into = std::move(q).value();
  }
  return Directory(std::move(impl));
}

Status Directory::add_user(const std::string& user, const std::string& password, Role role,
                           std::int64_t now) {
  if (std::string why = invalid_user_name(user); !why.empty()) return Failure{why};
  if (std::string why = invalid_password(password); !why.empty()) return Failure{why};
  Result<std::string> hash = hash_password(password, impl_->options.pbkdf2_iterations);
  if (!hash.ok()) return Failure{hash.error()};
  orders::Query& q = *impl_->user_insert;
  q.set(0, user);
  q.set(1, role_name(role));
  q.set(2, hash.value());
  q.set(3, now);
  if (Status s = impl_->run(q, "cannot add user"); !s.ok()) return s;
  if (q.rows() == 0) return Failure{"user '" + user + "' already exists"};
  return Status();
}

Status Directory::set_password(const std::string& user, const std::string& password) {
  if (std::string why = invalid_password(password); !why.empty()) return Failure{why};
  Result<std::string> hash = hash_password(password, impl_->options.pbkdf2_iterations);
  if (!hash.ok()) return Failure{hash.error()};
  orders::Query& q = *impl_->user_set_password;
  q.set(0, hash.value());
  q.set(1, user);
  if (Status s = impl_->run(q, "cannot set the password"); !s.ok()) return s;
  if (q.rows() == 0) return Failure{"no user '" + user + "'"};
  // A new password ends every browser session: whoever knew the old one is logged out.
  impl_->sessions_of_user_delete->set(0, user);
  return impl_->run(*impl_->sessions_of_user_delete, "cannot end the user's sessions");
}

Status Directory::set_role(const std::string& user, Role role) {
  orders::Query& q = *impl_->user_set_role;
  q.set(0, role_name(role));
  q.set(1, user);
  if (Status s = impl_->run(q, "cannot set the role"); !s.ok()) return s;
  if (q.rows() == 0) return Failure{"no user '" + user + "'"};
  return Status();
}

Status Directory::set_disabled(const std::string& user, bool disabled) {
  orders::Query& q = *impl_->user_set_disabled;
  q.set(0, std::int64_t{disabled ? 1 : 0});
  q.set(1, user);
  if (Status s = impl_->run(q, "cannot change the user"); !s.ok()) return s;
  if (q.rows() == 0) return Failure{"no user '" + user + "'"};
  if (!disabled) return Status();
  // Ended, not just refused, so that enabling the user again does not revive old sessions.
  // Tokens are only refused while disabled (session() and verify_token() check the flag):
  // scripts keep their token across a suspension.
  impl_->sessions_of_user_delete->set(0, user);
  return impl_->run(*impl_->sessions_of_user_delete, "cannot end the user's sessions");
}

Result<std::vector<UserInfo>> Directory::users() {
  orders::Query& q = *impl_->users_all;
  if (Status s = impl_->run(q, "cannot list users"); !s.ok()) return Failure{s.error()};
  std::vector<UserInfo> out;
  out.reserve(q.rows());
  for (std::size_t r = 0; r < q.rows(); ++r) {
    // An unknown role (a hand-edited row) reads as the least privileged one.
    out.push_back(UserInfo{q.text(r, 0), role_from(q.text(r, 1)).value_or(Role::kRep),
                           q.integer(r, 2) != 0, q.integer(r, 3)});
  }
  return out;
}

}  // namespace ordex::app::auth
