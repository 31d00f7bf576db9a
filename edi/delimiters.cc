#include "edi/delimiters.h"

#include <array>

namespace ordex::edi {

std::string_view to_string(Standard standard) {
  return standard == Standard::kX12 ? "X12" : "EDIFACT";
}

Delimiters edifact_default_delimiters(int syntax_version) {
  Delimiters d;
  d.segment = '\'';
  d.element = '+';
  d.component = ':';
  d.release = '?';
  d.decimal = '.';
  d.repetition = syntax_version >= 4 ? '*' : 0;
  return d;
}

bool is_known_edifact_syntax(std::string_view id) {
  static constexpr std::string_view kIds[] = {"UNOA", "UNOB", "UNOC", "UNOD", "UNOE",
                                              "UNOF", "UNOG", "UNOH", "UNOI", "UNOJ",
                                              "UNOK", "UNOW", "UNOX", "UNOY", "KECA"};
  for (std::string_view k : kIds) {
    if (id == k) return true;
  }
  return false;
}

namespace {

bool is_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

}  // namespace

DelimiterProblem check_delimiters(const Delimiters& d) {
  using Kind = DelimiterProblem::Kind;
  if (d.release != 0 && (is_alnum(d.release) || d.release == ' ')) {
    return {Kind::kRelease,
            std::string("release character '") + d.release + "' is a letter, digit or space"};
  }
  struct Named {
    char c;
    Kind kind;
    const char* name;
  };
  const std::array<Named, 4> all = {{{d.segment, Kind::kSegment, "segment terminator"},
                                     {d.element, Kind::kElement, "element separator"},
                                     {d.component, Kind::kComponent, "component separator"},
                                     {d.repetition, Kind::kRepetition, "repetition separator"}}};
  for (std::size_t i = 0; i < all.size(); ++i) {
    const Named& a = all[i];
    if (a.c == 0) continue;
    if (is_alnum(a.c) || a.c == ' ') {
      return {a.kind, std::string(a.name) + " '" + a.c + "' is a letter, digit or space"};
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (all[j].c == a.c) {
        return {a.kind, std::string(a.name) + " '" + a.c + "' is also the " + all[j].name};
      }
    }
    if (d.release != 0 && a.c == d.release) {
      return {a.kind, std::string(a.name) + " '" + a.c + "' is also the release character"};
    }
  }
  return {};
}

}  // namespace ordex::edi
