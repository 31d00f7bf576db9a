#include "orders/csv_reader.h"

#include <gtest/gtest.h>

#include <sstream>

namespace ordex::orders {
namespace {

struct Read {
  CsvResult result;
  std::vector<std::string> fields;
  std::uint64_t line;
  std::string error;
};

std::vector<Read> read_all(const std::string& text) {
  std::istringstream in(text);
  CsvReader reader(in);
  std::vector<Read> out;
  CsvRecord record;
  for (CsvResult r; (r = reader.next(record)) != CsvResult::kEnd;) {
    out.push_back(Read{r, record.fields, record.line, reader.error()});
  }
  return out;
}

using Fields = std::vector<std::string>;

TEST(CsvReader, SplitsPlainFieldsAndKeepsEmptyOnes) {
  const auto rows = read_all("a,b,c\n1,,3\n,,\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].fields, (Fields{"a", "b", "c"}));
  EXPECT_EQ(rows[1].fields, (Fields{"1", "", "3"}));
  EXPECT_EQ(rows[2].fields, (Fields{"", "", ""}));
  EXPECT_EQ(rows[2].line, 3u);
}

TEST(CsvReader, QuotedFieldsHoldCommasDoubledQuotesAndLineBreaks) {
  const auto rows = read_all("\"a,b\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\nnext,row\r\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].fields, (Fields{"a,b", "say \"hi\"", "two\r\nlines"}));
  EXPECT_EQ(rows[0].line, 1u);
  EXPECT_EQ(rows[1].fields, (Fields{"next", "row"}));
  EXPECT_EQ(rows[1].line, 3u);  // the record after a two-line record starts on line 3
}

TEST(CsvReader, CrLfLfAndLoneCrAllEndLines) {
  const auto rows = read_all("a\r\nb\nc\rd");
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[3].fields, (Fields{"d"}));
  EXPECT_EQ(rows[3].line, 4u);
}

TEST(CsvReader, SkipsByteOrderMarkAndBlankLines) {
  const auto rows = read_all("\xEF\xBB\xBFid,name\n\n\r\n1,x\n\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].fields, (Fields{"id", "name"}));
  EXPECT_EQ(rows[1].line, 4u);
}

TEST(CsvReader, KeepsANonBomLeadingMultibyteCharacter) {
  const auto rows = read_all("\xEF\x80\x80x,y\n");  // U+F000, not a BOM
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].fields, (Fields{"\xEF\x80\x80x", "y"}));
}

TEST(CsvReader, LastRecordNeedsNoLineEnd) {
  const auto rows = read_all("a,\"b\"");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].fields, (Fields{"a", "b"}));
}

TEST(CsvReader, MalformedRecordsAreErrorsAndReadingGoesOn) {
  const auto rows = read_all("ok,1\nbad\"quote,2\n\"closed\"junk,3\nok,4\n\"never closed,5\n");
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_EQ(rows[0].result, CsvResult::kRecord);
  EXPECT_EQ(rows[1].result, CsvResult::kError);
  EXPECT_EQ(rows[1].line, 2u);
  EXPECT_NE(rows[1].error.find("quote inside an unquoted field"), std::string::npos);
  EXPECT_EQ(rows[2].result, CsvResult::kError);
  EXPECT_EQ(rows[2].line, 3u);
  EXPECT_NE(rows[2].error.find("after the closing quote"), std::string::npos);
  EXPECT_EQ(rows[3].result, CsvResult::kRecord);
  EXPECT_EQ(rows[3].fields, (Fields{"ok", "4"}));
  EXPECT_EQ(rows[4].result, CsvResult::kError);
  EXPECT_EQ(rows[4].line, 5u);
  EXPECT_NE(rows[4].error.find("not closed"), std::string::npos);
}

TEST(CsvReader, BytesThatAreNotUtf8MakeTheRecordAnError) {
  const auto rows = read_all("caf\xe9,1\ncaf\xc3\xa9,2\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].result, CsvResult::kError);
  EXPECT_EQ(rows[0].error, "not valid UTF-8");
  EXPECT_EQ(rows[1].result, CsvResult::kRecord);
  std::istringstream in("caf\xe9,1\n");
  CsvReader lenient(in, false);
  CsvRecord record;
  EXPECT_EQ(lenient.next(record), CsvResult::kRecord);
}

}  // namespace
}  // namespace ordex::orders
