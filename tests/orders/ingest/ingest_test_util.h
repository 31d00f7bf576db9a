#pragma once
// Helpers of the ingest tests: a scratch folder, sample paths, and an import in one call.

#include <filesystem>
#include <string>
#include <vector>

#include "edi/schema.h"
#include "orders/ingest/ingest.h"
#include "orders/store.h"

namespace ordex::orders::ingest::testing {

std::filesystem::path sample(const std::string& relative);  // under samples/

// A fresh folder under the system temp folder, removed with the object.
class ScratchDir {
 public:
  ScratchDir();
  ~ScratchDir();
  const std::filesystem::path& path() const { return path_; }
  std::string write(const std::string& name, const std::string& bytes) const;

 private:
  std::filesystem::path path_;
};

std::string read_file(const std::filesystem::path& path);

const edi::SchemaRegistry& schemas();

// Loads samples/master into `store`.
void load_sample_master(Store& store);

// Every file under the folders, in name order (as `ordex run` expands them).
std::vector<std::string> files_under(const std::vector<std::filesystem::path>& folders);

// Imports `files` with a fresh Ingestor and returns its totals.
IngestCounts import_all(Store& store, const std::vector<std::string>& files,
                        IngestOptions options = {});

}  // namespace ordex::orders::ingest::testing

namespace ordex::orders::ingest::testing {
std::string file_sha(const std::string& path);
}  // namespace ordex::orders::ingest::testing
