#pragma once
// The primitives every secret in app/auth goes through: random bytes from the kernel's CSPRNG,
// base64 text, SHA-256 digests and a comparison whose time does not depend on where two
// strings differ (so a timing probe learns nothing about a stored digest).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "orders/status.h"

namespace ordex::app::auth {

// `count` bytes from getrandom(2) (the kernel CSPRNG; blocks only before it is seeded at boot).
orders::Result<std::string> random_bytes(std::size_t count);

// RFC 4648 base64: standard alphabet with padding, or base64url without padding (for text
// that goes into cookies, headers and URLs unchanged).
std::string base64(std::string_view bytes);
std::string base64url(std::string_view bytes);
// Standard base64 back to bytes; nullopt for anything that is not canonical base64.
std::optional<std::string> from_base64(std::string_view text);

// SHA-256 of `text` as base64url (43 characters): how session ids and tokens are stored.
std::string sha256_base64url(std::string_view text);

// True when a == b; the time taken depends only on the lengths.
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace ordex::app::auth
