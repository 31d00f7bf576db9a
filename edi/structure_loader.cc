// Compiles a transaction-set file into a TransactionSchema: the nested "structure" becomes
// one array of entries in which every loop owns a contiguous range (its trigger first), so
// the sequencer moves through a loop with an index and never follows a pointer.
#include "edi/json_reader.h"
#include "edi/schema_loader.h"

namespace ordex::edi::detail {

namespace {

class StructureLoader {
 public:
  StructureLoader(JsonReader& r, const Dictionary& d, TransactionSchema& t) : r_(r), d_(d), t_(t) {}

  void load(const JsonObject& root) {
    header(root);
    if (r_.failed()) return;
    t_.in_set.assign(d_.segments.size(), 0);
    t_.loops.push_back(LoopDef{});
    const JsonArray list = r_.array(r_.member(root, "structure", "$"), "$.structure");
    if (!list) return;
    if (list->size() == 0) return r_.fail("$.structure", "the structure is empty");
    entries(list, "$.structure", 0);
    if (r_.failed()) return;
    index_ahead();
    if (t_.hl_integrity) {
      t_.hl_segment = d_.find_segment("HL");
      if (t_.hl_segment < 0) r_.fail("$.hl_integrity", "needs an HL segment in dictionary.json");
    }
  }

 private:
  void header(const JsonObject& root) {
    const std::string standard = r_.string(r_.member(root, "standard", "$"), "$.standard");
    t_.standard = standard == "EDIFACT" ? Standard::kEdifact : Standard::kX12;
    t_.version = r_.string(r_.member(root, "version", "$"), "$.version");
    t_.id = r_.string(r_.member(root, "id", "$"), "$.id");
    t_.name = r_.string(r_.member(root, "name", "$"), "$.name");
    const JsonValue group = r_.member(root, "functional_group", "$", false);
    if (!group.isEmpty()) t_.functional_group = r_.string(group, "$.functional_group");
    const JsonValue hl = r_.member(root, "hl_integrity", "$", false);
    if (!hl.isEmpty()) t_.hl_integrity = r_.boolean(hl, "$.hl_integrity");
    if (r_.failed()) return;
    if (t_.standard != d_.standard || standard != to_string(d_.standard)) {
      r_.fail("$.standard", "\"" + standard + "\" does not match dictionary.json (" +
                                std::string(to_string(d_.standard)) + ")");
    } else if (schema_key(t_.standard, t_.version, "") != schema_key(d_.standard, d_.version, "")) {
      r_.fail("$.version",
              "\"" + t_.version + "\" does not match dictionary.json (\"" + d_.version + "\")");
    }
  }

  // Fills loop `loop` with the entries of `list`: reserves its range first so that nested
  // loops, compiled afterwards, land after it.
  void entries(const JsonArray& list, const std::string& path, std::int32_t loop) {
    const auto first = static_cast<std::uint32_t>(t_.entries.size());
    t_.entries.resize(first + list->size());
    t_.loops[loop].first = first;
    t_.loops[loop].end = static_cast<std::uint32_t>(t_.entries.size());
    for (std::size_t i = 0; i < list->size() && !r_.failed(); ++i) {
      entry(list->get(static_cast<unsigned>(i)), json_path(path, i), loop, first + i);
    }
  }

  void entry(const JsonValue& value, const std::string& path, std::int32_t loop, std::size_t at) {
    const JsonObject o = r_.object(value, path);
    if (!o) return;
    StructureEntry e;
    e.usage = usage(o, path);
    e.max = r_.count(r_.member(o, "max", path), json_path(path, "max"));
    const bool trigger = loop != 0 && at == t_.loops[loop].first;
    if (o->has("loop")) {
      if (trigger) return r_.fail(path, "a loop must start with its trigger segment");
      nested_loop(o, path, loop, at, e);
      return;
    }
    const std::string tag = r_.string(r_.member(o, "segment", path), json_path(path, "segment"));
    if (r_.failed()) return;
    const std::int32_t segment = d_.find_segment(tag);
    if (segment < 0) {
      return r_.fail(json_path(path, "segment"), "segment '" + tag + "' is not in " + d_.file);
    }
    if (trigger && (e.usage != Usage::kMandatory || e.max != 1)) {
      return r_.fail(path, "a loop's trigger segment must be \"M\" with max 1");
    }
    e.segment = static_cast<std::uint16_t>(segment);
    t_.in_set[static_cast<std::size_t>(segment)] = 1;
    t_.entries[at] = e;
  }

  void nested_loop(const JsonObject& o, const std::string& path, std::int32_t parent,
                   std::size_t at, StructureEntry e) {
    const auto loop = static_cast<std::int32_t>(t_.loops.size());
    LoopDef def;
    def.id = r_.string(o->get("loop"), json_path(path, "loop"));
    def.parent = parent;
    t_.loops.push_back(def);
    const std::string list_path = json_path(path, "structure");
    const JsonArray list = r_.array(r_.member(o, "structure", path), list_path);
    if (!list) return;
    if (list->size() == 0) return r_.fail(list_path, "a loop needs at least its trigger");
    entries(list, list_path, loop);
    if (r_.failed()) return;
    e.segment = t_.entries[t_.loops[loop].first].segment;
    e.loop = loop;
    t_.entries[at] = e;
  }

  // Fills TransactionSchema::loop_index and ::next_mandatory.
  void index_ahead() {
    std::vector<LoopIndex::Occurrence> occurrences;
    t_.next_mandatory.assign(t_.entries.size(), 0);
    for (std::uint32_t l = 0; l < t_.loops.size(); ++l) {
      const LoopDef& loop = t_.loops[l];
      std::uint32_t mandatory = loop.end;
      for (std::uint32_t i = loop.end; i-- > loop.first;) {
        if (t_.entries[i].usage == Usage::kMandatory) mandatory = i;
        t_.next_mandatory[i] = mandatory;
      }
      for (std::uint32_t i = loop.first; i < loop.end; ++i) {
        occurrences.push_back({l, t_.entries[i].segment, i});
      }
    }
    t_.loop_index.build(occurrences);
  }

  Usage usage(const JsonObject& o, const std::string& path) {
    const std::string text = r_.string(r_.member(o, "usage", path), json_path(path, "usage"));
    if (text == "M") return Usage::kMandatory;
    if (text == "O" || text == "C") return Usage::kOptional;
    if (!r_.failed()) r_.fail(json_path(path, "usage"), "expected M, O or C");
    return Usage::kOptional;
  }

  JsonReader& r_;
  const Dictionary& d_;
  TransactionSchema& t_;
};

}  // namespace

std::unique_ptr<TransactionSchema> load_transaction(JsonReader& reader, const std::string& text,
                                                    const Dictionary& dictionary) {
  std::string error;
  const JsonObject root = parse_json_object(text, error);
  if (!root) {
    reader.fail("$", error);
    return nullptr;
  }
  auto set = std::make_unique<TransactionSchema>();
  set->file = reader.file();
  set->dictionary = &dictionary;
  StructureLoader(reader, dictionary, *set).load(root);
  if (reader.failed()) return nullptr;
  return set;
}

}  // namespace ordex::edi::detail
