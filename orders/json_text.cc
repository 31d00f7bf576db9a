#include "orders/json_text.h"

#include <cstdio>

namespace ordex::orders {

namespace {

// Length of the valid UTF-8 sequence starting at s[i], or 0 if it is not valid.
std::size_t utf8_length(std::string_view s, std::size_t i) {
  const auto b = static_cast<unsigned char>(s[i]);
  std::size_t n = 0;
  if (b >= 0xC2 && b <= 0xDF)
    n = 2;
  else if (b >= 0xE0 && b <= 0xEF)
    n = 3;
  else if (b >= 0xF0 && b <= 0xF4)
    n = 4;
  else
    return 0;
  if (i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  }
  return n;
}

// Printable ASCII other than '"' and '\\': copied as it is.
bool plain(unsigned char c) { return c >= 0x20 && c < 0x7F && c != '"' && c != '\\'; }

}  // namespace

// Runs of plain bytes are appended whole: values are mostly plain text, and appending a byte
// at a time was ~3 % of an API queue page's CPU in perf.
void append_json_string(std::string& out, std::string_view value) {
  out += '"';
  for (std::size_t i = 0; i < value.size(); ++i) {
    std::size_t run = i;
    while (run < value.size() && plain(static_cast<unsigned char>(value[run]))) ++run;
    if (run > i) {
      out.append(value.data() + i, run - i);
      if (run == value.size()) break;
      i = run;
    }
    const auto c = static_cast<unsigned char>(value[i]);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else if (const std::size_t n = utf8_length(value, i); n > 0) {
      out.append(value.substr(i, n));
      i += n - 1;
    } else {
      out += "\\ufffd";
    }
  }
  out += '"';
}

}  // namespace ordex::orders
