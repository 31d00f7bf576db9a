#include "orders/store_records.h"

#include <array>
#include <utility>

namespace ordex::orders {

namespace {

template <typename E, std::size_t N>
const char* name_of(const std::array<std::pair<E, const char*>, N>& names, E value) {
  for (const auto& [v, name] : names) {
    if (v == value) return name;
  }
  return "";
}

template <typename E, std::size_t N>
std::optional<E> value_of(const std::array<std::pair<E, const char*>, N>& names,
                          const std::string& name) {
  for (const auto& [v, n] : names) {
    if (name == n) return v;
  }
  return std::nullopt;
}

constexpr std::array<std::pair<OrderPurpose, const char*>, 4> kPurposes = {{
    {OrderPurpose::kOriginal, "original"},
    {OrderPurpose::kCancel, "cancel"},
    {OrderPurpose::kReplace, "replace"},
    {OrderPurpose::kChange, "change"},
}};
constexpr std::array<std::pair<OrderStatus, const char*>, 2> kOrderStatuses = {{
    {OrderStatus::kOpen, "open"},
    {OrderStatus::kCancelled, "cancelled"},
}};
constexpr std::array<std::pair<DocumentStatus, const char*>, 3> kDocumentStatuses = {{
    {DocumentStatus::kAccepted, "accepted"},
    {DocumentStatus::kAcceptedWithErrors, "accepted_with_errors"},
    {DocumentStatus::kRejected, "rejected"},
}};
constexpr std::array<std::pair<FileDisposition, const char*>, 4> kDispositions = {{
    {FileDisposition::kArchived, "archived"},
    {FileDisposition::kQuarantined, "quarantined"},
    {FileDisposition::kDuplicate, "duplicate"},
    {FileDisposition::kImporting, "importing"},
}};
constexpr std::array<std::pair<PartnerRole, const char*>, 3> kRoles = {{
    {PartnerRole::kCustomer, "customer"},
    {PartnerRole::kCarrier, "carrier"},
    {PartnerRole::kWarehouse, "warehouse"},
}};

}  // namespace

const char* to_string(OrderPurpose purpose) { return name_of(kPurposes, purpose); }
const char* to_string(OrderStatus status) { return name_of(kOrderStatuses, status); }
const char* to_string(DocumentStatus status) { return name_of(kDocumentStatuses, status); }
const char* to_string(FileDisposition disposition) { return name_of(kDispositions, disposition); }
const char* to_string(PartnerRole role) { return name_of(kRoles, role); }

std::optional<OrderPurpose> purpose_from(const std::string& name) {
  return value_of(kPurposes, name);
}
std::optional<OrderStatus> order_status_from(const std::string& name) {
  return value_of(kOrderStatuses, name);
}
std::optional<DocumentStatus> document_status_from(const std::string& name) {
  return value_of(kDocumentStatuses, name);
}
std::optional<FileDisposition> disposition_from(const std::string& name) {
  return value_of(kDispositions, name);
}
std::optional<PartnerRole> role_from(const std::string& name) { return value_of(kRoles, name); }

}  // namespace ordex::orders
