#include "edi/value_checks.h"

#include "edi/datetime_check.h"
#include "edi/segment.h"

namespace ordex::edi {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_control(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u < 0x20 || u == 0x7F;
}

// UTF-8 continuation bytes do not start a character.
std::size_t text_length(std::string_view v, bool utf8) {
  if (!utf8) return v.size();
  std::size_t n = 0;
  for (char c : v) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

Problem scan_text(std::string_view v, bool alphabetic) {
  for (char c : v) {
    if (is_control(c)) return Problem::kInvalidCharacter;
    if (alphabetic && is_digit(c)) return Problem::kInvalidCharacterType;
  }
  return Problem::kNone;
}

Problem scan_integer(std::string_view v, std::size_t& digits) {
  std::size_t i = !v.empty() && v[0] == '-' ? 1 : 0;
  if (i == v.size()) return Problem::kInvalidCharacterType;
  for (; i < v.size(); ++i) {
    if (!is_digit(v[i])) return Problem::kInvalidCharacterType;
  }
  digits = v.size() - (v[0] == '-' ? 1 : 0);
  return Problem::kNone;
}

// X12 R: [-]digits[.digits][E[-]digits]; "5." and ".5" are accepted.
Problem scan_x12_decimal(std::string_view v, bool exponent, std::size_t& digits) {
  std::size_t i = v[0] == '-' ? 1 : 0, mantissa = 0, exponent_digits = 0;
  bool point = false;
  for (; i < v.size() && v[i] != 'E'; ++i) {
    if (is_digit(v[i])) {
      ++mantissa;
    } else if (v[i] == '.' && !point) {
      point = true;
    } else {
      return Problem::kInvalidCharacterType;
    }
  }
  if (mantissa == 0) return Problem::kInvalidCharacterType;
  if (i < v.size()) {
    if (!exponent) return Problem::kInvalidCharacterType;
    if (++i < v.size() && v[i] == '-') ++i;
    for (; i < v.size(); ++i, ++exponent_digits) {
      if (!is_digit(v[i])) return Problem::kInvalidCharacterType;
    }
    if (exponent_digits == 0) return Problem::kInvalidCharacterType;
  }
  digits = mantissa + exponent_digits;
  return Problem::kNone;
}

// EDIFACT n (ISO 9735 §10): [-]digits[<mark>digits] with the UNA decimal mark.
Problem scan_edifact_decimal(std::string_view v, char mark, std::size_t& digits) {
  const std::size_t start = v[0] == '-' ? 1 : 0;
  std::size_t before = 0, after = 0;
  bool seen = false;
  for (std::size_t i = start; i < v.size(); ++i) {
    const char c = v[i];
    if (is_digit(c)) {
      ++(seen ? after : before);
    } else if (c == mark && !seen) {
      if (before == 0) return Problem::kMissingDigitBeforeDecimal;
      seen = true;
    } else if (c == '.' || c == ',') {
      return Problem::kInvalidDecimalNotation;  // the other mark, or a second one
    } else {
      return Problem::kInvalidCharacterType;
    }
  }
  if (before == 0) return Problem::kInvalidCharacterType;
  if (seen && after == 0) return Problem::kInvalidDecimalNotation;
  digits = before + after;
  return Problem::kNone;
}

Problem check_length(std::size_t length, const ElementDef& def) {
  if (length < def.min_length) return Problem::kTooShort;
  if (length > def.max_length) return Problem::kTooLong;
  return Problem::kNone;
}

}  // namespace

Problem check_value(std::string_view value, const ElementDef& def, const ValueRules& rules,
                    bool may_have_control) {
  std::size_t length = value.size();
  Problem p = Problem::kNone;
  switch (def.type) {
    case DataType::kText:
    case DataType::kIdentifier:
    case DataType::kAlphabetic:
      if (may_have_control || def.type == DataType::kAlphabetic) {
        p = scan_text(value, def.type == DataType::kAlphabetic);
      }
      length = text_length(value, rules.utf8);
      break;
    case DataType::kImpliedDecimal:
      p = scan_integer(value, length);
      break;
    case DataType::kDecimal:
      p = rules.edifact ? scan_edifact_decimal(value, rules.decimal, length)
                        : scan_x12_decimal(value, rules.exponent, length);
      break;
    case DataType::kDate:
      if (p = check_length(length, def); p != Problem::kNone) return p;
      return is_valid_date(value) ? Problem::kNone : Problem::kInvalidDate;
    case DataType::kTime:
      if (p = check_length(length, def); p != Problem::kNone) return p;
      return is_valid_time(value) ? Problem::kNone : Problem::kInvalidTime;
    case DataType::kBinary:
      return Problem::kNone;
  }
  if (p != Problem::kNone) return p;
  if (p = check_length(length, def); p != Problem::kNone) return p;
  if (!def.codes.empty() && !def.codes.contains(value)) return Problem::kInvalidCode;
  return Problem::kNone;
}

// One switch on the format code packed into an integer rather than up to twelve string
// compares: every EDIFACT DTM (C507 2379) comes here.
Problem check_date_format(std::string_view format, std::string_view value) {
  const auto date_time = [&](std::size_t date_digits, std::size_t time_digits) {
    if (value.size() != date_digits + time_digits) return false;
    return is_valid_date(value.substr(0, date_digits)) &&
           (time_digits == 0 || is_valid_time(value.substr(date_digits)));
  };
  bool ok = true;
  switch (tag_code(format)) {  // 0, matching no case, for a code longer than three bytes
    case tag_code("102"):
    case tag_code("D8"):
      ok = date_time(8, 0);
      break;
    case tag_code("101"):
    case tag_code("D6"):
      ok = date_time(6, 0);
      break;
    case tag_code("203"):
    case tag_code("DT"):
      ok = date_time(8, 4);
      break;
    case tag_code("201"):
      ok = date_time(6, 4);
      break;
    case tag_code("204"):
      ok = date_time(8, 6);
      break;
    case tag_code("718"):
    case tag_code("RD8"):
      ok = value.size() == 17 && value[8] == '-' && is_valid_date(value.substr(0, 8)) &&
           is_valid_date(value.substr(9));
      break;
    case tag_code("401"):
    case tag_code("TM"):
      return value.size() == 4 && is_valid_time(value) ? Problem::kNone : Problem::kInvalidTime;
    default:
      break;
  }
  return ok ? Problem::kNone : Problem::kInvalidDate;
}

}  // namespace ordex::edi
