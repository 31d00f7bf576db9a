// Browser sessions: login, the per-request check with its idle extension, logout.
#include "app/auth/directory_impl.h"
#include "app/auth/password_hash.h"
#include "app/auth/secrets.h"

namespace ordex::app::auth {

using orders::Failure;
using orders::Result;
using orders::Status;

namespace {
constexpr std::size_t kSecretBytes = 32;
}  // namespace

Result<std::string> Directory::Impl::decoy_hash() {
  if (!decoy_hash_.empty()) return decoy_hash_;
  Result<std::string> password = random_bytes(kSecretBytes);
  if (!password.ok()) return Failure{password.error()};
  Result<std::string> hash = hash_password(password.value(), options.pbkdf2_iterations);
  if (hash.ok()) decoy_hash_ = hash.value();
  return hash;
}

Result<std::optional<NewSession>> Directory::login(const std::string& user,
                                                   const std::string& password, std::int64_t now) {
  orders::Query& q = *impl_->user_by_name;
  q.set(0, user);
  if (Status s = impl_->run(q, "cannot read the user"); !s.ok()) return Failure{s.error()};
  if (q.rows() == 0) {
    // Same work as for a real user, so the answer time does not tell whether the name exists.
    Result<std::string> decoy = impl_->decoy_hash();
    if (!decoy.ok()) return Failure{decoy.error()};
    (void)verify_password(password, decoy.value());
    return std::optional<NewSession>();
  }
  const std::optional<Role> role = role_from(q.text(0, 0));
  const bool disabled = q.integer(0, 2) != 0;
  // Verified even when disabled: the time taken must not tell disabled users apart either.
  const bool matches = verify_password(password, q.text(0, 1));
  if (!matches || disabled || !role) return std::optional<NewSession>();

  Result<std::string> id = random_bytes(kSecretBytes);
  if (!id.ok()) return Failure{id.error()};
  Result<std::string> csrf = random_bytes(kSecretBytes);
  if (!csrf.ok()) return Failure{csrf.error()};
  NewSession session{Principal{user, *role, false}, base64url(id.value()), base64url(csrf.value()),
                     now + impl_->options.session_minutes * 60};

  // Expired sessions go here, not on every request: logins are rare and the index makes it one
  // range delete.
  impl_->sessions_expired_delete->set(0, now);
  if (Status s = impl_->run(*impl_->sessions_expired_delete, "cannot drop expired sessions");
      !s.ok()) {
    return Failure{s.error()};
  }
  orders::Query& insert = *impl_->session_insert;
  insert.set(0, sha256_base64url(session.session_id));
  insert.set(1, user);
  insert.set(2, session.csrf_token);
  insert.set(3, session.expires_at);
  insert.set(4, now);
  if (Status s = impl_->run(insert, "cannot store the session"); !s.ok()) {
    return Failure{s.error()};
  }
  return std::optional<NewSession>(std::move(session));
}

Result<std::optional<SessionState>> Directory::session(const std::string& session_id,
                                                       std::int64_t now) {
  const std::string digest = sha256_base64url(session_id);
  orders::Query& q = *impl_->session_by_id;
  q.set(0, digest);
  if (Status s = impl_->run(q, "cannot read the session"); !s.ok()) return Failure{s.error()};
  // The lookup went by the digest through an index; compare again in constant time so that
  // no code path compares a secret's digest byte by byte with an early exit.
  if (q.rows() == 0 || !constant_time_equal(q.text(0, 0), digest)) {
    return std::optional<SessionState>();
  }
  const std::int64_t expires_at = q.integer(0, 3);
  const std::optional<Role> role = role_from(q.text(0, 4));
  if (now >= expires_at || q.integer(0, 5) != 0 || !role) return std::optional<SessionState>();

  SessionState state{Principal{q.text(0, 1), *role, false}, q.text(0, 2), expires_at};
  const std::int64_t extended = now + impl_->options.session_minutes * 60;
  if (extended - expires_at >= kTouchGranularity) {
    orders::Query& touch = *impl_->session_touch;
    touch.set(0, extended);
    touch.set(1, digest);
    touch.set(2, extended);
    if (Status s = impl_->run(touch, "cannot extend the session"); !s.ok()) {
      return Failure{s.error()};
    }
    state.expires_at = extended;
  }
  return std::optional<SessionState>(std::move(state));
}

Status Directory::logout(const std::string& session_id) {
  impl_->session_delete->set(0, sha256_base64url(session_id));
  return impl_->run(*impl_->session_delete, "cannot end the session");
}

}  // namespace ordex::app::auth
