#pragma once
// `ordex master load`: partners.csv, items.csv and locations.csv from a folder into the store,
// upserting by key (DESIGN.md, "Contracts"). Each file is optional and needs its header row
// (columns in any order, names as in DESIGN.md). A bad row is reported as "file:line: reason"
// and skipped; good rows still load. Files load in the order partners, items, locations, so
// items and locations may name partners from the same load.
//
// The whole load is one transaction: an I/O or database error leaves the store unchanged.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <istream>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "orders/status.h"
#include "orders/store.h"

namespace ordex::orders {

struct MasterFileSummary {
  std::string file;  // the path as read
  bool present = false;
  std::int64_t loaded = 0;   // new keys
  std::int64_t updated = 0;  // keys that existed and were overwritten
  std::int64_t rejected = 0;
};

struct MasterLoadReport {
  std::vector<MasterFileSummary> files;  // partners, items, locations
  std::vector<std::string> errors;       // "DIR/partners.csv:7: unknown role 'shipper'"
  std::int64_t rejected() const;
};

// Answers whether a name is an IANA time zone.
using TimeZoneCheck = std::function<bool(std::string_view name)>;

// Checks names against the compiled tz database in `dir` (default: $TZDIR, else
// /usr/share/zoneinfo): a name is known when dir/NAME is a TZif file.
TimeZoneCheck zoneinfo_time_zones(std::filesystem::path dir = {});

enum class MasterFile : std::uint8_t { kPartners, kItems, kLocations };

class MasterDataLoader {
 public:
  MasterDataLoader(Store& store, TimeZoneCheck time_zones);

  // Loads the three files of `dir`, each if present, in one transaction.
  Result<MasterLoadReport> load_folder(const std::filesystem::path& dir);

  // One file from a stream, inside the caller's transaction; row problems go to the report,
  // the returned Status is for database errors only. `name` prefixes the messages.
  Status load(MasterFile kind, std::istream& in, const std::string& name);

  const MasterLoadReport& report() const { return report_; }

 private:
  struct Row {  // a record with its fields by column name
    std::uint64_t line = 0;
    std::map<std::string, std::string> values;
    const std::string& operator[](const char* column) const { return values.at(column); }
  };
  Status load_partner(const Row& row, MasterFileSummary& summary);
  Status load_item(const Row& row, MasterFileSummary& summary);
  Status load_location(const Row& row, MasterFileSummary& summary);
  void reject(MasterFileSummary& summary, std::uint64_t line, const std::string& reason);

  Store& store_;
  TimeZoneCheck time_zones_;
  MasterLoadReport report_;
};

}  // namespace ordex::orders
