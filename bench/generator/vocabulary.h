#pragma once
// The words generated documents are made of. No entry contains an X12 separator (* ~ > ^);
// the few with EDIFACT separators (' + : ?) are there on purpose, to exercise release
// characters, and are kept rare by the callers.

#include <span>
#include <string_view>

namespace ordex::bench::vocabulary {

struct City {
  std::string_view name;
  std::string_view state;
  std::string_view zip_prefix;  // first three digits of the ZIP code
  std::string_view time_zone;   // X12 623
};

struct Carrier {
  std::string_view scac;
  std::string_view name;
};

std::span<const City> cities();
std::span<const std::string_view> streets();
std::span<const std::string_view> company_words();
std::span<const std::string_view> company_suffixes();
std::span<const std::string_view> item_adjectives();
std::span<const std::string_view> item_materials();
std::span<const std::string_view> item_nouns();
// Descriptions with ' + : ? in them.
std::span<const std::string_view> tricky_descriptions();
// Order and status remarks; most contain an EDIFACT separator.
std::span<const std::string_view> remarks();
std::span<const Carrier> carriers();

}  // namespace ordex::bench::vocabulary
