#include "edi/element_checks.h"

#include <algorithm>
#include <bit>

#include "edi/syntax_rules.h"

namespace ordex::edi {

namespace {

// The presence bit of a 1-based position; none for 0 (absent) or past 64.
constexpr std::uint64_t bit(std::size_t position) {
  return position - 1 < 64 ? std::uint64_t{1} << (position - 1) : 0;
}

// Part `n` (1-based, at most one more than the set bits) of a value whose separators are the
// set bits of `separators`.
std::string_view nth_part(std::string_view value, std::uint64_t separators, std::size_t n) {
  std::size_t start = 0;
  for (std::size_t k = 1; k < n; ++k) {
    start = static_cast<std::size_t>(std::countr_zero(separators)) + 1;
    separators &= separators - 1;
  }
  const std::size_t stop =
      separators != 0 ? static_cast<std::size_t>(std::countr_zero(separators)) : value.size();
  return {value.data() + start, stop - start};
}

// The parts of a value between separators; a byte after `release` (0: none) never splits.
class Parts {
 public:
  Parts(std::string_view value, char separator, char release)
      : value_(value), separator_(separator), release_(release) {}

  bool next(std::string_view& part) {
    if (done_) return false;
    std::size_t i = pos_;
    if (release_ == 0) {
      while (i < value_.size() && value_[i] != separator_) ++i;  // parts are short
    } else {
      for (; i < value_.size() && value_[i] != separator_; ++i) {
        if (value_[i] == release_) ++i;
      }
      i = std::min(i, value_.size());
    }
    part = value_.substr(pos_, i - pos_);
    done_ = i >= value_.size();
    pos_ = i + 1;
    return true;
  }

 private:
  std::string_view value_;
  char separator_;
  char release_;
  std::size_t pos_ = 0;
  bool done_ = false;
};

// check_value() for a value known to hold no control character, with its most common
// case (text or an identifier in a single-byte character set) inline.
inline Problem check_plain(std::string_view value, const ElementDef& def, const ValueRules& rules) {
  if ((def.type != DataType::kText && def.type != DataType::kIdentifier) || rules.utf8) {
    return check_value(value, def, rules, false);
  }
  if (value.size() < def.min_length) return Problem::kTooShort;
  if (value.size() > def.max_length) return Problem::kTooLong;
  if (!def.codes.empty() && !def.codes.contains(value)) return Problem::kInvalidCode;
  return Problem::kNone;
}

// The fast test of one present value of a clean segment against its descriptor: true when
// check_plain() would find nothing wrong.
// Tested in order of how common the kinds are; a chain of predictable branches costs less
// here than a jump table, whose target changes from one component to the next.
[[gnu::always_inline]] inline bool value_ok(std::string_view v, const FieldPlan& f,
                                            const ValueRules& rules, const Dictionary& dictionary) {
  const ValueCheck check = f.check;
  if (check <= ValueCheck::kLengthCodes && !rules.utf8) {
    if (!accept::length(v.size(), f.min_length, f.max_length)) return false;
    return check == ValueCheck::kLength || f.codes->contains(v);
  }
  if (check == ValueCheck::kDecimal) {
    if (accept::decimal(v, rules.decimal, f.min_length, f.max_length)) return true;
  } else if (check == ValueCheck::kInteger) {
    return accept::integer(v, f.min_length, f.max_length);
  } else if (check == ValueCheck::kDate) {
    return accept::date(v, f.min_length, f.max_length);
  } else if (check == ValueCheck::kTime) {
    return accept::time(v, f.min_length, f.max_length);
  }
  return check_value(v, dictionary.elements[f.index], rules, false) == Problem::kNone;
}

}  // namespace

void ElementChecker::configure(const Delimiters& delimiters, Standard standard, bool utf8) {
  delimiters_ = delimiters;
  if (standard == Standard::kX12) delimiters_.release = 0;
  rules_.edifact = standard == Standard::kEdifact;
  rules_.decimal = rules_.edifact ? delimiters.decimal : '.';
  rules_.utf8 = utf8;
  bytes_.configure(delimiters_);
}

void ElementChecker::set_dictionary(const Dictionary& dictionary) {
  if (dictionary_ == &dictionary) return;
  dictionary_ = &dictionary;
  rules_.exponent = dictionary.exponent_allowed;
  for (const auto& state : states_) {
    if (state->plan->dictionary == &dictionary) {
      state_ = state.get();
      plan_ = state_->plan.get();
      return;
    }
  }
  auto state = std::make_unique<DictionaryState>();
  state->plan = DictionaryPlan::compile(dictionary);
  state->rules_passed.assign(dictionary.segments.size(), {});
  state_ = states_.emplace_back(std::move(state)).get();
  plan_ = state_->plan.get();
}

// Inlined into check(), its only caller: one call per segment instead of two (~20
// instructions of register saves and restores per segment).
template <bool kComposites>
[[gnu::always_inline]] inline std::uint64_t ElementChecker::check_elements(const Segment& segment,
                                                                           const SegmentPlan& plan,
                                                                           std::size_t index) {
  const std::size_t count = segment.size();
  const std::size_t defined = plan.count;
  const std::size_t both = std::min(count, defined);
  const std::string_view raw = segment.raw();
  const auto before = static_cast<std::size_t>(raw.data() - segment.buffer());
  const ByteScanner::SegmentBytes scan = bytes_.scan(raw, before, components_);
  segment_start_ = raw.data();
  short_segment_ = raw.size() <= 64;
  const FieldPlan* fields = plan_->fields.data() + plan.first;
  std::uint64_t present = 0;
  std::uint64_t bit_i = 1;  // bit(i); 0 past 64, like bit()
  // The values straight from the separator offsets: i <= both <= size() needs no bounds
  // check per element, as Segment::element(i) makes.
  const char* const bytes = segment.buffer();
  const std::uint32_t* const separators = segment.separators();
  for (std::size_t i = 1; i <= both; ++i, bit_i <<= 1) {
    const std::uint32_t from = separators[i - 1] + 1;
    const std::string_view value(bytes + from, separators[i] - from);
    const FieldPlan& field = fields[i - 1];
    if (value.empty()) {
      if (field.mandatory) report_missing_element(i, use_of(index, i));
      continue;
    }
    present |= bit_i;
    if (scan.dirty) {  // rare: look at the value byte by byte
      at(i, 0);
      check_element(value, use_of(index, i));
    } else if (!element_ok<kComposites>(value, field, scan.components)) {
      check_clean_element(i, value, use_of(index, i), scan.components);
    }
  }
  for (std::size_t i = defined + 1; i <= count; ++i) {
    if (segment.element(i).empty()) continue;  // a trailing separator, not an element
    at(i, 0);
    report(Problem::kTooManyElements, segment.element(i), nullptr);
    break;
  }
  for (std::size_t i = count + 1; i <= plan.last_mandatory; ++i) {
    if (fields[i - 1].mandatory) report_missing_element(i, use_of(index, i));
  }
  return present;
}

void ElementChecker::check(const Segment& segment, std::size_t index, ElementIssueSink& sink) {
  const SegmentPlan& plan = plan_->segments[index];
  sink_ = &sink;
  faulty_elements_ = 0;
  // Round 6: the composite checks, inline, made the element loop of segments without
  // composites (most of X12's) ~1.7 % more instructions; those segments get a loop without.
  const std::uint64_t present = plan.has_composites ? check_elements<true>(segment, plan, index)
                                                    : check_elements<false>(segment, plan, index);
  if (plan.has_rules && !rules_known_to_pass(index, present) &&
      check_segment_rules(segment, dictionary_->segments[index], present)) {
    remember_rules_passed(index, present);
  }
  const DateFormatPair pair = plan.date_format;
  if (pair.format != 0 && (faulty_elements_ & (bit(pair.format) | bit(pair.value))) == 0) {
    at(pair.value, 0);
    check_date_pair(segment.element(pair.format), segment.element(pair.value),
                    element_of(dictionary_->segments[index].elements[pair.value - 1]));
  }
}

// A value the component map does not cover, simple or composite, takes the careful path.
template <bool kComposites>
inline bool ElementChecker::element_ok(std::string_view value, const FieldPlan& field,
                                       bool components) const {
  std::uint64_t separators = 0;
  if (kComposites && field.composite) {
    return component_bits(value, separators) &&
           composite_ok(value, separators, plan_->composites[field.index]);
  }
  if (components && (!component_bits(value, separators) || separators != 0)) return false;
  return value_ok(value, field, rules_, *dictionary_);
}

// The fast test of a composite in a clean segment: its parts, found from the component map
// (no release character can be there), each against its descriptor, then the presence
// rules and the date format pair. Anything unusual, even a harmless extra empty component
// or a composite too long for the map, is left to check_composite().
// Round 5: the presence bit and the descriptor move along with the part instead of being
// worked out from its number; one test per part, only when another part follows, says it
// is past the last defined one; and the date format pair (C507: one composite in nine in
// the benchmark) is found after the loop, from the map, instead of by two compares per part.
inline bool ElementChecker::composite_ok(std::string_view value, const std::uint64_t all_separators,
                                         const CompositePlan& plan) const {
  if (plan.count == 0) return false;
  std::uint64_t separators = all_separators;
  const FieldPlan* field = plan_->fields.data() + plan.first;
  const FieldPlan* const last = field + (plan.count - 1);
  std::uint64_t present = 0;
  std::uint64_t bit_i = 1;  // bit(i) of part i: 0 past 64, like bit()
  std::size_t start = 0;
  for (;; ++field, bit_i <<= 1) {
    const std::size_t stop =
        separators != 0 ? static_cast<std::size_t>(std::countr_zero(separators)) : value.size();
    if (stop == start) {
      if (field->mandatory) return false;
    } else {
      const std::string_view part(value.data() + start, stop - start);
      if (!value_ok(part, *field, rules_, *dictionary_)) return false;
      present |= bit_i;
    }
    if (separators == 0) break;
    if (field == last) return false;  // more parts than defined: the careful path reports it
    separators &= separators - 1;
    start = stop + 1;
  }
  if ((plan.mandatory & ~present) != 0) return false;
  if (plan.rules != nullptr) {
    for (const SyntaxRule& rule : *plan.rules) {
      if (!rule_holds(rule, present)) return false;
    }
  }
  const std::size_t format_at = plan.date_format.format, date_at = plan.date_format.value;
  if (format_at == 0 || date_at == 0) return true;
  // Both present (non-empty) or there is nothing to check, as check_composite() does it.
  const std::uint64_t format_bit = bit(format_at), date_bit = bit(date_at);
  if (format_bit == 0 || date_bit == 0) return false;  // past 64: never in a schema
  if ((present & format_bit) == 0 || (present & date_bit) == 0) return true;
  return check_date_format(nth_part(value, all_separators, format_at),
                           nth_part(value, all_separators, date_at)) == Problem::kNone;
}

void ElementChecker::check_clean_element(std::size_t i, std::string_view value,
                                         const ElementUse& use, bool components) {
  at(i, use.repeat > 1 ? 1 : 0);
  if (use.composite) {
    return check_composite(value, components ? kComponent : 0, dictionary_->composites[use.index]);
  }
  const ElementDef& e = dictionary_->elements[use.index];
  if (components && value.find(delimiters_.component) != std::string_view::npos) {
    return report(Problem::kTooManyComponents, value, &e);
  }
  const Problem p = check_plain(value, e, rules_);
  if (p != Problem::kNone) report(p, value, &e);
}

void ElementChecker::report_missing_element(std::size_t i, const ElementUse& use) {
  at(i, 0);
  at_composite_ = composite_of(use);
  report(Problem::kElementMissing, {}, element_of(use));
}

bool ElementChecker::check_segment_rules(const Segment& segment, const SegmentDef& def,
                                         std::uint64_t present) {
  bool all_held = true;
  for (const SyntaxRule& rule : def.rules) {
    if (rule_holds(rule, present)) continue;
    all_held = false;
    check_rule(rule, present, [&](RuleViolation v) {
      const ElementUse& use = def.elements[v.position - 1];
      at(v.position, 0);
      at_composite_ = composite_of(use);
      if (v.forbidden) {
        report(Problem::kExclusionViolated, segment.element(v.position), element_of(use), &rule);
      } else {
        report(Problem::kConditionalMissing, {}, element_of(use), &rule);
      }
    });
  }
  return all_held;
}

// `value` is not empty, in a segment that may hold special bytes; at_element_ is set.
void ElementChecker::check_element(std::string_view value, const ElementUse& use) {
  const std::uint8_t classes = classify(value);
  if ((classes & kRepetition) == 0) {
    if (use.repeat > 1) at_repetition_ = 1;
    return check_occurrence(value, classes, use);
  }
  Parts repetitions(value, delimiters_.repetition, release_in(classes));
  std::string_view part;
  for (std::uint32_t r = 1; repetitions.next(part); ++r) {
    at_repetition_ = r;
    at_component_ = 0;
    at_composite_ = nullptr;
    if (r > use.repeat) {
      at_composite_ = composite_of(use);
      return report(Problem::kTooManyRepetitions, part, element_of(use));
    }
    if (!part.empty()) check_occurrence(part, classify(part), use);
  }
}

void ElementChecker::check_occurrence(std::string_view value, std::uint8_t classes,
                                      const ElementUse& use) {
  if (use.composite) {
    return check_composite(value, classes, dictionary_->composites[use.index]);
  }
  const ElementDef& def = dictionary_->elements[use.index];
  if ((classes & kComponent) != 0) {
    Parts parts(value, delimiters_.component, release_in(classes));
    std::string_view first, second;
    if (parts.next(first) && parts.next(second)) {
      return report(Problem::kTooManyComponents, value, &def);
    }
  }
  check_simple(value, classes, def);
}

void ElementChecker::check_composite(std::string_view value, std::uint8_t classes,
                                     const CompositeDef& def) {
  faulty_components_ = 0;
  at_composite_ = &def;
  // Split at its component separators, a value with no other special byte has parts with
  // none at all.
  const bool parts_clean = (classes & ~kComponent) == 0;
  std::uint64_t present = 0;
  std::string_view part, format, date;
  Parts parts(value, delimiters_.component, release_in(classes));
  std::size_t i = 0;
  while (parts.next(part)) {
    at_component_ = static_cast<std::uint32_t>(++i);
    if (i > def.components.size()) {
      if (part.empty()) continue;
      return report(Problem::kTooManyComponents, part, nullptr);
    }
    const ElementDef& component = dictionary_->elements[def.components[i - 1].index];
    if (part.empty()) {
      if (def.components[i - 1].usage == Usage::kMandatory) {
        report(Problem::kElementMissing, {}, &component);
      }
      continue;
    }
    present |= bit(i);
    if (!parts_clean) {
      check_simple(part, classify(part), component);
    } else if (const Problem p = check_plain(part, component, rules_); p != Problem::kNone) {
      report(p, part, &component);
    }
    if (i == def.date_format.format) format = part;
    if (i == def.date_format.value) date = part;
  }
  check_components_missing(def, i);
  if (!def.rules.empty()) check_composite_rules(def, present, value, classes);
  const std::uint64_t pair = bit(def.date_format.format) | bit(def.date_format.value);
  if (def.date_format.format != 0 && (faulty_components_ & pair) == 0) {
    at_component_ = def.date_format.value;
    check_date_pair(format, date,
                    &dictionary_->elements[def.components[def.date_format.value - 1].index]);
  }
}

void ElementChecker::check_components_missing(const CompositeDef& def, std::size_t after) {
  for (std::size_t j = after + 1; j <= def.last_mandatory; ++j) {
    if (def.components[j - 1].usage != Usage::kMandatory) continue;
    at_component_ = static_cast<std::uint32_t>(j);
    report(Problem::kElementMissing, {}, &dictionary_->elements[def.components[j - 1].index]);
  }
}

void ElementChecker::check_composite_rules(const CompositeDef& def, std::uint64_t present,
                                           std::string_view value, std::uint8_t classes) {
  for (const SyntaxRule& rule : def.rules) {
    if (rule_holds(rule, present)) continue;
    check_rule(rule, present, [&](RuleViolation v) {
      at_component_ = v.position;
      const ElementDef* component = &dictionary_->elements[def.components[v.position - 1].index];
      if (!v.forbidden) return report(Problem::kConditionalMissing, {}, component, &rule);
      report(Problem::kExclusionViolated,
             part(value, v.position, delimiters_.component, release_in(classes)), component, &rule);
    });
  }
}

void ElementChecker::check_simple(std::string_view value, std::uint8_t classes,
                                  const ElementDef& def) {
  const Problem p =
      classes == 0 ? check_plain(value, def, rules_)
                   : check_value(unescaped(value, classes), def, rules_, (classes & kControl) != 0);
  if (p != Problem::kNone) report(p, value, &def);
}

void ElementChecker::check_date_pair(std::string_view format, std::string_view value,
                                     const ElementDef* value_def) {
  if (format.empty() || value.empty()) return;
  // scratch_ holds one unescaped value at a time; a format code with a release character
  // (never seen in practice) gets its own copy.
  std::string format_copy;
  if (delimiters_.release != 0 && format.find(delimiters_.release) != std::string_view::npos) {
    format_copy = unescape(format, delimiters_.release);
    format = format_copy;
  }
  const Problem p = check_date_format(format, unescaped(value, classify(value)));
  if (p != Problem::kNone) report(p, value, value_def);
}

std::string_view ElementChecker::unescaped(std::string_view value, std::uint8_t classes) {
  if ((classes & kRelease) == 0) return value;
  scratch_.clear();
  // Copy the runs between release characters whole; a release escapes the byte after it.
  for (std::size_t from = 0; from < value.size();) {
    std::size_t at = value.find(delimiters_.release, from);
    if (at == std::string_view::npos || at + 1 >= value.size()) at = value.size();
    scratch_.append(value.data() + from, at - from);
    if (at == value.size()) break;
    scratch_.push_back(value[at + 1]);
    from = at + 2;
  }
  return scratch_;
}

void ElementChecker::report(Problem problem, std::string_view value, const ElementDef* def,
                            const SyntaxRule* rule) {
  ElementIssue issue;
  issue.problem = problem;
  issue.element = at_element_;
  issue.component = at_component_;
  issue.repetition = at_repetition_;
  issue.element_def = def;
  issue.composite_def = at_composite_;
  issue.value = value;
  issue.rule = rule;
  if (at_component_ == 0) {
    faulty_elements_ |= bit(at_element_);
  } else {
    faulty_components_ |= bit(at_component_);
  }
  sink_->element_issue(issue);
}

}  // namespace ordex::edi
