#include "edi/schema_loader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "edi/embedded_schemas.h"
#include "edi/schema.h"
#include "schema_test_util.h"

namespace ordex::edi {
namespace {

using testing::SchemaFiles;
using testing::TempDir;
using testing::test_schema_files;

// Loads `files` from a temp dir; returns the error ("" when it loads).
std::string load_error(const SchemaFiles& files) {
  TempDir dir;
  for (const auto& [name, text] : files) dir.write(name, text);
  Result<SchemaRegistry> loaded = SchemaRegistry::from_directory(dir.path());
  return loaded.ok() ? std::string() : loaded.error();
}

// Replaces the first `from` in files[name] with `to`.
SchemaFiles edited(const std::string& name, const std::string& from, const std::string& to) {
  SchemaFiles files = test_schema_files();
  std::string& text = files[name];
  const std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return files;
}

TEST(SchemaLoader, LoadsADirectoryAndFindsSetsByVersion) {
  const SchemaRegistry r = testing::load_test_schemas();
  EXPECT_EQ(r.size(), 5u);
  const TransactionSchema* po = r.find(Standard::kX12, "004010", "850");
  ASSERT_NE(po, nullptr);
  EXPECT_EQ(po->name, "Purchase Order");
  EXPECT_EQ(po->functional_group, "PO");
  // GS08 / ST03 carry industry suffixes; the first six characters decide.
  EXPECT_EQ(r.find(Standard::kX12, "004010VICS", "850"), po);
  EXPECT_NE(r.find(Standard::kX12, "005010X231A1", "856"), nullptr);
  EXPECT_NE(r.find(Standard::kX12, "005010", "850"), po);
  EXPECT_EQ(r.find(Standard::kX12, "003050", "850"), nullptr);
  EXPECT_EQ(r.find(Standard::kX12, "004010", "810"), nullptr);
  EXPECT_EQ(r.find(Standard::kEdifact, "004010", "850"), nullptr);
  EXPECT_NE(r.find(Standard::kEdifact, "d96a", "orders"), nullptr);
  const std::vector<std::string> described = r.describe();
  EXPECT_NE(std::find(described.begin(), described.end(), "X12 004010 850 Purchase Order"),
            described.end());
  EXPECT_NE(
      std::find(described.begin(), described.end(), "EDIFACT D96A ORDERS Purchase order message"),
      described.end());
}

TEST(SchemaLoader, FlattensLoopsIntoContiguousRanges) {
  const SchemaRegistry r = testing::load_test_schemas();
  const TransactionSchema& po = *r.find(Standard::kX12, "004010", "850");
  const Dictionary& d = *po.dictionary;
  std::vector<std::string> ids;
  for (const LoopDef& loop : po.loops) ids.push_back(loop.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"", "N1", "PO1", "N1", "CTT"}));
  for (std::size_t i = 1; i < po.loops.size(); ++i) {
    const LoopDef& loop = po.loops[i];
    // The trigger comes first and the loop entry in the parent names it.
    EXPECT_EQ(d.segments[po.entries[loop.first].segment].tag, loop.id);
    EXPECT_EQ(po.entries[loop.first].usage, Usage::kMandatory);
  }
  EXPECT_EQ(po.loops[3].parent, 2);  // the N1 loop inside PO1
  const LoopDef& set = po.loops[0];
  EXPECT_EQ(set.end - set.first, 9u);
  EXPECT_EQ(d.segments[po.entries[set.end - 1].segment].tag, "SE");
  EXPECT_TRUE(po.in_set[static_cast<std::size_t>(d.find_segment("PID"))]);
  EXPECT_FALSE(po.in_set[static_cast<std::size_t>(d.find_segment("HL"))]);
  EXPECT_EQ(d.find_segment("ZZZ"), -1);
  EXPECT_EQ(d.find_segment("TOOLONG"), -1);
}

TEST(SchemaLoader, CompilesTypesCodesAndSyntaxNotes) {
  const SchemaRegistry r = testing::load_test_schemas();
  const Dictionary& d = *r.find(Standard::kX12, "005010", "850")->dictionary;
  EXPECT_TRUE(d.exponent_allowed);
  const ElementDef& implied = d.elements[d.element_index.at("901")];
  EXPECT_EQ(implied.type, DataType::kImpliedDecimal);
  EXPECT_EQ(implied.decimals, 2);
  const ElementDef& purpose = d.elements[d.element_index.at("353")];
  EXPECT_TRUE(purpose.codes.contains("00"));
  EXPECT_FALSE(purpose.codes.contains("0"));
  EXPECT_FALSE(purpose.codes.contains("000"));
  const SegmentDef& dtm = d.segments[static_cast<std::size_t>(d.find_segment("DTM"))];
  ASSERT_EQ(dtm.rules.size(), 3u);
  EXPECT_EQ(dtm.rules[0].kind, RuleKind::kRequired);
  EXPECT_EQ(dtm.rules[0].positions, (std::vector<std::uint8_t>{2, 3, 5}));
  EXPECT_EQ(dtm.date_format.format, 5);
  EXPECT_EQ(dtm.date_format.value, 6);
  const SegmentDef& tst = d.segments[static_cast<std::size_t>(d.find_segment("TST"))];
  EXPECT_EQ(tst.elements[11].repeat, 3u);

  const Dictionary& e = *r.find(Standard::kEdifact, "D96A", "ORDERS")->dictionary;
  const CompositeDef& c507 = e.composites[e.composite_index.at("C507")];
  EXPECT_EQ(c507.date_format.format, 3);
  EXPECT_EQ(c507.date_format.value, 2);
  const SegmentDef& dep = e.segments[static_cast<std::size_t>(e.find_segment("DEP"))];
  EXPECT_EQ(dep.rules[0].kind, RuleKind::kExactlyOne);
  EXPECT_EQ(dep.rules[6].kind, RuleKind::kIfFirstThenNone);
}

TEST(SchemaLoader, MalformedJsonNamesTheFile) {
  const std::string error =
      load_error(edited("x12/004010/850.json", "\"name\": \"Purchase Order\",", "\"name\": ,"));
  EXPECT_NE(error.find("x12/004010/850.json"), std::string::npos) << error;
  EXPECT_NE(error.find("malformed JSON"), std::string::npos) << error;
}

TEST(SchemaLoader, DanglingSegmentInAStructureNamesFileAndPath) {
  const std::string error =
      load_error(edited("x12/004010/850.json", R"({"segment": "PID", "usage": "O", "max": 2})",
                        R"({"segment": "XYZ", "usage": "O", "max": 2})"));
  EXPECT_NE(error.find("x12/004010/850.json: $.structure[6].structure[1].segment: segment 'XYZ'"),
            std::string::npos)
      << error;
}

TEST(SchemaLoader, DanglingElementAndCompositeReferencesNameThePath) {
  std::string error =
      load_error(edited("x12/004010/dictionary.json", R"({"element": "92", "usage": "M"})",
                        R"({"element": "9998", "usage": "M"})"));
  EXPECT_NE(error.find("x12/004010/dictionary.json: $.segments.BEG.elements[1].element: "
                       "element '9998' is not in \"elements\""),
            std::string::npos)
      << error;
  error = load_error(
      edited("x12/004010/dictionary.json", R"({"composite": "C040")", R"({"composite": "C999")"));
  EXPECT_NE(error.find("$.segments.REF.elements[3].composite"), std::string::npos) << error;
  error = load_error(
      edited("x12/004010/dictionary.json", R"({"composite": "C040")", R"({"element": "C040")"));
  EXPECT_NE(error.find("it is a composite"), std::string::npos) << error;
}

TEST(SchemaLoader, BadDefinitionsAreErrorsWithTheirPath) {
  struct Case {
    std::string file, from, to, expected;
  };
  const std::vector<Case> cases = {
      {"x12/004010/dictionary.json", R"("syntax": ["R0203"])", R"("syntax": ["R0209"])",
       "$.segments.REF.syntax[0]: position 9 is not in the segment"},
      {"x12/004010/dictionary.json", R"("syntax": ["R0203"])", R"("syntax": ["Q0203"])",
       "$.segments.REF.syntax[0]: 'Q0203' is not an X12 syntax note"},
      {"edifact/D96A/dictionary.json", "\"D1:0102\"", "\"D9:0102\"", "$.segments.DEP.syntax[0]"},
      {"x12/004010/dictionary.json", R"("type": "N2")", R"("type": "Q")",
       "$.elements.901.type: unknown type \"Q\""},
      {"x12/004010/dictionary.json", R"("codes": ["00", "01", "05"])", R"("codes": ["00", "001"])",
       "$.elements.353.codes[1]: code \"001\" does not fit"},
      {"x12/004010/dictionary.json", R"("min": 4, "max": 9)", R"("min": 4, "max": 2)",
       "$.elements.329.max"},
      {"x12/004010/850.json", R"({"segment": "PO1", "usage": "M", "max": 1})",
       R"({"segment": "PO1", "usage": "O", "max": 1})",
       "$.structure[6].structure[0]: a loop's trigger segment must be"},
      {"x12/004010/850.json", R"("max": ">1"})", R"("max": 0})", "$.structure[2].max"},
      {"x12/004010/850.json", R"("version": "004010")", R"("version": "004020")",
       "$.version: \"004020\" does not match dictionary.json"},
      {"x12/004010/856.json", R"("id": "856")", R"("id": "850")",
       "X12 004010 850 is already defined by"},
  };
  for (const Case& c : cases) {
    const std::string error = load_error(edited(c.file, c.from, c.to));
    EXPECT_NE(error.find(c.file), std::string::npos) << error;
    EXPECT_NE(error.find(c.expected), std::string::npos) << c.expected << "\n" << error;
  }
}

TEST(SchemaLoader, AFolderWithoutDictionaryIsAnError) {
  SchemaFiles files = test_schema_files();
  files.erase("edifact/D96A/dictionary.json");
  const std::string error = load_error(files);
  EXPECT_NE(error.find("ORDERS.json: no dictionary.json"), std::string::npos) << error;
}

TEST(SchemaLoader, MissingDirectoryIsAnError) {
  const Result<SchemaRegistry> r = SchemaRegistry::from_directory("/nonexistent/ordex/schemas");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().find("not a directory"), std::string::npos);
}

TEST(SchemaTables, TagTableAndCodeSet) {
  TagTable tags;
  tags.build({"ST", "BEG", "N1", "SE", "UNH", "A"});
  EXPECT_EQ(tags.find("BEG"), 1);
  EXPECT_EQ(tags.find("N1"), 2);
  EXPECT_EQ(tags.find("A"), 5);
  EXPECT_EQ(tags.find("N"), -1);
  EXPECT_EQ(tags.find("N1X"), -1);
  EXPECT_EQ(tags.find(""), -1);
  CodeSet codes;
  codes.assign({"EA", "CA", "ABCDEFGHIJ", "1234567"});
  EXPECT_TRUE(codes.contains("EA"));
  EXPECT_TRUE(codes.contains("ABCDEFGHIJ"));
  EXPECT_TRUE(codes.contains("1234567"));
  EXPECT_FALSE(codes.contains("E"));
  EXPECT_FALSE(codes.contains("ABCDEFGHI"));
  EXPECT_EQ(codes.size(), 4u);
}

// The sets edi/schemas/README.md promises: every one is compiled into the library.
TEST(EmbeddedSchemas, EveryPromisedSetIsThere) {
  const Result<SchemaRegistry> r = SchemaRegistry::embedded();
  ASSERT_TRUE(r.ok()) << r.error();
  EXPECT_FALSE(embedded_schema_files().empty());
  for (const char* version : {"004010", "005010"}) {
    for (const char* set : {"850", "855", "856", "810", "214", "940", "945", "997", "999"}) {
      EXPECT_NE(r.value().find(Standard::kX12, version, set), nullptr) << version << " " << set;
    }
  }
  for (const char* version : {"D96A", "D01B"}) {
    for (const char* set : {"ORDERS", "ORDRSP", "DESADV", "INVOIC", "IFTSTA", "CONTRL"}) {
      EXPECT_NE(r.value().find(Standard::kEdifact, version, set), nullptr) << version << " " << set;
    }
  }
  const TransactionSchema* asn = r.value().find(Standard::kX12, "004010", "856");
  ASSERT_NE(asn, nullptr);
  EXPECT_TRUE(asn->hl_integrity);
}

}  // namespace
}  // namespace ordex::edi
