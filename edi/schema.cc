#include "edi/schema.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "edi/embedded_schemas.h"
#include "edi/schema_loader.h"

namespace ordex::edi {

namespace {

std::string upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// Reads every *.json under `dir`, sorted by path so loading is deterministic.
Result<std::vector<std::pair<std::string, std::string>>> read_json_files(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Failure{dir + ": not a directory"};
  std::vector<std::string> paths;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec) && it->path().extension() == ".json") {
      paths.push_back(it->path().generic_string());
    }
  }
  if (ec) return Failure{dir + ": " + ec.message()};
  std::sort(paths.begin(), paths.end());
  std::vector<std::pair<std::string, std::string>> files;
  for (const std::string& path : paths) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in) return Failure{path + ": cannot be read"};
    files.emplace_back(path, text.str());
  }
  return files;
}

}  // namespace

std::string schema_key(Standard standard, std::string_view version, std::string_view set_id) {
  if (standard == Standard::kX12) {
    // GS08 / ST03 carry the version, release and an industry identifier (004010VICS,
    // 005010X231A1); the syntax is fixed by the first six characters.
    return "X12 " + std::string(version.substr(0, 6)) + " " + upper(set_id);
  }
  return "EDIFACT " + upper(version) + " " + upper(set_id);
}

Result<SchemaRegistry> SchemaRegistry::embedded() {
  std::vector<SchemaSource> sources;
  for (const EmbeddedSchemaFile& file : embedded_schema_files()) {
    sources.push_back(SchemaSource{"edi/schemas/" + std::string(file.path), file.text});
  }
  return load_schemas(sources);
}

Result<SchemaRegistry> SchemaRegistry::from_directory(const std::string& dir) {
  auto files = read_json_files(dir);
  if (!files.ok()) return Failure{files.error()};
  std::vector<SchemaSource> sources;
  for (const auto& [path, text] : files.value()) sources.push_back(SchemaSource{path, text});
  return load_schemas(sources);
}

const TransactionSchema* SchemaRegistry::find(Standard standard, std::string_view version,
                                              std::string_view set_id) const {
  const auto it = index_.find(schema_key(standard, version, set_id));
  if (it != index_.end()) return it->second;
  // CONTRL is a service message: its UNH names the syntax version (CONTRL:D:3:UN, or 4:1 for
  // syntax 4), not a message directory. Both CONTRL files hold the syntax 3 definition, which
  // partners use for either.
  if (standard == Standard::kEdifact && set_id == "CONTRL") {
    const auto contrl = index_.find(schema_key(standard, "D96A", set_id));
    if (contrl != index_.end()) return contrl->second;
  }
  return nullptr;
}

std::vector<std::string> SchemaRegistry::describe() const {
  std::vector<std::string> out;
  for (const auto& set : sets_) {
    out.push_back(std::string(to_string(set->standard)) + " " + set->version + " " + set->id + " " +
                  set->name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace ordex::edi
