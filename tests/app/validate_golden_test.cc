// Golden files for `ordex validate --format json`: every input under tests/golden/validate/
// must give exactly the findings and verdicts in tests/golden/validate/expected/<input>.jsonl.
// Run with ORDEX_UPDATE_GOLDEN=1 to rewrite the expected files, then review the diff: the
// README next to the inputs states what each one must report.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/validation_printer.h"
#include "edi/byte_source.h"
#include "edi/envelope_walker.h"
#include "edi/schema.h"
#include "edi/segment_reader.h"
#include "edi/validator.h"

namespace ordex::app {
namespace {

namespace fs = std::filesystem;

const fs::path kGolden = fs::path(ORDEX_SOURCE_DIR) / "tests" / "golden" / "validate";

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

const edi::SchemaRegistry& schemas() {
  static const edi::SchemaRegistry registry = [] {
    auto loaded = edi::SchemaRegistry::embedded();
    if (!loaded.ok()) {
      ADD_FAILURE() << loaded.error();
      std::abort();
    }
    return std::move(loaded).value();
  }();
  return registry;
}

// The JSON lines `ordex validate --format json` prints for one file, named by its path
// relative to the golden folder.
std::string validate_json(const fs::path& input) {
  std::ostringstream out;
  ValidationPrinter printer(OutputFormat::kJson, out);
  edi::Validator validator(schemas(), printer);
  edi::FileSource source(input.string());
  edi::SegmentReader reader(source);
  edi::walk_envelopes(reader, validator, fs::relative(input, kGolden).string());
  return out.str();
}

std::vector<fs::path> golden_inputs() {
  std::vector<fs::path> inputs;
  for (const auto& entry : fs::recursive_directory_iterator(kGolden)) {
    const fs::path& p = entry.path();
    if (!entry.is_regular_file() || p.extension() == ".md" || p.extension() == ".jsonl") continue;
    inputs.push_back(p);
  }
  std::sort(inputs.begin(), inputs.end());
  return inputs;
}

TEST(ValidateGolden, EveryInputGivesItsExpectedFindings) {
  const bool update = std::getenv("ORDEX_UPDATE_GOLDEN") != nullptr;
  const std::vector<fs::path> inputs = golden_inputs();
  ASSERT_GE(inputs.size(), 70u) << "golden inputs missing under " << kGolden;
  for (const fs::path& input : inputs) {
    const fs::path expected =
        kGolden / "expected" / (fs::relative(input, kGolden).string() + ".jsonl");
    const std::string actual = validate_json(input);
    if (update) {
      fs::create_directories(expected.parent_path());
      std::ofstream(expected, std::ios::binary) << actual;
      continue;
    }
    ASSERT_TRUE(fs::exists(expected))
        << "no expected output for " << input << " (run with ORDEX_UPDATE_GOLDEN=1, then review)";
    EXPECT_EQ(actual, slurp(expected)) << "for " << fs::relative(input, kGolden);
  }
}

// The README promises that every clean file gives no finding and only accepted verdicts.
TEST(ValidateGolden, CleanFilesHaveNoFindings) {
  for (const fs::path& input : golden_inputs()) {
    const std::string name = input.filename().string();
    if (name.rfind("clean_", 0) != 0 && name.find("_valid") == std::string::npos) continue;
    const std::string json = validate_json(input);
    EXPECT_EQ(json.find("\"type\":\"finding\""), std::string::npos) << name << "\n" << json;
    EXPECT_EQ(json.find("\"status\":\"rejected\""), std::string::npos) << name;
  }
}

}  // namespace
}  // namespace ordex::app
