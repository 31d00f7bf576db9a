#include "edi/segment.h"

namespace ordex::edi {

namespace {

// Calls on_part(begin, end) for each part; stops early when it returns false.
template <typename F>
void for_each_part(std::string_view value, char separator, char release, F on_part) {
  std::size_t begin = 0;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (release != 0 && value[i] == release) {
      ++i;
      continue;
    }
    if (value[i] == separator) {
      if (!on_part(begin, i)) return;
      begin = i + 1;
    }
  }
  on_part(begin, value.size());
}

}  // namespace

std::string_view part(std::string_view value, std::size_t n, char separator, char release) {
  std::string_view found;
  std::size_t index = 0;
  if (n == 0 || separator == 0) return n == 1 ? value : std::string_view{};
  for_each_part(value, separator, release, [&](std::size_t b, std::size_t e) {
    if (++index == n) {
      found = value.substr(b, e - b);
      return false;
    }
    return true;
  });
  return found;
}

std::size_t part_count(std::string_view value, char separator, char release) {
  if (value.empty()) return 0;
  if (separator == 0) return 1;
  std::size_t count = 0;
  for_each_part(value, separator, release, [&](std::size_t, std::size_t) {
    ++count;
    return true;
  });
  return count;
}

std::string unescape(std::string_view value, char release) {
  std::string out;
  out.reserve(value.size());
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i] == release && release != 0 && i + 1 < value.size()) ++i;
    out.push_back(value[i]);
  }
  return out;
}

}  // namespace ordex::edi
