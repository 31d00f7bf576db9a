#include "orders/master_data.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <utility>

#include "orders/csv_reader.h"

namespace ordex::orders {

namespace {

constexpr std::array<const char*, 6> kPartnerColumns = {"partner_id", "name",   "role",
                                                        "qualifier",  "edi_id", "timezone"};
constexpr std::array<const char*, 6> kItemColumns = {"partner_id",  "sku", "upc",
                                                     "description", "uom", "unit_price"};
constexpr std::array<const char*, 8> kLocationColumns = {
    "partner_id", "location_code", "name", "address", "city", "state", "postal_code", "country"};

std::string trimmed(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const std::size_t last = text.find_last_not_of(" \t");
  return std::string(text.substr(first, last - first + 1));
}

std::string lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

std::vector<std::string> columns_of(MasterFile kind) {
  switch (kind) {
    case MasterFile::kPartners:
      return {kPartnerColumns.begin(), kPartnerColumns.end()};
    case MasterFile::kItems:
      return {kItemColumns.begin(), kItemColumns.end()};
    case MasterFile::kLocations:
      return {kLocationColumns.begin(), kLocationColumns.end()};
  }
  return {};
}

// Where each known column is in the file; an error message when the header is not usable.
std::string read_header(const std::vector<std::string>& header, MasterFile kind,
                        std::map<std::string, std::size_t>& positions) {
  const std::vector<std::string> wanted = columns_of(kind);
  for (std::size_t i = 0; i < header.size(); ++i) {
    const std::string name = lowercase(trimmed(header[i]));
    if (std::find(wanted.begin(), wanted.end(), name) == wanted.end()) {
      return "header: unknown column '" + name + "' (expected " + [&] {
        std::string list;
        for (const std::string& w : wanted) list += (list.empty() ? "" : ",") + w;
        return list;
      }() + ")";
    }
    if (!positions.emplace(name, i).second) return "header: column '" + name + "' twice";
  }
  for (const std::string& w : wanted) {
    if (positions.count(w) == 0) return "header: missing column '" + w + "'";
  }
  return {};
}

}  // namespace

std::int64_t MasterLoadReport::rejected() const {
  std::int64_t n = 0;
  for (const MasterFileSummary& f : files) n += f.rejected;
  return n;
}

TimeZoneCheck zoneinfo_time_zones(std::filesystem::path dir) {
  if (dir.empty()) {
    const char* env = std::getenv("TZDIR");
    dir = env != nullptr && *env != '\0' ? env : "/usr/share/zoneinfo";
  }
  return [dir](std::string_view name) {
    // IANA names are letters, digits and "/_-+"; this also keeps "../" out of the path.
    if (name.empty() || name.front() == '/' || name.front() == '-') return false;
    for (char c : name) {
      if (!std::isalnum(static_cast<unsigned char>(c)) && std::strchr("/_-+", c) == nullptr) {
        return false;
      }
    }
    std::ifstream file(dir / std::string(name), std::ios::binary);
    char magic[4] = {};
    return file.read(magic, 4) && std::string_view(magic, 4) == "TZif";
  };
}

MasterDataLoader::MasterDataLoader(Store& store, TimeZoneCheck time_zones)
    : store_(store), time_zones_(std::move(time_zones)) {}

void MasterDataLoader::reject(MasterFileSummary& summary, std::uint64_t line,
                              const std::string& reason) {
  ++summary.rejected;
  report_.errors.push_back(summary.file + ":" + std::to_string(line) + ": " + reason);
}

Status MasterDataLoader::load(MasterFile kind, std::istream& in, const std::string& name) {
  report_.files.push_back(MasterFileSummary{name, true, 0, 0, 0});
  const std::size_t index = report_.files.size() - 1;
  CsvReader reader(in);
  CsvRecord record;
  std::map<std::string, std::size_t> positions;
  const CsvResult first = reader.next(record);
  if (first != CsvResult::kRecord) {
    reject(report_.files[index], record.line,
           first == CsvResult::kEnd ? "the header row is missing" : "header: " + reader.error());
    return Status();
  }
  if (std::string problem = read_header(record.fields, kind, positions); !problem.empty()) {
    reject(report_.files[index], record.line, problem + "; nothing loaded from this file");
    return Status();
  }
  for (CsvResult r; (r = reader.next(record)) != CsvResult::kEnd;) {
    MasterFileSummary& summary = report_.files[index];
    if (r == CsvResult::kError) {
      reject(summary, record.line, reader.error());
      continue;
    }
    if (record.fields.size() != positions.size()) {
      reject(summary, record.line,
             "expected " + std::to_string(positions.size()) + " fields, found " +
                 std::to_string(record.fields.size()));
      continue;
    }
    Row row{record.line, {}};
    for (const auto& [column, at] : positions) row.values[column] = trimmed(record.fields[at]);
    Status s = kind == MasterFile::kPartners ? load_partner(row, summary)
               : kind == MasterFile::kItems  ? load_item(row, summary)
                                             : load_location(row, summary);
    if (!s.ok()) return Failure{name + ":" + std::to_string(record.line) + ": " + s.error()};
  }
  return Status();
}

Result<MasterLoadReport> MasterDataLoader::load_folder(const std::filesystem::path& dir) {
  report_ = MasterLoadReport{};
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return Failure{dir.string() + ": not a folder"};
  if (Status s = store_.begin(); !s.ok()) return Failure{s.error()};
  const std::pair<MasterFile, const char*> files[] = {{MasterFile::kPartners, "partners.csv"},
                                                      {MasterFile::kItems, "items.csv"},
                                                      {MasterFile::kLocations, "locations.csv"}};
  for (const auto& [kind, file] : files) {
    const std::filesystem::path path = dir / file;
    if (!std::filesystem::exists(path, ec)) {
      report_.files.push_back(MasterFileSummary{path.string(), false, 0, 0, 0});
      continue;
    }
    std::ifstream in(path, std::ios::binary);
    Status s = in ? load(kind, in, path.string())
                  : Status(Failure{path.string() + ": cannot read: " + std::strerror(errno)});
    if (s.ok() && in.bad()) s = Failure{path.string() + ": read error"};
    if (!s.ok()) {
      (void)store_.rollback();
      return Failure{s.error()};
    }
  }
  if (Status s = store_.commit(); !s.ok()) return Failure{s.error()};
  return report_;
}

}  // namespace ordex::orders
