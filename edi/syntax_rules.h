#pragma once
// Relational conditions between the elements of a segment (or the components of a
// composite): X12 syntax notes (P, R, E, C, L) and EDIFACT dependency notes (D1..D7).
//
// A rule is checked against a bit mask of which positions hold a value, so the hot path is
// a few integer operations per rule; positions are only walked when a rule is broken.

#include <bit>
#include <cstdint>
#include <string>
#include <string_view>

#include "edi/schema.h"

namespace ordex::edi {

// Parses "P0304" (X12: letter, then two digits per position) or "D3:0102" (EDIFACT).
// `size` is the number of positions in the segment or composite. Returns an error message,
// empty on success.
std::string parse_syntax_rule(std::string_view text, Standard standard, std::size_t size,
                              SyntaxRule& out);

// One element a broken rule faults: `forbidden` when the element is present but the rule
// does not allow it (an exclusion), otherwise it is required by the rule and missing.
struct RuleViolation {
  std::uint8_t position = 0;
  bool forbidden = false;
};

// Whether `rule` holds given `present` (bit p-1 set when position p holds a value): the
// hot-path test, a few integer operations; check_rule() says what is wrong when it does not.
inline bool rule_holds(const SyntaxRule& rule, std::uint64_t present) {
  // Branch-free: every kind's answer as one bit, then the rule's own bit. Segments mix
  // kinds freely, so a switch here mispredicts.
  const std::uint64_t hit = present & rule.mask;
  const unsigned none = hit == 0, all = hit == rule.mask, at_most_one = (hit & (hit - 1)) == 0;
  const unsigned first = (hit & rule.first) != 0, only_first = hit == rule.first;
  const unsigned some = none ^ 1u, not_first = first ^ 1u;
  const auto at = [](RuleKind kind, unsigned holds) {
    return holds << static_cast<unsigned>(kind);
  };
  const unsigned answers = at(RuleKind::kPaired, none | all) | at(RuleKind::kRequired, some) |
                           at(RuleKind::kExclusion, at_most_one) |
                           at(RuleKind::kConditional, not_first | all) |
                           at(RuleKind::kListConditional, not_first | (only_first ^ 1u)) |
                           at(RuleKind::kExactlyOne, some & at_most_one) |
                           at(RuleKind::kIfFirstThenNone, not_first | only_first);
  return ((answers >> static_cast<unsigned>(rule.kind)) & 1u) != 0;
}

// Calls `on_violation(RuleViolation)` for every element `rule` faults, given `present`
// (bit p-1 set when position p holds a value). Follows X12.6 and ISO 9735: P, C and L
// only ever require elements (so their violations are "conditional required element
// missing"); only E (and EDIFACT D1, D4, D7) forbid one.
template <typename F>
void check_rule(const SyntaxRule& rule, std::uint64_t present, F&& on_violation) {
  const std::uint64_t hit = present & rule.mask;
  const std::uint64_t first = rule.first;
  auto is_present = [&](std::uint8_t p) { return (present >> (p - 1)) & 1u; };
  auto require_rest = [&](std::size_t from) {
    for (std::size_t i = from; i < rule.positions.size(); ++i) {
      if (!is_present(rule.positions[i])) on_violation(RuleViolation{rule.positions[i], false});
    }
  };
  auto forbid_after_first_present = [&](bool skip_first_present) {
    bool skipped = !skip_first_present;
    for (std::uint8_t p : rule.positions) {
      if (!is_present(p)) continue;
      if (!skipped) {
        skipped = true;
        continue;
      }
      on_violation(RuleViolation{p, true});
    }
  };
  switch (rule.kind) {
    case RuleKind::kPaired:
      if (hit != 0 && hit != rule.mask) require_rest(0);
      break;
    case RuleKind::kRequired:
      if (hit == 0) on_violation(RuleViolation{rule.positions[0], false});
      break;
    case RuleKind::kExclusion:
      if (std::popcount(hit) > 1) forbid_after_first_present(true);
      break;
    case RuleKind::kConditional:
      if (hit & first) require_rest(1);
      break;
    case RuleKind::kListConditional:
      if ((hit & first) && (hit & ~first) == 0 && rule.positions.size() > 1) {
        on_violation(RuleViolation{rule.positions[1], false});
      }
      break;
    case RuleKind::kExactlyOne:
      if (hit == 0) on_violation(RuleViolation{rule.positions[0], false});
      if (std::popcount(hit) > 1) forbid_after_first_present(true);
      break;
    case RuleKind::kIfFirstThenNone:
      if ((hit & first) && (hit & ~first) != 0) forbid_after_first_present(true);
      break;
  }
}

}  // namespace ordex::edi
