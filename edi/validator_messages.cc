#include "edi/validator_messages.h"

#include <cstdio>

namespace ordex::edi::detail {

namespace {

std::string quoted(std::string_view value) {
  constexpr std::size_t kShown = 40;
  if (value.size() <= kShown) return "'" + std::string(value) + "'";
  return "'" + std::string(value.substr(0, kShown)) + "...'";
}

std::string subject(const ElementIssue& issue, std::string_view tag) {
  std::string out = element_label(tag, issue.element, issue.component);
  if (issue.repetition > 1) out += " repetition " + std::to_string(issue.repetition);
  if (issue.element_def != nullptr) {
    out += " (" + issue.element_def->ref + " " + issue.element_def->name + ")";
  } else if (issue.composite_def != nullptr) {
    out += " (" + issue.composite_def->ref + " " + issue.composite_def->name + ")";
  }
  return out;
}

std::string problem_text(const ElementIssue& issue) {
  const ElementDef* def = issue.element_def;
  switch (issue.problem) {
    case Problem::kElementMissing:
      return "is mandatory and missing";
    case Problem::kConditionalMissing:
      return "is required by syntax note " + (issue.rule ? issue.rule->text : std::string("?"));
    case Problem::kExclusionViolated:
      return "must not be present with the others of syntax note " +
             (issue.rule ? issue.rule->text : std::string("?"));
    case Problem::kTooManyElements:
      return "is beyond the last data element the segment defines";
    case Problem::kTooShort:
      return "is shorter than the minimum length " + std::to_string(def ? def->min_length : 0);
    case Problem::kTooLong:
      return "is longer than the maximum length " + std::to_string(def ? def->max_length : 0);
    case Problem::kInvalidCharacter:
      return "contains a control character";
    case Problem::kInvalidCharacterType:
      return "has characters its data type does not allow";
    case Problem::kInvalidCode:
      return "is not a valid code for this element";
    case Problem::kInvalidDate:
      return "is not a valid date";
    case Problem::kInvalidTime:
      return "is not a valid time";
    case Problem::kTooManyRepetitions:
      return "repeats more often than the segment allows";
    case Problem::kTooManyComponents:
      return "has more components than its definition";
    case Problem::kInvalidDecimalNotation:
      return "has an invalid decimal mark (the interchange's is the one to use, once)";
    case Problem::kMissingDigitBeforeDecimal:
      return "has no digit before its decimal mark";
    default:
      return std::string(describe(issue.problem));
  }
}

}  // namespace

std::string element_label(std::string_view tag, std::uint32_t element, std::uint32_t component) {
  char buf[32];
  if (component == 0) {
    std::snprintf(buf, sizeof buf, "%02u", element);
  } else {
    std::snprintf(buf, sizeof buf, "%02u-%02u", element, component);
  }
  return std::string(tag) + buf;
}

std::string element_message(const ElementIssue& issue, std::string_view tag) {
  std::string text = subject(issue, tag);
  if (!issue.value.empty()) text += " " + quoted(issue.value);
  return text + " " + problem_text(issue);
}

}  // namespace ordex::edi::detail
