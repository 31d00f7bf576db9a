#pragma once
// A streaming RFC 4180 CSV reader: comma-separated fields, CRLF or LF line ends, fields in
// double quotes may hold commas, line breaks and doubled quotes (""). Used for master data
// and the CSV tracking feed.
//
//   CsvReader reader(stream);
//   CsvRecord record;
//   for (CsvResult r; (r = reader.next(record)) != CsvResult::kEnd;) {
//     if (r == CsvResult::kError) report(record.line, reader.error());
//     else use(record.fields);
//   }
//
// Lenient where it costs nothing: a UTF-8 byte-order mark at the start is skipped, blank
// lines are skipped, a lone CR ends a line. Strict where data would be guessed: a quote inside
// an unquoted field, text after a closing quote, an unclosed quote, and (when asked) bytes
// that are not UTF-8 make the record an error; the reader then skips to the end of that
// record's last line and goes on.

#include <cstdint>
#include <istream>
#include <string>
#include <vector>

namespace ordex::orders {

struct CsvRecord {
  std::vector<std::string> fields;
  std::uint64_t line = 0;  // the line the record starts on, from 1
};

enum class CsvResult : std::uint8_t { kRecord, kError, kEnd };

class CsvReader {
 public:
  // `in` must outlive the reader. With `require_utf8`, a record with a field that is not
  // valid UTF-8 is an error.
  explicit CsvReader(std::istream& in, bool require_utf8 = true);

  CsvResult next(CsvRecord& record);
  const std::string& error() const { return error_; }  // after kError

 private:
  enum class State : std::uint8_t { kFieldStart, kUnquoted, kQuoted, kAfterQuote };

  int get();  // the next byte, or -1 at the end; counts lines
  int peek();
  void skip_rest_of_line();
  CsvResult fail(const char* message);
  CsvResult finish(CsvRecord& record);

  std::streambuf* in_;
  bool require_utf8_;
  bool started_ = false;
  std::uint64_t line_ = 1;
  std::string field_;
  std::string error_;
};

}  // namespace ordex::orders
