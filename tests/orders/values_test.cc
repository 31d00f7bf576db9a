// Small value helpers: decimals, UTF-8 cleaning, record names.
#include <gtest/gtest.h>

#include "orders/decimal.h"
#include "orders/store_records.h"
#include "orders/utf8.h"

namespace ordex::orders {
namespace {

TEST(Decimal, ParsesExactlyToFourPlaces) {
  EXPECT_EQ(parse_decimal("19.99"), Decimal{199900});
  EXPECT_EQ(parse_decimal("7"), Decimal{70000});
  EXPECT_EQ(parse_decimal("-0.0001"), Decimal{-1});
  EXPECT_EQ(parse_decimal("+3."), Decimal{30000});
  EXPECT_EQ(parse_decimal(".5"), Decimal{5000});
  EXPECT_EQ(parse_decimal("922337203685477.5807"), Decimal{INT64_MAX});
  for (const char* bad :
       {"", "-", ".", "1.23456", "1,5", " 1", "1e3", "abc", "1.2.3", "922337203685478"}) {
    EXPECT_FALSE(parse_decimal(bad).has_value()) << bad;
  }
}

TEST(Decimal, PrintsTheShortestExactText) {
  EXPECT_EQ(to_string(Decimal{125000}), "12.5");
  EXPECT_EQ(to_string(Decimal{120000}), "12");
  EXPECT_EQ(to_string(Decimal{-1}), "-0.0001");
  EXPECT_EQ(to_string(Decimal{0}), "0");
  EXPECT_EQ(to_string(Decimal{INT64_MIN}), "-922337203685477.5808");
}

TEST(Utf8, ValidTextIsKeptAndBadBytesAreReplaced) {
  EXPECT_TRUE(is_valid_utf8("plain ascii"));
  EXPECT_TRUE(is_valid_utf8("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x93\xa6"));
  EXPECT_FALSE(is_valid_utf8("caf\xe9"));
  EXPECT_FALSE(is_valid_utf8("\xc0\xaf"));          // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xed\xa0\x80"));      // a surrogate
  EXPECT_FALSE(is_valid_utf8("\xf4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(is_valid_utf8(std::string("a\0b", 3)));
  EXPECT_EQ(to_valid_utf8("caf\xe9!"), "caf\xEF\xBF\xBD!");
  EXPECT_EQ(to_valid_utf8("ok \xc3\xa9"), "ok \xc3\xa9");
  EXPECT_EQ(to_valid_utf8("\xe2\x82"), "\xEF\xBF\xBD\xEF\xBF\xBD");
}

// Clean ASCII is skipped eight bytes at a time; a bad byte or a NUL must be caught at any
// offset, inside a word or in the tail after the last whole word.
TEST(Utf8, BadBytesAreFoundAtEveryOffset) {
  for (std::size_t length = 1; length <= 40; ++length) {
    const std::string clean(length, 'x');
    EXPECT_TRUE(is_valid_utf8(clean));
    EXPECT_EQ(to_valid_utf8(clean), clean);
    for (std::size_t at = 0; at < length; ++at) {
      for (char bad : {'\xe9', '\0', '\x80', '\xff'}) {
        std::string text = clean;
        text[at] = bad;
        EXPECT_FALSE(is_valid_utf8(text)) << "length " << length << " at " << at;
        std::string expected = clean;
        expected.replace(at, 1, "\xEF\xBF\xBD");
        EXPECT_EQ(to_valid_utf8(text), expected) << "length " << length << " at " << at;
      }
      std::string accented = clean;
      accented.replace(at, 1, "\xc3\xa9");
      EXPECT_TRUE(is_valid_utf8(accented));
      EXPECT_EQ(to_valid_utf8(accented), accented);
    }
  }
}

TEST(StoreRecords, NamesRoundTrip) {
  for (OrderPurpose p : {OrderPurpose::kOriginal, OrderPurpose::kCancel, OrderPurpose::kReplace,
                         OrderPurpose::kChange}) {
    EXPECT_EQ(purpose_from(to_string(p)), p);
  }
  EXPECT_EQ(document_status_from("accepted_with_errors"), DocumentStatus::kAcceptedWithErrors);
  EXPECT_EQ(role_from("warehouse"), PartnerRole::kWarehouse);
  EXPECT_FALSE(role_from("Warehouse").has_value());
  EXPECT_EQ(disposition_from(to_string(FileDisposition::kDuplicate)), FileDisposition::kDuplicate);
  EXPECT_EQ(order_status_from("cancelled"), OrderStatus::kCancelled);
}

}  // namespace
}  // namespace ordex::orders
