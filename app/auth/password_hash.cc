#include "app/auth/password_hash.h"

#include <Poco/HMACEngine.h>
#include <Poco/PBKDF2Engine.h>
#include <Poco/SHA2Engine.h>

#include <charconv>
#include <optional>
#include <vector>

#include "app/auth/secrets.h"

namespace ordex::app::auth {

namespace {

constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kKeyBytes = 32;
// Above this a stored hash is refused: a tampered row must not make a login run for hours.
constexpr std::uint64_t kMaxIterations = 10'000'000;

// Poco's HMACEngine needs BLOCK_SIZE and DIGEST_SIZE from its engine; Poco 1.11's SHA2Engine
// does not declare them.
class Sha256 : public Poco::SHA2Engine {
 public:
  enum { BLOCK_SIZE = 64, DIGEST_SIZE = 32 };
  Sha256() : Poco::SHA2Engine(Poco::SHA2Engine::SHA_256) {}
};

std::string derive(std::string_view password, const std::string& salt, std::uint32_t iterations) {
  Poco::PBKDF2Engine<Poco::HMACEngine<Sha256>> pbkdf2(salt, iterations, kKeyBytes);
  pbkdf2.update(password.data(), password.size());
  const Poco::DigestEngine::Digest& key = pbkdf2.digest();
  return std::string(reinterpret_cast<const char*>(key.data()), key.size());
}

std::vector<std::string_view> split(std::string_view text, char sep) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = text.find(sep, start);
    parts.push_back(text.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

}  // namespace

orders::Result<std::string> hash_password(std::string_view password, std::uint32_t iterations) {
  if (iterations == 0) return orders::Failure{"PBKDF2 iteration count must be positive"};
  orders::Result<std::string> salt = random_bytes(kSaltBytes);
  if (!salt.ok()) return orders::Failure{salt.error()};
  return std::string(kPasswordScheme) + "$" + std::to_string(iterations) + "$" +
         base64(salt.value()) + "$" + base64(derive(password, salt.value(), iterations));
}

bool verify_password(std::string_view password, std::string_view stored) {
  const std::vector<std::string_view> parts = split(stored, '$');
  if (parts.size() != 4 || parts[0] != kPasswordScheme) return false;
  std::uint64_t iterations = 0;
  const auto [end, ec] =
      std::from_chars(parts[1].data(), parts[1].data() + parts[1].size(), iterations);
  if (ec != std::errc() || end != parts[1].data() + parts[1].size() || iterations == 0 ||
      iterations > kMaxIterations) {
    return false;
  }
  const std::optional<std::string> salt = from_base64(parts[2]);
  const std::optional<std::string> key = from_base64(parts[3]);
  if (!salt || !key || salt->empty() || key->size() != kKeyBytes) return false;
  return constant_time_equal(derive(password, *salt, static_cast<std::uint32_t>(iterations)), *key);
}

}  // namespace ordex::app::auth
