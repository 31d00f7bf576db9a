#pragma once
// Who a request is, for every route that is not public:
//   - `Authorization: Bearer ordex_...`: an API token (scripts); no CSRF check.
//   - else the `ordex_session` cookie: a browser session; a change (any method but GET/HEAD)
//     must repeat the session's CSRF token in `X-CSRF-Token` (403 csrf), which a page of
//     another site cannot read, so it cannot forge the request with the browser's cookie.
// Neither: 401 unauthenticated; a session that expired or ended: 401 session_expired; a role
// below the route's: 403 forbidden.
//
// The user directory is opened on each pooled session at first use (auth::Directory is not
// thread-safe; one per session, like the store).

#include <string>

#include "app/auth/directory.h"
#include "app/http/exchange.h"

namespace ordex::app::http {

inline constexpr const char* kSessionCookie = "ordex_session";

void authenticate(Exchange& exchange, const Route& route);

// The session's user directory, opened on first use.
auth::Directory& directory(Exchange& exchange);

// Set-Cookie for a session id ("" clears it): HttpOnly; SameSite=Strict; Path=/; Secure on TLS.
void set_session_cookie(Exchange& exchange, const std::string& session_id);

}  // namespace ordex::app::http
