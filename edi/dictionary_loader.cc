// Compiles a dictionary.json into a Dictionary: elements, then composites (which name
// elements), then segments (which name both), so every reference resolves to an index.
#include <limits>

#include "edi/json_reader.h"
#include "edi/schema_loader.h"
#include "edi/syntax_rules.h"

namespace ordex::edi::detail {

namespace {

constexpr std::uint32_t kMaxLength = std::numeric_limits<std::uint16_t>::max();

bool parse_x12_type(const std::string& type, ElementDef& e) {
  if (type == "AN")
    e.type = DataType::kText;
  else if (type == "ID")
    e.type = DataType::kIdentifier;
  else if (type == "R")
    e.type = DataType::kDecimal;
  else if (type == "DT")
    e.type = DataType::kDate;
  else if (type == "TM")
    e.type = DataType::kTime;
  else if (type == "B")
    e.type = DataType::kBinary;
  else if (type == "N")
    e.type = DataType::kImpliedDecimal;
  else if (type.size() == 2 && type[0] == 'N' && type[1] >= '0' && type[1] <= '9') {
    e.type = DataType::kImpliedDecimal;
    e.decimals = static_cast<std::uint8_t>(type[1] - '0');
  } else {
    return false;
  }
  return true;
}

bool parse_edifact_type(const std::string& type, ElementDef& e) {
  if (type == "an" || type == "AN")
    e.type = DataType::kText;
  else if (type == "a" || type == "A")
    e.type = DataType::kAlphabetic;
  else if (type == "n" || type == "N")
    e.type = DataType::kDecimal;
  else
    return false;
  return true;
}

class DictionaryLoader {
 public:
  DictionaryLoader(JsonReader& r, Dictionary& d) : r_(r), d_(d) {}

  void load(const JsonObject& root) {
    const std::string standard = r_.string(r_.member(root, "standard", "$"), "$.standard");
    if (standard == "EDIFACT") {
      d_.standard = Standard::kEdifact;
    } else if (standard != "X12" && !r_.failed()) {
      r_.fail("$.standard", "expected \"X12\" or \"EDIFACT\", found \"" + standard + "\"");
    }
    d_.version = r_.string(r_.member(root, "version", "$"), "$.version");
    d_.exponent_allowed = d_.standard == Standard::kX12 && d_.version >= "005010";
    each_member(root, "elements", true,
                [&](const std::string& ref, const JsonValue& v, const std::string& path) {
                  element(ref, v, path);
                });
    each_member(root, "composites", false,
                [&](const std::string& ref, const JsonValue& v, const std::string& path) {
                  composite(ref, v, path);
                });
    each_member(root, "segments", true,
                [&](const std::string& tag, const JsonValue& v, const std::string& path) {
                  segment(tag, v, path);
                });
    if (r_.failed()) return;
    std::vector<std::string> tags;
    for (const SegmentDef& s : d_.segments) tags.push_back(s.tag);
    d_.segment_tags.build(tags);
  }

 private:
  template <typename F>
  void each_member(const JsonObject& root, const std::string& key, bool required, F&& on_member) {
    const std::string path = json_path("$", key);
    const JsonValue value = r_.member(root, key, "$", required);
    if (value.isEmpty() || r_.failed()) return;
    const JsonObject members = r_.object(value, path);
    if (!members) return;
    for (auto it = members->begin(); it != members->end() && !r_.failed(); ++it) {
      on_member(it->first, it->second, json_path(path, it->first));
    }
  }

  void element(const std::string& ref, const JsonValue& value, const std::string& path) {
    const JsonObject o = r_.object(value, path);
    if (!o) return;
    ElementDef e;
    e.ref = ref;
    e.name = r_.string(r_.member(o, "name", path), json_path(path, "name"));
    const std::string type = r_.string(r_.member(o, "type", path), json_path(path, "type"));
    const bool known =
        d_.standard == Standard::kX12 ? parse_x12_type(type, e) : parse_edifact_type(type, e);
    if (!known && !r_.failed()) r_.fail(json_path(path, "type"), "unknown type \"" + type + "\"");
    e.min_length = static_cast<std::uint16_t>(
        r_.integer(r_.member(o, "min", path), json_path(path, "min"), kMaxLength));
    e.max_length = static_cast<std::uint16_t>(
        r_.integer(r_.member(o, "max", path), json_path(path, "max"), kMaxLength));
    if (!r_.failed() && (e.max_length == 0 || e.min_length > e.max_length)) {
      r_.fail(json_path(path, "max"), "max must be at least 1 and at least min");
    }
    if (o->has("codes")) codes(o->get("codes"), json_path(path, "codes"), e);
    d_.element_index.emplace(ref, static_cast<std::uint16_t>(d_.elements.size()));
    d_.elements.push_back(std::move(e));
  }

  void codes(const JsonValue& value, const std::string& path, ElementDef& e) {
    std::vector<std::string> list = r_.strings(value, path);
    for (std::size_t i = 0; i < list.size() && !r_.failed(); ++i) {
      if (list[i].size() < e.min_length || list[i].size() > e.max_length) {
        r_.fail(json_path(path, i), "code \"" + list[i] + "\" does not fit the element's length " +
                                        std::to_string(e.min_length) + ".." +
                                        std::to_string(e.max_length));
      }
    }
    e.codes.assign(std::move(list));
  }

  // One entry of a segment's "elements" or a composite's "components".
  ElementUse use(const JsonValue& value, const std::string& path, bool allow_composite) {
    ElementUse u;
    const JsonObject o = r_.object(value, path);
    if (!o) return u;
    if (o->has("composite")) {
      const std::string ref = r_.string(o->get("composite"), json_path(path, "composite"));
      const auto it = d_.composite_index.find(ref);
      if (!allow_composite) {
        r_.fail(json_path(path, "composite"), "a composite cannot contain a composite");
      } else if (it == d_.composite_index.end()) {
        r_.fail(json_path(path, "composite"), "composite '" + ref + "' is not in \"composites\"");
      } else {
        u.index = it->second;
        u.composite = true;
      }
    } else {
      const std::string ref = r_.string(r_.member(o, "element", path), json_path(path, "element"));
      const auto it = d_.element_index.find(ref);
      if (it != d_.element_index.end()) {
        u.index = it->second;
      } else if (!r_.failed()) {
        const bool is_composite = d_.composite_index.count(ref) != 0;
        r_.fail(json_path(path, "element"),
                "element '" + ref + "' is not in \"elements\"" +
                    (is_composite ? " (it is a composite: write {\"composite\": ...})" : ""));
      }
    }
    u.usage = usage(o, path);
    if (o->has("repeat")) u.repeat = r_.count(o->get("repeat"), json_path(path, "repeat"));
    return u;
  }

  Usage usage(const JsonObject& o, const std::string& path) {
    const std::string text = r_.string(r_.member(o, "usage", path), json_path(path, "usage"));
    if (text == "M") return Usage::kMandatory;
    if (text == "O") return Usage::kOptional;
    if (text == "X" || text == "C") return Usage::kConditional;
    if (!r_.failed()) r_.fail(json_path(path, "usage"), "expected M, O, X or C");
    return Usage::kOptional;
  }

  std::vector<ElementUse> uses(const JsonObject& o, const std::string& key, const std::string& path,
                               bool allow_composite) {
    std::vector<ElementUse> out;
    const std::string list_path = json_path(path, key);
    const JsonArray list = r_.array(r_.member(o, key, path), list_path);
    for (std::size_t i = 0; list && i < list->size() && !r_.failed(); ++i) {
      out.push_back(
          use(list->get(static_cast<unsigned>(i)), json_path(list_path, i), allow_composite));
    }
    if (out.size() > 99 && !r_.failed()) r_.fail(list_path, "more than 99 positions");
    return out;
  }

  std::vector<SyntaxRule> rules(const JsonObject& o, const std::string& path, std::size_t size) {
    std::vector<SyntaxRule> out;
    if (!o->has("syntax")) return out;
    const std::string list_path = json_path(path, "syntax");
    const std::vector<std::string> texts = r_.strings(o->get("syntax"), list_path);
    for (std::size_t i = 0; i < texts.size() && !r_.failed(); ++i) {
      SyntaxRule rule;
      const std::string problem = parse_syntax_rule(texts[i], d_.standard, size, rule);
      if (!problem.empty()) r_.fail(json_path(list_path, i), problem);
      out.push_back(std::move(rule));
    }
    return out;
  }

  void composite(const std::string& ref, const JsonValue& value, const std::string& path) {
    const JsonObject o = r_.object(value, path);
    if (!o) return;
    CompositeDef c;
    c.ref = ref;
    c.name = r_.string(r_.member(o, "name", path), json_path(path, "name"));
    c.components = uses(o, "components", path, false);
    c.rules = rules(o, path, c.components.size());
    c.date_format = date_format_pair(c.components);
    c.last_mandatory = last_mandatory(c.components);
    d_.composite_index.emplace(ref, static_cast<std::uint16_t>(d_.composites.size()));
    d_.composites.push_back(std::move(c));
  }

  void segment(const std::string& tag, const JsonValue& value, const std::string& path) {
    const JsonObject o = r_.object(value, path);
    if (!o) return;
    if (TagTable::pack(tag) == 0) r_.fail(path, "a segment tag has 1 to 3 characters");
    SegmentDef s;
    s.tag = tag;
    s.name = r_.string(r_.member(o, "name", path), json_path(path, "name"));
    s.elements = uses(o, "elements", path, true);
    s.rules = rules(o, path, s.elements.size());
    s.date_format = date_format_pair(s.elements);
    s.last_mandatory = last_mandatory(s.elements);
    d_.segments.push_back(std::move(s));
  }

  static std::uint8_t last_mandatory(const std::vector<ElementUse>& list) {
    std::uint8_t last = 0;
    for (std::size_t i = 0; i < list.size() && i < 99; ++i) {
      if (list[i].usage == Usage::kMandatory) last = static_cast<std::uint8_t>(i + 1);
    }
    return last;
  }

  // EDIFACT 2379 (format) / 2380 (value) and X12 1250 / 1251 side by side.
  DateFormatPair date_format_pair(const std::vector<ElementUse>& list) const {
    DateFormatPair pair;
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (list[i].composite || i >= 99) continue;
      const std::string& ref = d_.elements[list[i].index].ref;
      if (ref == "2379" || ref == "1250") pair.format = static_cast<std::uint8_t>(i + 1);
      if (ref == "2380" || ref == "1251") pair.value = static_cast<std::uint8_t>(i + 1);
    }
    if (pair.format == 0 || pair.value == 0) return {};
    return pair;
  }

  JsonReader& r_;
  Dictionary& d_;
};

}  // namespace

std::unique_ptr<Dictionary> load_dictionary(JsonReader& reader, const std::string& text) {
  std::string error;
  const JsonObject root = parse_json_object(text, error);
  if (!root) {
    reader.fail("$", error);
    return nullptr;
  }
  auto dictionary = std::make_unique<Dictionary>();
  dictionary->file = reader.file();
  DictionaryLoader(reader, *dictionary).load(root);
  if (reader.failed()) return nullptr;
  return dictionary;
}

}  // namespace ordex::edi::detail
