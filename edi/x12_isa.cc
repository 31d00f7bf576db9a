#include "edi/x12_isa.h"

#include <initializer_list>

#include "edi/datetime_check.h"
#include "edi/walk_context.h"

namespace ordex::edi::detail {

namespace {

bool in(std::string_view v, std::initializer_list<std::string_view> codes) {
  for (std::string_view c : codes) {
    if (v == c) return true;
  }
  return false;
}

class IsaChecker {
 public:
  explicit IsaChecker(const Segment& isa) : isa_(isa) {}

  std::vector<IsaProblem> run() {
    if (isa_.size() != 16) {
      add(22, 0, "ISA has " + std::to_string(isa_.size()) + " elements, must have 16");
    }
    code(1, {"00", "01", "02", "03", "04", "05", "06"}, 10, "authorization information qualifier");
    fixed(2, 10, 11, "authorization information");
    code(3, {"00", "01"}, 12, "security information qualifier");
    fixed(4, 10, 13, "security information");
    party(5, 6, "sender");
    party(7, 8, "receiver");
    dates();
    version();
    if (isa_.element(13).size() != 9 || !is_all_digits(isa_.element(13))) {
      add(18, 13, "ISA13 control number '" + value(13) + "' is not 9 digits");
    }
    code(14, {"0", "1"}, 19, "acknowledgment requested");
    code(15, {"P", "T", "I"}, 20, "usage indicator");
    return std::move(problems_);
  }

 private:
  std::string value(std::uint32_t e) const { return std::string(isa_.element(e)); }

  void add(std::uint16_t ta1, std::uint32_t e, std::string message, bool warning = false) {
    problems_.push_back({ta1, e, std::move(message), warning});
  }

  void code(std::uint32_t e, std::initializer_list<std::string_view> codes, std::uint16_t ta1,
            const char* what) {
    if (!in(isa_.element(e), codes)) {
      add(ta1, e, element_label(e) + " " + what + " '" + value(e) + "' is not a valid code");
    }
  }

  bool fixed(std::uint32_t e, std::size_t len, std::uint16_t ta1, const char* what) {
    if (isa_.element(e).size() == len) return true;
    add(ta1, e,
        element_label(e) + " " + what + " must be " + std::to_string(len) + " characters, is " +
            std::to_string(isa_.element(e).size()));
    return false;
  }

  void party(std::uint32_t qualifier, std::uint32_t id, const char* who) {
    // TA1 005/006 are the sender's codes, 007/008 the receiver's.
    const auto base = static_cast<std::uint16_t>(qualifier == 5 ? 5 : 7);
    if (!is_known_isa_qualifier(isa_.element(qualifier))) {
      add(base, qualifier,
          element_label(qualifier) + " " + who + " id qualifier '" + value(qualifier) +
              "' is not a known code");
    }
    if (fixed(id, 15, static_cast<std::uint16_t>(base + 1), who) &&
        isa_.element(id).find_first_not_of(' ') == std::string_view::npos) {
      add(static_cast<std::uint16_t>(base + 1), id, element_label(id) + " " + who + " id is blank");
    }
  }

  void dates() {
    if (isa_.element(9).size() != 6 || !is_valid_date(isa_.element(9))) {
      add(14, 9, "ISA09 date '" + value(9) + "' is not a valid YYMMDD");
    }
    if (isa_.element(10).size() != 4 || !is_valid_time(isa_.element(10))) {
      add(15, 10, "ISA10 time '" + value(10) + "' is not a valid HHMM");
    }
  }

  void version() {
    const std::string_view v = isa_.element(12);
    if (v.size() != 5 || !is_all_digits(v)) {
      add(17, 12, "ISA12 version '" + value(12) + "' is not 5 digits");
    } else if (v < "00200" || v > "00801") {
      add(3, 12, "ISA12 version " + value(12) + " is not supported");
    }
    if (v < "00402" && isa_.element(11) != "U") {
      add(16, 11, "ISA11 standards identifier '" + value(11) + "' must be U before version 00402");
    } else if (v >= "00402" && isa_.element(11) == "U") {
      // A common sender slip; the interchange is still readable, with no repetition separator.
      add(16, 11,
          "ISA11 is 'U' but version " + value(12) + " uses ISA11 as the repetition separator",
          true);
    }
  }

  static std::string element_label(std::uint32_t e) { return element_name("ISA", e); }

  const Segment& isa_;
  std::vector<IsaProblem> problems_;
};

}  // namespace

std::vector<IsaProblem> check_isa_fields(const Segment& isa) { return IsaChecker(isa).run(); }

bool is_known_isa_qualifier(std::string_view q) {
  // X12 code list I05 (interchange id qualifier), every code two bytes: compared as 16-bit
  // numbers, since this runs twice per interchange.
  static constexpr std::string_view kCodes[] = {
      "01", "02", "03", "04", "07", "08", "09", "10", "11", "12", "13", "14", "15", "16",
      "17", "18", "19", "20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30",
      "31", "32", "33", "34", "35", "36", "37", "38", "AM", "NR", "SA", "SN", "ZZ"};
  constexpr auto pair = [](char a, char b) {
    return static_cast<unsigned>(static_cast<unsigned char>(a)) << 8 |
           static_cast<unsigned char>(b);
  };
  if (q.size() != 2) return false;
  const unsigned code = pair(q[0], q[1]);
  for (std::string_view c : kCodes) {
    if (code == pair(c[0], c[1])) return true;
  }
  return false;
}

IsaLayout read_isa_layout(std::string_view head) {
  IsaLayout layout;
  if (head.size() < 4) {
    layout.problem = {CodeList::kTA1, 23};
    layout.message = "the input ends inside the ISA segment";
    return layout;
  }
  const char element = head[3];
  if (check_delimiters(Delimiters{'~', element, ':', 0, 0, '.'}).kind ==
      DelimiterProblem::Kind::kElement) {
    // Judge it before counting separators: a letter would also match inside the ISA fields.
    layout.problem = {CodeList::kTA1, 26};
    layout.message =
        std::string("ISA element separator '") + element + "' is a letter, digit or space";
    return layout;
  }
  std::size_t separators = 0;
  std::size_t at = 3;
  for (; at < head.size() && separators < 16; ++at) {
    if (head[at] == element) ++separators;
  }
  // `at` is now just past the 16th separator: ISA16 is one byte, then the terminator.
  if (separators < 16 || at + 1 >= head.size()) {
    layout.problem = {CodeList::kTA1, 23};
    layout.message = "the ISA segment is incomplete: 16 elements and a terminator are needed";
    return layout;
  }
  layout.delimiters.element = element;
  layout.delimiters.component = head[at];
  layout.delimiters.segment = head[at + 1];
  // 0 means "no such delimiter" everywhere else; a NUL byte in the ISA is no delimiter.
  if (element == 0 || head[at] == 0 || head[at + 1] == 0) {
    layout.problem = {CodeList::kTA1, static_cast<std::uint16_t>(element == 0    ? 26
                                                                 : head[at] == 0 ? 27
                                                                                 : 4)};
    layout.message = "the ISA declares a NUL byte as a delimiter";
    return layout;
  }
  layout.length = at + 2;
  return layout;
}

}  // namespace ordex::edi::detail
