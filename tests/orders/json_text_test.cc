#include "orders/json_text.h"

#include <gtest/gtest.h>

#include <string>

namespace ordex::orders {
namespace {

std::string as_json(std::string_view value) {
  std::string out;
  append_json_string(out, value);
  return out;
}

TEST(JsonTextTest, PlainTextIsQuotedAsItIs) {
  EXPECT_EQ(as_json(""), "\"\"");
  EXPECT_EQ(as_json("PO 4500012345 qty 12/10"), "\"PO 4500012345 qty 12/10\"");
}

TEST(JsonTextTest, QuotesBackslashesAndControlBytesAreEscapedWhereverTheyStand) {
  EXPECT_EQ(as_json("\"a\\b\""), R"("\"a\\b\"")");
  EXPECT_EQ(as_json("line 1\nline 2\r\n\tend"), R"("line 1\nline 2\r\n\tend")");
  EXPECT_EQ(as_json(std::string("x\0y\x1f\x7f", 5)), R"("x\u0000y\u001f\u007f")");
  EXPECT_EQ(as_json("\x01"), R"("\u0001")");
}

TEST(JsonTextTest, ValidUtf8IsKeptAndInvalidBytesBecomeTheReplacementCharacter) {
  EXPECT_EQ(as_json("Müller – 東京 🚚"), "\"Müller – 東京 🚚\"");
  EXPECT_EQ(as_json("caf\xe9!"), R"("caf\ufffd!")");        // Latin-1, not UTF-8
  EXPECT_EQ(as_json("\xe6\x9d"), R"("\ufffd\ufffd")");      // a sequence cut short
  EXPECT_EQ(as_json("a\xc0\xafz"), R"("a\ufffd\ufffdz")");  // an overlong form
}

TEST(JsonTextTest, AppendsToWhatIsThere) {
  std::string out = "{\"k\":";
  append_json_string(out, "v\"");
  EXPECT_EQ(out, R"({"k":"v\"")");
}

}  // namespace
}  // namespace ordex::orders
