#include "orders/csv_reader.h"

#include "orders/utf8.h"

namespace ordex::orders {

CsvReader::CsvReader(std::istream& in, bool require_utf8)
    : in_(in.rdbuf()), require_utf8_(require_utf8) {}

int CsvReader::peek() {
  const auto c = in_->sgetc();
  return c == std::char_traits<char>::eof() ? -1 : static_cast<unsigned char>(c);
}

int CsvReader::get() {
  const auto c = in_->sbumpc();
  if (c == std::char_traits<char>::eof()) return -1;
  if (c == '\n' || (c == '\r' && peek() != '\n')) ++line_;
  return static_cast<unsigned char>(c);
}

void CsvReader::skip_rest_of_line() {
  for (int c = peek(); c != -1; c = peek()) {
    get();
    if (c == '\n' || c == '\r') {
      if (c == '\r' && peek() == '\n') get();
      return;
    }
  }
}

CsvResult CsvReader::fail(const char* message) {
  error_ = message;
  skip_rest_of_line();
  return CsvResult::kError;
}

CsvResult CsvReader::finish(CsvRecord& record) {
  record.fields.push_back(std::move(field_));
  field_.clear();
  if (require_utf8_) {
    for (const std::string& f : record.fields) {
      if (!is_valid_utf8(f)) {
        error_ = "not valid UTF-8";
        return CsvResult::kError;
      }
    }
  }
  return CsvResult::kRecord;
}

// A state machine over bytes; the switch is the whole grammar, so it stays in one piece.
CsvResult CsvReader::next(CsvRecord& record) {
  if (!started_) {
    started_ = true;
    if (peek() == 0xEF) {  // a UTF-8 byte-order mark, written by spreadsheet exports
      char head[3] = {};
      const std::streamsize got = in_->sgetn(head, 3);
      if (got != 3 || head[1] != '\xBB' || head[2] != '\xBF') {
        for (std::streamsize i = got - 1; i >= 0; --i) in_->sputbackc(head[i]);
      }
    }
  }
  record.fields.clear();
  field_.clear();
  error_.clear();
  record.line = line_;
  State state = State::kFieldStart;
  for (;;) {
    const int c = get();
    switch (state) {
      case State::kFieldStart:
        if (c == -1) {
          if (record.fields.empty()) return CsvResult::kEnd;
          return finish(record);
        }
        if (c == '\n' || c == '\r') {
          if (c == '\r' && peek() == '\n') get();
          if (record.fields.empty()) {  // a blank line
            record.line = line_;
            continue;
          }
          return finish(record);
        }
        if (c == ',') {
          record.fields.push_back(std::move(field_));
          field_.clear();
        } else if (c == '"') {
          state = State::kQuoted;
        } else {
          field_ += static_cast<char>(c);
          state = State::kUnquoted;
        }
        break;
      case State::kUnquoted:
        if (c == -1) return finish(record);
        if (c == '\n' || c == '\r') {
          if (c == '\r' && peek() == '\n') get();
          return finish(record);
        }
        if (c == ',') {
          record.fields.push_back(std::move(field_));
          field_.clear();
          state = State::kFieldStart;
        } else if (c == '"') {
          return fail("a quote inside an unquoted field (quote the whole field and double it)");
        } else {
          field_ += static_cast<char>(c);
        }
        break;
      case State::kQuoted:
        if (c == -1) {
          error_ = "a quoted field is not closed before the end of the file";
          return CsvResult::kError;
        }
        if (c == '"') {
          if (peek() == '"') {
            get();
            field_ += '"';
          } else {
            state = State::kAfterQuote;
          }
        } else {
          field_ += static_cast<char>(c);
        }
        break;
      case State::kAfterQuote:
        if (c == -1) return finish(record);
        if (c == '\n' || c == '\r') {
          if (c == '\r' && peek() == '\n') get();
          return finish(record);
        }
        if (c != ',') return fail("text after the closing quote of a field");
        record.fields.push_back(std::move(field_));
        field_.clear();
        state = State::kFieldStart;
        break;
    }
  }
}

}  // namespace ordex::orders
