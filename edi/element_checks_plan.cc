#include "edi/element_checks_plan.h"

namespace ordex::edi {

namespace {

FieldPlan compile_field(const ElementUse& use, const Dictionary& dictionary) {
  FieldPlan f;
  f.mandatory = use.usage == Usage::kMandatory;
  f.composite = use.composite;
  f.repeats = use.repeat > 1;
  f.index = use.index;
  if (use.composite) return f;
  const ElementDef& e = dictionary.elements[use.index];
  f.min_length = e.min_length;
  f.max_length = e.max_length;
  f.codes = e.codes.empty() ? nullptr : &e.codes;
  switch (e.type) {
    case DataType::kText:
    case DataType::kIdentifier:
      f.check = f.codes != nullptr ? ValueCheck::kLengthCodes : ValueCheck::kLength;
      break;
    case DataType::kImpliedDecimal:
      if (f.codes == nullptr) f.check = ValueCheck::kInteger;
      break;
    case DataType::kDecimal:
      if (f.codes == nullptr) f.check = ValueCheck::kDecimal;
      break;
    case DataType::kDate:
      f.check = ValueCheck::kDate;  // check_value() never looks up a date's codes
      break;
    case DataType::kTime:
      f.check = ValueCheck::kTime;
      break;
    case DataType::kAlphabetic:
    case DataType::kBinary:
      break;
  }
  return f;
}

}  // namespace

std::unique_ptr<DictionaryPlan> DictionaryPlan::compile(const Dictionary& dictionary) {
  auto plan = std::make_unique<DictionaryPlan>();
  plan->dictionary = &dictionary;
  const auto first_free = [&] { return static_cast<std::uint32_t>(plan->fields.size()); };
  for (const SegmentDef& def : dictionary.segments) {
    SegmentPlan& out = plan->segments.emplace_back();
    out.first = first_free();
    out.count = static_cast<std::uint16_t>(def.elements.size());
    out.last_mandatory = def.last_mandatory;
    out.has_rules = !def.rules.empty();
    out.date_format = def.date_format;
    for (const ElementUse& use : def.elements) {
      plan->fields.push_back(compile_field(use, dictionary));
      out.has_composites = out.has_composites || use.composite;
    }
  }
  for (const CompositeDef& def : dictionary.composites) {
    CompositePlan& out = plan->composites.emplace_back();
    out.first = first_free();
    out.count = static_cast<std::uint16_t>(def.components.size());
    out.date_format = def.date_format;
    out.rules = def.rules.empty() ? nullptr : &def.rules;
    for (std::size_t i = 0; i < def.components.size(); ++i) {
      plan->fields.push_back(compile_field(def.components[i], dictionary));
      if (plan->fields.back().mandatory && i < 64) out.mandatory |= std::uint64_t{1} << i;
    }
  }
  return plan;
}

}  // namespace ordex::edi
