#include "ingest_test_util.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <sstream>

#include "orders/master_data.h"

namespace ordex::orders::ingest::testing {

namespace fs = std::filesystem;

fs::path sample(const std::string& relative) {
  return fs::path(ORDEX_SOURCE_DIR) / "samples" / relative;
}

ScratchDir::ScratchDir() {
  static std::atomic<int> counter{0};
  path_ = fs::temp_directory_path() /
          ("ordex-ingest-test-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
  fs::create_directories(path_);
}

ScratchDir::~ScratchDir() {
  std::error_code ignored;
  fs::remove_all(path_, ignored);
}

std::string ScratchDir::write(const std::string& name, const std::string& bytes) const {
  const fs::path p = path_ / name;
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << bytes;
  return p.string();
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

const edi::SchemaRegistry& schemas() {
  static const edi::SchemaRegistry registry = [] {
    auto r = edi::SchemaRegistry::embedded();
    if (!r.ok()) std::abort();
    return std::move(r).value();
  }();
  return registry;
}

void load_sample_master(Store& store) {
  MasterDataLoader loader(store, [](std::string_view) { return true; });
  auto report = loader.load_folder(sample("master"));
  ASSERT_TRUE(report.ok()) << report.error();
  ASSERT_EQ(report.value().rejected(), 0);
}

std::vector<std::string> files_under(const std::vector<fs::path>& folders) {
  std::vector<std::string> all;
  for (const fs::path& folder : folders) {
    std::vector<std::string> found;
    for (const auto& e : fs::recursive_directory_iterator(folder)) {
      if (e.is_regular_file()) found.push_back(e.path().string());
    }
    std::sort(found.begin(), found.end());
    all.insert(all.end(), found.begin(), found.end());
  }
  return all;
}

IngestCounts import_all(Store& store, const std::vector<std::string>& files,
                        IngestOptions options) {
  Ingestor ingestor(store, schemas(), std::move(options));
  for (const std::string& f : files) ingestor.import_file(f);
  return ingestor.totals();
}

}  // namespace ordex::orders::ingest::testing

#include "orders/ingest/file_scan.h"

namespace ordex::orders::ingest::testing {
std::string file_sha(const std::string& path) {
  auto sha = file_sha256(path);
  return sha.ok() ? sha.value() : std::string();
}
}  // namespace ordex::orders::ingest::testing
