// POST /api/v1/login, POST /api/v1/logout, GET /api/v1/me: the browser's session.
#include "app/http/api_error.h"
#include "app/http/auth_middleware.h"
#include "app/http/json_body.h"
#include "app/http/json_out.h"
#include "app/http/routes.h"

namespace ordex::app::http {

namespace {

std::string whoami(const auth::Principal& who, const std::string& csrf_token) {
  JsonOut o('{');
  o.key("user").string(who.user).key("role").string(auth::role_name(who.role));
  o.key("csrf_token");
  if (csrf_token.empty()) {
    o.null();
  } else {
    o.string(csrf_token);
  }
  return o.close();
}

void login(Exchange& ex) {
  const JsonBody body(ex, {"user", "password"});
  const std::string user = body.required_text("user");
  const std::string password = body.required_text("password");
  auto session = directory(ex).login(user, password, ex.now());
  if (!session.ok()) database_failed(ex, session.error());
  // One message for an unknown user, a wrong password and a disabled user: the answer must
  // not tell which user names exist.
  if (!session.value()) throw ApiError(401, "unauthenticated", "wrong user name or password");
  set_session_cookie(ex, session.value()->session_id);
  ex.json(200, whoami(session.value()->principal, session.value()->csrf_token));
}

void logout(Exchange& ex) {
  const auto& who = ex.auth();
  if (who && !who->session_id.empty()) {
    if (orders::Status s = directory(ex).logout(who->session_id); !s.ok()) {
      database_failed(ex, s.error());
    }
    set_session_cookie(ex, "");
  }
  ex.no_content();
}

void me(Exchange& ex) { ex.json(200, whoami(ex.principal(), ex.auth()->csrf_token)); }

}  // namespace

void add_auth_routes(Router& router) {
  router.add({"POST", "/api/v1/login", std::nullopt, login});
  router.add({"POST", "/api/v1/logout", auth::Role::kRep, logout});
  router.add({"GET", "/api/v1/me", auth::Role::kRep, me});
}

}  // namespace ordex::app::http
