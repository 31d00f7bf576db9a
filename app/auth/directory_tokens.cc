// API tokens for scripts: "ordex_" + 32 random bytes in base64url, kept as their SHA-256.
#include "app/auth/directory_impl.h"
#include "app/auth/secrets.h"

namespace ordex::app::auth {

using orders::Failure;
using orders::Result;
using orders::Status;

namespace {

constexpr std::string_view kTokenPrefix = "ordex_";
constexpr std::size_t kTokenBytes = 32;
constexpr std::size_t kTokenLength = 6 + 43;  // prefix + base64url of 32 bytes
constexpr std::size_t kMaxLabel = 100;

}  // namespace

Result<std::string> Directory::issue_token(const std::string& user, const std::string& label,
                                           std::int64_t now) {
  if (label.empty() || label.size() > kMaxLabel) {
    return Failure{"a token label needs 1 to 100 characters"};
  }
  orders::Query& who = *impl_->user_by_name;
  who.set(0, user);
  if (Status s = impl_->run(who, "cannot read the user"); !s.ok()) return Failure{s.error()};
  if (who.rows() == 0) return Failure{"no user '" + user + "'"};
  // One live token per label, so that `revoke NAME --label L` names exactly what it ends.
  orders::Query& active = *impl_->token_active_count;
  active.set(0, user);
  active.set(1, label);
  if (Status s = impl_->run(active, "cannot read tokens"); !s.ok()) return Failure{s.error()};
  if (active.integer(0, 0) > 0) {
    return Failure{"user '" + user + "' already has a token labelled '" + label +
                   "'; revoke it first"};
  }
  Result<std::string> bytes = random_bytes(kTokenBytes);
  if (!bytes.ok()) return Failure{bytes.error()};
  std::string token = std::string(kTokenPrefix) + base64url(bytes.value());
  orders::Query& insert = *impl_->token_insert;
  insert.set(0, sha256_base64url(token));
  insert.set(1, user);
  insert.set(2, label);
  insert.set(3, now);
  if (Status s = impl_->run(insert, "cannot store the token"); !s.ok()) return Failure{s.error()};
  return token;
}

Result<std::optional<Principal>> Directory::verify_token(const std::string& token,
                                                         std::int64_t now) {
  // Not even a lookup for text that cannot be a token.
  if (token.size() != kTokenLength || token.compare(0, kTokenPrefix.size(), kTokenPrefix) != 0) {
    return std::optional<Principal>();
  }
  const std::string digest = sha256_base64url(token);
  orders::Query& q = *impl_->token_by_digest;
  q.set(0, digest);
  if (Status s = impl_->run(q, "cannot read the token"); !s.ok()) return Failure{s.error()};
  if (q.rows() == 0 || !constant_time_equal(q.text(0, 0), digest)) {
    return std::optional<Principal>();
  }
  const std::optional<Role> role = role_from(q.text(0, 3));
  if (q.integer(0, 4) != 0 || !role) return std::optional<Principal>();
  Principal who{q.text(0, 1), *role, true};
  // last_used_at is for the admin's "is this token still used?"; a minute is precise enough,
  // and a script calling every second does not write every second.
  const std::optional<std::int64_t> last = q.optional(0, 2);
  if (!last || now - *last >= kTouchGranularity) {
    orders::Query& touch = *impl_->token_touch;
    touch.set(0, now);
    touch.set(1, digest);
    if (Status s = impl_->run(touch, "cannot record the token's use"); !s.ok()) {
      return Failure{s.error()};
    }
  }
  return std::optional<Principal>(std::move(who));
}

Status Directory::revoke_tokens(const std::string& user, const std::string& label) {
  orders::Query& q = label.empty() ? *impl_->token_revoke_all : *impl_->token_revoke;
  q.set(0, user);
  if (!label.empty()) q.set(1, label);
  if (Status s = impl_->run(q, "cannot revoke tokens"); !s.ok()) return s;
  if (q.rows() == 0) {
    return Failure{label.empty()
                       ? "user '" + user + "' has no live token"
                       : "user '" + user + "' has no live token labelled '" + label + "'"};
  }
  return Status();
}

}  // namespace ordex::app::auth
