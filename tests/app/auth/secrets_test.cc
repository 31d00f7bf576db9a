// The primitives under every secret: known answers from RFC 4648 and FIPS 180-2.
#include "app/auth/secrets.h"

#include <gtest/gtest.h>

#include <set>

namespace ordex::app::auth {
namespace {

TEST(Base64, MatchesRfc4648Vectors) {
  EXPECT_EQ(base64(""), "");
  EXPECT_EQ(base64("f"), "Zg==");
  EXPECT_EQ(base64("fo"), "Zm8=");
  EXPECT_EQ(base64("foo"), "Zm9v");
  EXPECT_EQ(base64("foob"), "Zm9vYg==");
  EXPECT_EQ(base64("fooba"), "Zm9vYmE=");
  EXPECT_EQ(base64("foobar"), "Zm9vYmFy");
  EXPECT_EQ(base64("\xfb\xff"), "+/8=");
}

TEST(Base64, UrlAlphabetHasNoPadding) {
  EXPECT_EQ(base64url("\xfb\xff"), "-_8");
  EXPECT_EQ(base64url("foob"), "Zm9vYg");
}

TEST(Base64, DecodesWhatItEncodesAndRejectsTheRest) {
  for (const std::string s : {"", "f", "fo", "foo", "foob", "\x00\xff\x10"}) {
    ASSERT_EQ(from_base64(base64(s)), s);
  }
  EXPECT_FALSE(from_base64("Zm9"));   // not a multiple of 4
  EXPECT_FALSE(from_base64("Zm-v"));  // url alphabet
  EXPECT_FALSE(from_base64("Zg=a"));  // text after padding
  EXPECT_FALSE(from_base64("Zh=="));  // stray bits: not canonical
  EXPECT_FALSE(from_base64("=m9v"));  // padding first
}

TEST(Sha256, KnownAnswer) {
  EXPECT_EQ(sha256_base64url("abc"), "ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0");
}

TEST(ConstantTimeEqual, ComparesWholeStrings) {
  EXPECT_TRUE(constant_time_equal("", ""));
  EXPECT_TRUE(constant_time_equal("abc", "abc"));
  EXPECT_FALSE(constant_time_equal("abc", "abd"));
  EXPECT_FALSE(constant_time_equal("abc", "xbc"));
  EXPECT_FALSE(constant_time_equal("abc", "abcd"));
  EXPECT_FALSE(constant_time_equal(std::string_view("a\0b", 3), std::string_view("a\0c", 3)));
}

TEST(RandomBytes, GivesTheLengthAskedAndDiffers) {
  std::set<std::string> seen;
  for (int i = 0; i < 50; ++i) {
    auto bytes = random_bytes(32);
    ASSERT_TRUE(bytes.ok()) << bytes.error();
    ASSERT_EQ(bytes.value().size(), 32u);
    seen.insert(bytes.value());
  }
  EXPECT_EQ(seen.size(), 50u);
}

}  // namespace
}  // namespace ordex::app::auth
