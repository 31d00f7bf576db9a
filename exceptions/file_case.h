#pragma once
// What the file-scope rules look at: one inbound file, the documents the import recorded from
// it and the findings validation reported in it. Interchange- and group-level problems and
// documents that name no PO have no order to hang on, so they are judged per file.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "orders/store_records.h"

namespace ordex::exceptions {

struct FileCase {
  std::int64_t file_id = 0;
  std::string path;
  std::vector<orders::DocumentRecord> documents;
  std::vector<orders::FindingRecord> findings;
  // Interchange control number (ISA13 / UNB 0020) -> the sender's partner id, when the sender
  // is a known partner. A finding's partner comes from here, else from a document of the same
  // interchange; a condition with neither has an empty partner id.
  std::map<std::string, std::string> interchange_partner;
};

}  // namespace ordex::exceptions
