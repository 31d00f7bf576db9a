#include "edi/datetime_check.h"

namespace ordex::edi {

namespace {

int number(std::string_view digits) {
  int n = 0;
  for (char c : digits) n = n * 10 + (c - '0');
  return n;
}

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

}  // namespace

bool is_all_digits(std::string_view value) {
  if (value.empty()) return false;
  for (char c : value) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool is_valid_date(std::string_view value) {
  if ((value.size() != 8 && value.size() != 6) || !is_all_digits(value)) return false;
  const std::size_t y = value.size() - 6;
  // YYMMDD: X12 and EDIFACT leave the century to the reader; leap years repeat every four
  // years within any century window, so 2000-2099 decides February correctly.
  const int year =
      value.size() == 8 ? number(value.substr(0, 4)) : 2000 + number(value.substr(0, 2));
  const int month = number(value.substr(y + 2, 2));
  const int day = number(value.substr(y + 4, 2));
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  const int max_day = kDays[month - 1] + (month == 2 && is_leap(year) ? 1 : 0);
  return day <= max_day;
}

bool is_valid_time(std::string_view value) {
  if (value.size() < 4 || value.size() > 8 || value.size() == 5 || !is_all_digits(value)) {
    return false;
  }
  if (number(value.substr(0, 2)) > 23 || number(value.substr(2, 2)) > 59) return false;
  return value.size() < 6 || number(value.substr(4, 2)) <= 59;
}

}  // namespace ordex::edi
