#pragma once
// The schema files under edi/schemas/, compiled into the library at build time (see
// edi/embed_schemas.cmake), so an installed binary needs no data folder.

#include <span>
#include <string_view>

namespace ordex::edi {

struct EmbeddedSchemaFile {
  std::string_view path;  // relative to edi/schemas/: "x12/004010/850.json"
  std::string_view text;  // the file's bytes; static storage
};

// Every *.json under edi/schemas/ at build time, sorted by path.
std::span<const EmbeddedSchemaFile> embedded_schema_files();

}  // namespace ordex::edi
