#include "edi/syntax_rules.h"

namespace ordex::edi {

namespace {

bool x12_kind(char letter, RuleKind& kind) {
  switch (letter) {
    case 'P':
      kind = RuleKind::kPaired;
      return true;
    case 'R':
      kind = RuleKind::kRequired;
      return true;
    case 'E':
      kind = RuleKind::kExclusion;
      return true;
    case 'C':
      kind = RuleKind::kConditional;
      return true;
    case 'L':
      kind = RuleKind::kListConditional;
      return true;
    default:
      return false;
  }
}

// UN/EDIFACT dependency notes, ISO 9735 numbering.
bool edifact_kind(char digit, RuleKind& kind) {
  static constexpr RuleKind kKinds[] = {RuleKind::kExactlyOne,     RuleKind::kPaired,
                                        RuleKind::kRequired,       RuleKind::kExclusion,
                                        RuleKind::kConditional,    RuleKind::kListConditional,
                                        RuleKind::kIfFirstThenNone};
  if (digit < '1' || digit > '7') return false;
  kind = kKinds[digit - '1'];
  return true;
}

std::string parse_positions(std::string_view digits, std::size_t size, SyntaxRule& out) {
  if (digits.size() < 4 || digits.size() % 2 != 0) {
    return "needs at least two positions of two digits each";
  }
  for (std::size_t i = 0; i < digits.size(); i += 2) {
    const char hi = digits[i], lo = digits[i + 1];
    if (hi < '0' || hi > '9' || lo < '0' || lo > '9') return "positions must be digits";
    const int p = (hi - '0') * 10 + (lo - '0');
    if (p < 1 || static_cast<std::size_t>(p) > size) {
      return "position " + std::to_string(p) + " is not in the segment or composite (it has " +
             std::to_string(size) + ")";
    }
    if (p > 64) return "positions above 64 are not supported";
    out.positions.push_back(static_cast<std::uint8_t>(p));
    out.mask |= std::uint64_t{1} << (p - 1);
    if (out.first == 0) out.first = out.mask;
  }
  return {};
}

}  // namespace

std::string parse_syntax_rule(std::string_view text, Standard standard, std::size_t size,
                              SyntaxRule& out) {
  out = SyntaxRule{};
  out.text = std::string(text);
  if (standard == Standard::kX12) {
    if (text.empty() || !x12_kind(text[0], out.kind)) {
      return "'" + out.text + "' is not an X12 syntax note (P, R, E, C or L and positions)";
    }
    return parse_positions(text.substr(1), size, out);
  }
  if (text.size() < 3 || text[0] != 'D' || text[2] != ':' || !edifact_kind(text[1], out.kind)) {
    return "'" + out.text + "' is not an EDIFACT dependency note (D1..D7:positions)";
  }
  return parse_positions(text.substr(3), size, out);
}

}  // namespace ordex::edi
