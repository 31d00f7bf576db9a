// The schemas compiled into the library against real inputs: the demo world in samples/
// and the golden files of tests/golden/validate/ (see its README for what each holds).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "edi/byte_source.h"
#include "edi/envelope_walker.h"
#include "edi/segment_reader.h"
#include "edi/validator.h"
#include "schema_test_util.h"

namespace ordex::edi {
namespace {

using testing::summaries;
using Lines = std::vector<std::string>;
namespace fs = std::filesystem;

const SchemaRegistry& embedded() {
  static const SchemaRegistry registry = [] {
    Result<SchemaRegistry> loaded = SchemaRegistry::embedded();
    if (!loaded.ok()) throw std::runtime_error(loaded.error());
    return std::move(loaded).value();
  }();
  return registry;
}

testing::VerdictRecorder validate_file(const std::string& path) {
  FileSource source(path);
  SegmentReader reader(source);
  testing::VerdictRecorder recorder;
  Validator validator(embedded(), recorder);
  walk_envelopes(reader, validator, path);
  return recorder;
}

// EDI files under `relative` (from the source tree), sorted.
std::vector<std::string> edi_files(const std::string& relative) {
  std::vector<std::string> out;
  const fs::path root = fs::path(ORDEX_SOURCE_DIR) / relative;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    const std::string ext = entry.path().extension().string();
    if (entry.is_regular_file() && (ext == ".x12" || ext == ".edi")) {
      out.push_back(entry.path().string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string name_of(const std::string& path) { return fs::path(path).filename().string(); }

bool all_accepted(const testing::VerdictRecorder& h) {
  return std::all_of(h.verdicts.begin(), h.verdicts.end(),
                     [](Verdict v) { return v == Verdict::kAccepted; });
}

TEST(ValidatorGolden, CleanGoldenFilesHaveNoFindings) {
  int checked = 0;
  for (const std::string& path : edi_files("tests/golden/validate")) {
    const std::string name = name_of(path);
    const bool clean = name.rfind("clean_", 0) == 0 || name.find("_valid") != std::string::npos ||
                       name == "crlf_segments.x12" || name == "bom_whitespace_sub.x12" ||
                       name == "x12_then_edifact.edi";
    if (!clean) continue;
    ++checked;
    const auto h = validate_file(path);
    EXPECT_EQ(summaries(h), Lines{}) << name;
    EXPECT_FALSE(h.verdicts.empty()) << name;
    EXPECT_TRUE(all_accepted(h)) << name;
  }
  EXPECT_GE(checked, 29);
}

TEST(ValidatorGolden, SchemaProblemsGiveTheDocumentedFindings) {
  const std::map<std::string, Lines> expected = {
      {"x12/segment_unknown.x12", {"AK3:1 QQQ@4"}},
      {"x12/segment_out_of_order.x12", {"AK3:7 REF@5"}},
      {"x12/segment_mandatory_missing.x12", {"AK3:3 BEG@2"}},
      {"x12/segment_over_max_use.x12", {"AK3:5 DTM@14"}},
      {"x12/loop_over_max.x12", {"AK3:4 CTT@11"}},
      {"x12/element_mandatory_missing.x12", {"AK4:1 BEG03@2"}},
      {"x12/element_too_long.x12", {"AK4:5 BEG03@2"}},
      {"x12/element_too_short.x12", {"AK4:4 N104@6"}},
      {"x12/element_invalid_code.x12", {"AK4:7 BEG01@2"}},
      {"x12/element_invalid_date.x12", {"AK4:8 BEG05@2"}},
      {"x12/element_invalid_time.x12", {"AK4:9 DTM03@5"}},
      {"x12/element_non_numeric_r.x12", {"AK4:6 PO102@7"}},
      {"x12/element_non_numeric_n0.x12", {"AK4:6 CTT01@10"}},
      {"x12/element_too_many.x12", {"AK4:3 DTM07@4"}},
      {"x12/element_relational_paired.x12", {"AK4:2 PO107@7"}},
      {"x12/element_relational_required.x12", {"AK4:2 REF02@3"}},
      {"x12/hl_parent_missing_856.x12", {"AK4:7 HL02@19"}},
      {"edifact/segment_unknown.edi", {"CONTRL:15 XYZ@5"}},
      {"edifact/bgm_missing.edi", {"CONTRL:13 BGM@1"}},
      {"edifact/element_too_long.edi", {"CONTRL:39 BGM02@2"}},
      {"edifact/code_1225_invalid.edi", {"CONTRL:12 BGM03@2"}},
      {"edifact/date_102_invalid.edi", {"CONTRL:12 DTM01-02@3"}},
  };
  for (const auto& [file, findings] : expected) {
    const auto h = validate_file(std::string(ORDEX_SOURCE_DIR) + "/tests/golden/validate/" + file);
    EXPECT_EQ(summaries(h), findings) << file;
    EXPECT_EQ(h.verdicts, std::vector<Verdict>{Verdict::kRejected}) << file;
  }
}

// samples/README.md: every file is valid but for set 0002 of one Northwind 850 (the
// EDI_REJECTED case: BEG05 20261131, no PO1 loop).
TEST(ValidatorGolden, TheSampleWorldIsCleanButForItsRejectedOrder) {
  int files = 0;
  for (const char* folder : {"samples/inbound", "samples/outbound"}) {
    for (const std::string& path : edi_files(folder)) {
      ++files;
      const auto h = validate_file(path);
      if (name_of(path) == "20261118T0830_NORTHWIND_850_000000106.x12") {
        EXPECT_EQ(summaries(h), (Lines{"AK4:8 BEG05@2", "AK3:3 PO1@10"}));
        EXPECT_EQ(h.verdicts, (std::vector<Verdict>{Verdict::kAccepted, Verdict::kRejected,
                                                    Verdict::kAccepted}));
        continue;
      }
      EXPECT_EQ(summaries(h), Lines{}) << name_of(path);
      EXPECT_TRUE(all_accepted(h)) << name_of(path);
    }
  }
  EXPECT_GE(files, 60);
}

// Bad input gets findings, never a crash: samples with bytes overwritten by delimiters,
// control characters and letters, validated end to end (run it under the asan preset).
TEST(ValidatorGolden, SurvivesMutatedSamples) {
  std::mt19937 random(20261123);
  const std::string noise = std::string("~*>^:+'?\x01\x7f") + "A9 -.,";
  for (const char* folder : {"samples/inbound", "tests/golden/validate/edifact"}) {
    for (const std::string& path : edi_files(folder)) {
      const std::string original = testing::read_file(path);
      for (int round = 0; round < 20 && !original.empty(); ++round) {
        std::string bytes = original;
        for (int k = 0; k < 8; ++k) {
          bytes[random() % bytes.size()] = noise[random() % noise.size()];
        }
        MemorySource source(bytes);
        SegmentReader reader(source);
        testing::VerdictRecorder recorder;
        Validator validator(embedded(), recorder);
        walk_envelopes(reader, validator, path);
        for (const Finding& f : recorder.findings) EXPECT_LE(f.bad_value.size(), 99u);
      }
    }
  }
}

}  // namespace
}  // namespace ordex::edi
