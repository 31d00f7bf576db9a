// load_schemas(): groups the files by folder, compiles each folder's dictionary.json, then
// every transaction-set file against it.
#include "edi/schema_loader.h"

#include <map>

#include "edi/json_reader.h"

namespace ordex::edi {

namespace detail {

Dictionary* RegistryBuilder::add(std::unique_ptr<Dictionary> dictionary) {
  registry_.dictionaries_.push_back(std::move(dictionary));
  return registry_.dictionaries_.back().get();
}

Result<bool> RegistryBuilder::add(std::unique_ptr<TransactionSchema> set) {
  const std::string key = schema_key(set->standard, set->version, set->id);
  const auto [it, inserted] = registry_.index_.emplace(key, set.get());
  if (!inserted) {
    return Failure{set->file + ": $.id: " + key + " is already defined by " + it->second->file};
  }
  registry_.sets_.push_back(std::move(set));
  return true;
}

}  // namespace detail

namespace {

struct Folder {
  const SchemaSource* dictionary = nullptr;
  std::vector<const SchemaSource*> sets;
};

std::string folder_of(const std::string& name) {
  const std::size_t slash = name.find_last_of('/');
  return slash == std::string::npos ? std::string() : name.substr(0, slash);
}

std::string base_name(const std::string& name) {
  const std::size_t slash = name.find_last_of('/');
  return slash == std::string::npos ? name : name.substr(slash + 1);
}

Result<bool> load_folder(const std::string& folder, const Folder& files,
                         detail::RegistryBuilder& builder) {
  if (files.dictionary == nullptr) {
    return Failure{files.sets.front()->name + ": no dictionary.json in " +
                   (folder.empty() ? std::string("its folder") : folder)};
  }
  detail::JsonReader dictionary_reader(files.dictionary->name);
  auto dictionary = detail::load_dictionary(dictionary_reader, std::string(files.dictionary->text));
  if (!dictionary) return Failure{dictionary_reader.error()};
  const Dictionary* compiled = builder.add(std::move(dictionary));
  for (const SchemaSource* source : files.sets) {
    detail::JsonReader reader(source->name);
    auto set = detail::load_transaction(reader, std::string(source->text), *compiled);
    if (!set) return Failure{reader.error()};
    Result<bool> added = builder.add(std::move(set));
    if (!added.ok()) return added;
  }
  return true;
}

}  // namespace

Result<SchemaRegistry> load_schemas(const std::vector<SchemaSource>& sources) {
  std::map<std::string, Folder> folders;  // ordered: the same files load the same way
  for (const SchemaSource& source : sources) {
    Folder& folder = folders[folder_of(source.name)];
    if (base_name(source.name) == "dictionary.json") {
      folder.dictionary = &source;
    } else {
      folder.sets.push_back(&source);
    }
  }
  detail::RegistryBuilder builder;
  for (const auto& [name, files] : folders) {
    Result<bool> loaded = load_folder(name, files, builder);
    if (!loaded.ok()) return Failure{loaded.error()};
  }
  return builder.take();
}

}  // namespace ordex::edi
