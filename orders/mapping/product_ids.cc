#include "orders/mapping/product_ids.h"

#include <array>

namespace ordex::orders::detail {
namespace {

struct Qualifier {
  std::string_view code;
  ProductIdKind kind;
};

constexpr std::array<Qualifier, 8> kX12 = {{
    {"VN", ProductIdKind::kSku},
    {"VP", ProductIdKind::kSku},
    {"UP", ProductIdKind::kUpc},
    {"UK", ProductIdKind::kUpc},
    {"EN", ProductIdKind::kUpc},
    {"UA", ProductIdKind::kUpc},
    {"BP", ProductIdKind::kBuyerPart},
    {"IN", ProductIdKind::kBuyerPart},
}};

constexpr std::array<Qualifier, 8> kEdifact = {{
    {"SA", ProductIdKind::kSku},
    {"VN", ProductIdKind::kSku},
    {"VP", ProductIdKind::kSku},
    {"EN", ProductIdKind::kUpc},
    {"UP", ProductIdKind::kUpc},
    {"SRV", ProductIdKind::kUpc},
    {"IN", ProductIdKind::kBuyerPart},
    {"BP", ProductIdKind::kBuyerPart},
}};

template <std::size_t N>
ProductIdKind find(const std::array<Qualifier, N>& table, std::string_view code) {
  for (const Qualifier& q : table) {
    if (q.code == code) return q.kind;
  }
  return ProductIdKind::kUnknown;
}

std::string* target(const ProductIds& ids, ProductIdKind kind) {
  switch (kind) {
    case ProductIdKind::kSku:
      return ids.sku;
    case ProductIdKind::kUpc:
      return ids.upc;
    case ProductIdKind::kBuyerPart:
      return ids.buyer_part;
    case ProductIdKind::kUnknown:
      break;
  }
  return nullptr;
}

void unknown(const Fields& f, std::size_t e, std::size_t c, std::string_view qualifier) {
  f.issue(IssueCode::kUnknownQualifier, IssueSeverity::kWarning, e, c,
          "product id qualifier '" + std::string(qualifier) +
              "' is not one ordex maps (UPC, vendor or buyer item number); id ignored");
}

}  // namespace

ProductIdKind x12_product_id_kind(std::string_view qualifier) { return find(kX12, qualifier); }

ProductIdKind edifact_item_type_kind(std::string_view code) { return find(kEdifact, code); }

void read_x12_product_ids(const Fields& f, std::size_t first, std::size_t last, ProductIds ids) {
  for (std::size_t q = first; q <= last; q += 2) {
    const std::string_view qualifier = f.at(q);
    if (qualifier.empty() || f.at(q + 1).empty()) continue;
    const ProductIdKind kind = x12_product_id_kind(qualifier);
    if (kind == ProductIdKind::kUnknown) {
      unknown(f, q, 0, qualifier);
      continue;
    }
    std::string* out = target(ids, kind);
    if (out != nullptr && out->empty()) f.text(q + 1, *out);
  }
}

void read_edifact_item_id(const Fields& f, std::size_t e, ProductIds ids) {
  const std::string_view id = f.at(e, 1);
  const std::string_view type = f.at(e, 2);
  if (id.empty()) return;
  const ProductIdKind kind = edifact_item_type_kind(type);
  if (kind == ProductIdKind::kUnknown) {
    unknown(f, e, 2, type);
    return;
  }
  std::string* out = target(ids, kind);
  if (out != nullptr && out->empty()) f.text(e, 1, *out);
}

}  // namespace ordex::orders::detail
