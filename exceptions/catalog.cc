#include "exceptions/catalog.h"

namespace ordex::exceptions {

namespace {

// Default queues: EDI support fixes data and envelopes, the order desk owns what the
// customer ordered and was told, logistics owns what the carrier and warehouse did.
constexpr std::string_view kEdi = "edi-support";
constexpr std::string_view kDesk = "order-desk";
constexpr std::string_view kLogistics = "logistics";

using enum ExceptionType;
using enum Severity;
using enum Trigger;

constexpr std::array<CatalogEntry, kExceptionTypeCount> kCatalog{{
    {kEdiRejected, "EDI_REJECTED", "EDI document rejected", kHigh, kEdi, kDocument},
    {kEdiDuplicate, "EDI_DUPLICATE", "Interchange resent with different content", kMedium, kEdi,
     kDocument},
    {kPoDuplicate, "PO_DUPLICATE", "Purchase order received twice", kHigh, kDesk, kDocument},
    {kPoUnknownItem, "PO_UNKNOWN_ITEM", "Order line names an unknown item", kHigh, kDesk,
     kDocument},
    {kPoPriceMismatch, "PO_PRICE_MISMATCH", "Order price differs from the price list", kMedium,
     kDesk, kDocument},
    {kPoUnknownShipTo, "PO_UNKNOWN_SHIP_TO", "Unknown ship-to location", kMedium, kDesk, kDocument},
    {kPoInvalidDates, "PO_INVALID_DATES", "Order dates are impossible", kMedium, kDesk, kDocument},
    {kAckRejected, "ACK_REJECTED", "Acknowledgment rejects, backorders or reschedules", kHigh,
     kDesk, kDocument},
    {kAsnQtyMismatch, "ASN_QTY_MISMATCH", "Shipped quantity differs from ordered", kMedium,
     kLogistics, kDocument},
    {kAsnUnknownPo, "ASN_UNKNOWN_PO", "Ship notice for an unknown order", kHigh, kLogistics,
     kDocument},
    {kAsnMissing, "ASN_MISSING", "Ship notice missing", kHigh, kLogistics, kClock},
    {kAsnLate, "ASN_LATE", "Ship notice arrived late", kLow, kLogistics, kDocument},
    {kInvoiceMismatch, "INVOICE_MISMATCH", "Invoice does not match order or shipment", kMedium,
     kDesk, kDocument},
    {kDeliveryLate, "DELIVERY_LATE", "Delivered after the due date", kMedium, kLogistics,
     kDocument},
    {kDeliveryAtRisk, "DELIVERY_AT_RISK", "Delivery at risk of missing its due date", kHigh,
     kLogistics, kClock},
    {kDeliveryOverdue, "DELIVERY_OVERDUE", "Due date passed without delivery", kCritical,
     kLogistics, kClock},
    {kCarrierException, "CARRIER_EXCEPTION", "Carrier reported a problem", kHigh, kLogistics,
     kDocument},
    {kFaMissing, "FA_MISSING", "No functional acknowledgment received", kMedium, kEdi, kClock},
    {kFaRejected, "FA_REJECTED", "Partner rejected our document", kHigh, kEdi, kDocument},
}};

}  // namespace

const std::array<CatalogEntry, kExceptionTypeCount>& catalog() { return kCatalog; }

const CatalogEntry& entry(ExceptionType type) { return kCatalog[static_cast<std::size_t>(type)]; }

std::string_view to_string(ExceptionType type) { return entry(type).name; }

std::optional<ExceptionType> exception_type_from(std::string_view name) {
  for (const CatalogEntry& e : kCatalog) {
    if (e.name == name) return e.type;
  }
  return std::nullopt;
}

std::string_view to_string(Severity severity) {
  switch (severity) {
    case kCritical:
      return "critical";
    case kHigh:
      return "high";
    case kMedium:
      return "medium";
    case kLow:
      return "low";
  }
  return "medium";
}

std::optional<Severity> severity_from(std::string_view name) {
  for (Severity s : {kCritical, kHigh, kMedium, kLow}) {
    if (to_string(s) == name) return s;
  }
  return std::nullopt;
}

Severity raised(Severity severity) {
  return severity == kCritical ? kCritical
                               : static_cast<Severity>(static_cast<std::uint8_t>(severity) - 1);
}

}  // namespace ordex::exceptions
