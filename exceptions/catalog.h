#pragma once
// The exception catalog (DESIGN.md "Exception types"): every kind of problem ordex raises,
// with the name scripts and reports use, who works it by default and how urgent it is.
// Names are a contract: extend the catalog, never rename an entry.

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace ordex::exceptions {

enum class ExceptionType : std::uint8_t {
  kEdiRejected,
  kEdiDuplicate,
  kPoDuplicate,
  kPoUnknownItem,
  kPoPriceMismatch,
  kPoUnknownShipTo,
  kPoInvalidDates,
  kAckRejected,
  kAsnQtyMismatch,
  kAsnUnknownPo,
  kAsnMissing,
  kAsnLate,
  kInvoiceMismatch,
  kDeliveryLate,
  kDeliveryAtRisk,
  kDeliveryOverdue,
  kCarrierException,
  kFaMissing,
  kFaRejected,
};
inline constexpr std::size_t kExceptionTypeCount = 19;

enum class Severity : std::uint8_t { kCritical, kHigh, kMedium, kLow };

// How a rule finds its condition: on the documents of an import, or by the clock (a sweep
// re-evaluates these as time passes even when nothing arrives).
enum class Trigger : std::uint8_t { kDocument, kClock };

struct CatalogEntry {
  ExceptionType type;
  std::string_view name;   // "ASN_MISSING"
  std::string_view title;  // "Ship notice missing", for people
  Severity severity;       // before partner tier and configuration adjust it
  std::string_view queue;  // the work queue it lands in unless routing says otherwise
  Trigger trigger;
};

const std::array<CatalogEntry, kExceptionTypeCount>& catalog();
const CatalogEntry& entry(ExceptionType type);
std::string_view to_string(ExceptionType type);
std::optional<ExceptionType> exception_type_from(std::string_view name);

std::string_view to_string(Severity severity);  // "critical", "high", "medium", "low"
std::optional<Severity> severity_from(std::string_view name);
// One step more urgent (critical stays critical), for a partner tier that raises severity.
Severity raised(Severity severity);

}  // namespace ordex::exceptions
