#pragma once
// Password hashes as stored in users.password_hash:
//
//   pbkdf2-sha256$<iterations>$<salt, base64>$<derived key, base64>
//
// PBKDF2-HMAC-SHA256 (RFC 8018) with a random 16-byte salt and a 32-byte key. The iteration
// count is part of the text, so raising DirectoryOptions::pbkdf2_iterations later leaves the
// old hashes verifiable.

#include <cstdint>
#include <string>
#include <string_view>

#include "orders/status.h"

namespace ordex::app::auth {

inline constexpr std::string_view kPasswordScheme = "pbkdf2-sha256";

orders::Result<std::string> hash_password(std::string_view password, std::uint32_t iterations);

// True when `password` matches `stored`; false for a mismatch and for a malformed `stored`
// (a damaged row locks its user out rather than letting anyone in). The final comparison is
// constant-time.
bool verify_password(std::string_view password, std::string_view stored);

}  // namespace ordex::app::auth
