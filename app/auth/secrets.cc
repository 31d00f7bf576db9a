#include "app/auth/secrets.h"

#include <Poco/SHA2Engine.h>
#include <sys/random.h>

#include <array>
#include <cerrno>
#include <cstring>

namespace ordex::app::auth {

orders::Result<std::string> random_bytes(std::size_t count) {
  std::string out(count, '\0');
  std::size_t filled = 0;
  while (filled < count) {
    const ssize_t got = getrandom(out.data() + filled, count - filled, 0);
    if (got < 0) {
      if (errno == EINTR) continue;  // a signal before any byte was read: just ask again
      return orders::Failure{std::string("cannot read random bytes: ") + std::strerror(errno)};
    }
    filled += static_cast<std::size_t>(got);
  }
  return out;
}

namespace {

constexpr std::string_view kStandard =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr std::string_view kUrl =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::string encode(std::string_view bytes, std::string_view alphabet, bool pad) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    const auto n = static_cast<unsigned>(static_cast<unsigned char>(bytes[i])) << 16 |
                   static_cast<unsigned>(static_cast<unsigned char>(bytes[i + 1])) << 8 |
                   static_cast<unsigned>(static_cast<unsigned char>(bytes[i + 2]));
    for (int shift = 18; shift >= 0; shift -= 6) out += alphabet[(n >> shift) & 63];
  }
  const std::size_t rest = bytes.size() - i;
  if (rest > 0) {
    unsigned n = static_cast<unsigned>(static_cast<unsigned char>(bytes[i])) << 16;
    if (rest == 2) n |= static_cast<unsigned>(static_cast<unsigned char>(bytes[i + 1])) << 8;
    out += alphabet[(n >> 18) & 63];
    out += alphabet[(n >> 12) & 63];
    if (rest == 2) out += alphabet[(n >> 6) & 63];
    if (pad) out.append(3 - rest, '=');
  }
  return out;
}

}  // namespace

std::string base64(std::string_view bytes) { return encode(bytes, kStandard, true); }
std::string base64url(std::string_view bytes) { return encode(bytes, kUrl, false); }

std::optional<std::string> from_base64(std::string_view text) {
  if (text.size() % 4 != 0) return std::nullopt;
  std::string out;
  out.reserve(text.size() / 4 * 3);
  for (std::size_t i = 0; i < text.size(); i += 4) {
    const bool last = i + 4 == text.size();
    unsigned n = 0;
    int pads = 0;
    for (std::size_t k = 0; k < 4; ++k) {
      const char c = text[i + k];
      if (c == '=' && last && k >= 2) {
        ++pads;
        n <<= 6;
        continue;
      }
      const std::size_t v = kStandard.find(c);
      if (v == std::string_view::npos || pads > 0) return std::nullopt;
      n = n << 6 | static_cast<unsigned>(v);
    }
    out += static_cast<char>(n >> 16 & 0xff);
    if (pads < 2) out += static_cast<char>(n >> 8 & 0xff);
    if (pads < 1) out += static_cast<char>(n & 0xff);
  }
  // Canonical only: re-encoding gives the same text (no stray bits in the padding).
  if (base64(out) != text) return std::nullopt;
  return out;
}

std::string sha256_base64url(std::string_view text) {
  Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
  sha.update(text.data(), text.size());
  const Poco::DigestEngine::Digest& d = sha.digest();
  return base64url(std::string_view(reinterpret_cast<const char*>(d.data()), d.size()));
}

bool constant_time_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  // volatile: the compiler must not turn the loop into an early-exit memcmp.
  volatile unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    diff = diff | static_cast<unsigned char>(a[i] ^ b[i]);
  }
  return diff == 0;
}

}  // namespace ordex::app::auth
