#pragma once
// The five business documents the generator writes and what each standard calls them.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace ordex::bench {

enum class Standard : std::uint8_t { kX12, kEdifact };

// Declared in the order of a purchase's life; the value indexes GeneratorOptions::mix.
enum class DocKind : std::uint8_t { kOrder, kOrderAck, kShipNotice, kInvoice, kCarrierStatus };

inline constexpr std::size_t kDocKindCount = 5;
inline constexpr std::array<DocKind, kDocKindCount> kAllDocKinds = {
    DocKind::kOrder, DocKind::kOrderAck, DocKind::kShipNotice, DocKind::kInvoice,
    DocKind::kCarrierStatus};

constexpr std::size_t index_of(DocKind kind) { return static_cast<std::size_t>(kind); }

constexpr std::string_view x12_set_id(DocKind kind) {
  constexpr std::array<std::string_view, kDocKindCount> kIds = {"850", "855", "856", "810", "214"};
  return kIds[index_of(kind)];
}

// GS01: the functional group a transaction set travels in.
constexpr std::string_view x12_functional_id(DocKind kind) {
  constexpr std::array<std::string_view, kDocKindCount> kIds = {"PO", "PR", "SH", "IN", "QM"};
  return kIds[index_of(kind)];
}

constexpr std::string_view edifact_message_type(DocKind kind) {
  constexpr std::array<std::string_view, kDocKindCount> kTypes = {"ORDERS", "ORDRSP", "DESADV",
                                                                  "INVOIC", "IFTSTA"};
  return kTypes[index_of(kind)];
}

constexpr std::string_view set_name(DocKind kind, Standard standard) {
  return standard == Standard::kX12 ? x12_set_id(kind) : edifact_message_type(kind);
}

// Accepts either standard's name ("856" or "DESADV"), so one --mix works for both.
constexpr std::optional<DocKind> parse_doc_kind(std::string_view name) {
  for (DocKind kind : kAllDocKinds) {
    if (name == x12_set_id(kind) || name == edifact_message_type(kind)) return kind;
  }
  return std::nullopt;
}

}  // namespace ordex::bench
