// Password hashes: the stored format, a known answer (RFC 7914 section 11 / Python's hashlib)
// and every way a stored text can be wrong.
#include "app/auth/password_hash.h"

#include <gtest/gtest.h>

#include <regex>

namespace ordex::app::auth {
namespace {

TEST(PasswordHash, HasTheDocumentedFormat) {
  auto hash = hash_password("correct horse", 1000);
  ASSERT_TRUE(hash.ok()) << hash.error();
  // 16-byte salt and 32-byte key in padded base64.
  static const std::regex kFormat(
      R"(pbkdf2-sha256\$1000\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=)");
  EXPECT_TRUE(std::regex_match(hash.value(), kFormat)) << hash.value();
}

TEST(PasswordHash, VerifiesOnlyTheRightPassword) {
  auto hash = hash_password("correct horse", 1000);
  ASSERT_TRUE(hash.ok()) << hash.error();
  EXPECT_TRUE(verify_password("correct horse", hash.value()));
  EXPECT_FALSE(verify_password("correct horsE", hash.value()));
  EXPECT_FALSE(verify_password("correct hors", hash.value()));
  EXPECT_FALSE(verify_password("", hash.value()));
}

TEST(PasswordHash, SaltsEachHash) {
  auto a = hash_password("same password", 1000);
  auto b = hash_password("same password", 1000);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(a.value(), b.value());
}

TEST(PasswordHash, MatchesKnownPbkdf2Answers) {
  // PBKDF2-HMAC-SHA256("passwd", "salt", 1), the first 32 bytes of RFC 7914's vector.
  EXPECT_TRUE(verify_password(
      "passwd", "pbkdf2-sha256$1$c2FsdA==$VawEblbjCJ/sFpHCJUS2BflBhSFt3gRl5oudV8INrLw="));
  // ("Password", "NaCl", 80000), as Python's hashlib.pbkdf2_hmac computes it.
  EXPECT_TRUE(verify_password(
      "Password", "pbkdf2-sha256$80000$TmFDbA==$TdzY9guYviGDDO5e8icB+WQaRBjQTAQUrv8Ih2s0q1Y="));
  EXPECT_FALSE(verify_password(
      "Password", "pbkdf2-sha256$79999$TmFDbA==$TdzY9guYviGDDO5e8icB+WQaRBjQTAQUrv8Ih2s0q1Y="));
}

TEST(PasswordHash, RefusesMalformedStoredText) {
  const std::string key = "VawEblbjCJ/sFpHCJUS2BflBhSFt3gRl5oudV8INrLw=";
  EXPECT_FALSE(verify_password("passwd", ""));
  EXPECT_FALSE(verify_password("passwd", "passwd"));
  EXPECT_FALSE(verify_password("passwd", "pbkdf2-sha1$1$c2FsdA==$" + key));
  EXPECT_FALSE(verify_password("passwd", "pbkdf2-sha256$0$c2FsdA==$" + key));
  EXPECT_FALSE(verify_password("passwd", "pbkdf2-sha256$-1$c2FsdA==$" + key));
  EXPECT_FALSE(verify_password("passwd", "pbkdf2-sha256$1x$c2FsdA==$" + key));
  EXPECT_FALSE(verify_password("passwd", "pbkdf2-sha256$99999999999$c2FsdA==$" + key));
  EXPECT_FALSE(verify_password("passwd", "pbkdf2-sha256$1$$" + key));
  EXPECT_FALSE(verify_password("passwd", "pbkdf2-sha256$1$c2FsdA$" + key));
  EXPECT_FALSE(verify_password("passwd", "pbkdf2-sha256$1$c2FsdA==$" + key.substr(4)));
  EXPECT_FALSE(verify_password("passwd", "pbkdf2-sha256$1$c2FsdA==$" + key + "$x"));
}

TEST(PasswordHash, RefusesZeroIterations) { EXPECT_FALSE(hash_password("x", 0).ok()); }

}  // namespace
}  // namespace ordex::app::auth
