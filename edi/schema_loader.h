#pragma once
// Compiles schema JSON files (format: edi/schemas/README.md) into a SchemaRegistry.
// SchemaRegistry::embedded() and ::from_directory() are the usual entry points; this header
// is for them, the tests and tools that hold schema text in memory.
//
// Errors are returned, never thrown: "<file>: <JSON path>: <problem>", for example
// "x12/004010/850.json: $.structure[4].segment: segment 'XYZ' is not in dictionary.json".

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "edi/result.h"
#include "edi/schema.h"

namespace ordex::edi {

struct SchemaSource {
  // Path-like name: files are grouped by folder (the part before the last '/'), and a
  // folder's "dictionary.json" serves every other file in it. Used in error messages.
  std::string name;
  std::string_view text;  // must outlive the load_schemas() call only
};

Result<SchemaRegistry> load_schemas(const std::vector<SchemaSource>& sources);

namespace detail {

class JsonReader;

// The pieces load_schemas() is made of.
std::unique_ptr<Dictionary> load_dictionary(JsonReader& reader, const std::string& text);
std::unique_ptr<TransactionSchema> load_transaction(JsonReader& reader, const std::string& text,
                                                    const Dictionary& dictionary);

// Fills a registry; the only code allowed to.
class RegistryBuilder {
 public:
  Dictionary* add(std::unique_ptr<Dictionary> dictionary);
  // Fails when a set with the same key is already there.
  Result<bool> add(std::unique_ptr<TransactionSchema> set);
  SchemaRegistry take() { return std::move(registry_); }

 private:
  SchemaRegistry registry_;
};

}  // namespace detail
}  // namespace ordex::edi
