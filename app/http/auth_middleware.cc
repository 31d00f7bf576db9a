#include "app/http/auth_middleware.h"

#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/NameValueCollection.h>

#include "app/http/api_error.h"

namespace ordex::app::http {

namespace {

constexpr std::string_view kBearer = "Bearer ";

// Constant time in the length of `a`: no early exit on the first differing byte.
bool same_secret(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    diff = static_cast<unsigned char>(diff | (a[i] ^ b[i]));
  }
  return diff == 0;
}

Authenticated by_token(Exchange& ex, const std::string& token) {
  TokenCache& cache = *ex.context().tokens;
  if (std::optional<auth::Principal> known = cache.find(token)) {
    return Authenticated{*known, "", ""};
  }
  auto who = directory(ex).verify_token(token, ex.now());
  if (!who.ok()) database_failed(ex, who.error());
  if (!who.value()) {
    throw ApiError(401, "unauthenticated", "the API token is unknown or revoked");
  }
  cache.remember(token, *who.value());
  return Authenticated{*who.value(), "", ""};
}

Authenticated by_cookie(Exchange& ex, const std::string& session_id) {
  auto state = directory(ex).session(session_id, ex.now());
  if (!state.ok()) database_failed(ex, state.error());
  if (!state.value()) {
    throw ApiError(401, "session_expired", "the session has expired or ended; log in again");
  }
  return Authenticated{state.value()->principal, session_id, state.value()->csrf_token};
}

bool changes_state(const std::string& method) { return method != "GET" && method != "HEAD"; }

}  // namespace

auth::Directory& directory(Exchange& ex) {
  StoreSession& session = ex.session();
  if (!session.directory) {
    auto opened = auth::Directory::open(
        session.store->database(),
        auth::DirectoryOptions{.session_minutes = ex.context().settings.session_minutes});
    if (!opened.ok()) database_failed(ex, "cannot open the user directory: " + opened.error());
    session.directory.emplace(std::move(opened).value());
  }
  return *session.directory;
}

void authenticate(Exchange& ex, const Route& route) {
  auto& request = ex.request();
  Authenticated who;
  if (request.has("Authorization")) {
    const std::string& header = request.get("Authorization");
    if (header.compare(0, kBearer.size(), kBearer) != 0) {
      throw ApiError(401, "unauthenticated", "Authorization must be 'Bearer <API token>'");
    }
    who = by_token(ex, header.substr(kBearer.size()));
  } else {
    Poco::Net::NameValueCollection cookies;
    request.getCookies(cookies);
    if (!cookies.has(kSessionCookie)) {
      throw ApiError(401, "unauthenticated",
                     "log in (POST /api/v1/login) or send an API token (Authorization: Bearer)");
    }
    who = by_cookie(ex, cookies.get(kSessionCookie));
    if (changes_state(request.getMethod())) {
      const std::string sent = request.get("X-CSRF-Token", "");
      if (sent.empty() || !same_secret(sent, who.csrf_token)) {
        throw ApiError(403, "csrf",
                       "a change made with a session cookie needs the session's CSRF token in "
                       "X-CSRF-Token (from login or GET /api/v1/me)");
      }
    }
  }
  if (route.role && !auth::at_least(who.principal.role, *route.role)) {
    throw forbidden(std::string(route.method) + " " + route.pattern + " needs the " +
                    std::string(auth::role_name(*route.role)) + " role; " + who.principal.user +
                    " is " + std::string(auth::role_name(who.principal.role)));
  }
  ex.set_auth(std::move(who));
}

void set_session_cookie(Exchange& ex, const std::string& session_id) {
  Poco::Net::HTTPCookie cookie(kSessionCookie, session_id);
  cookie.setPath("/");
  cookie.setHttpOnly(true);
  cookie.setSecure(ex.context().tls);
  cookie.setSameSite(Poco::Net::HTTPCookie::SAME_SITE_STRICT);
  if (session_id.empty()) cookie.setMaxAge(0);
  ex.response().addCookie(cookie);
}

}  // namespace ordex::app::http
