#include "orders/mapping/document_sink.h"

namespace ordex::orders {

namespace {

// X12 reads the functional group's GS04/GS05; EDIFACT the interchange's UNB date and time
// (a UNG's date/time is optional and often absent).
bool use_group(const DocumentContext& c) {
  return c.format == SourceFormat::kX12 && c.group != nullptr;
}

}  // namespace

std::string_view DocumentContext::received_date() const {
  if (interchange == nullptr) return {};
  return use_group(*this) ? group->date : interchange->date;
}

std::string_view DocumentContext::received_time() const {
  if (interchange == nullptr) return {};
  return use_group(*this) ? group->time : interchange->time;
}

edi::Result<Instant> received_at(const DocumentContext& context, const TimeZone& zone) {
  if (context.format == SourceFormat::kXmlFeed || context.format == SourceFormat::kCsvFeed) {
    return parse_iso8601_instant(context.feed_generated);
  }
  if (context.interchange == nullptr) return edi::Failure{"no interchange"};
  edi::Result<Instant> at =
      local_to_instant(context.received_date(), context.received_time(), zone);
  if (!at.ok()) return edi::Failure{"envelope date/time: " + at.error()};
  return at;
}

std::string_view to_string(IssueCode code) {
  switch (code) {
    case IssueCode::kMissingKey:
      return "MAP_MISSING_KEY";
    case IssueCode::kNoLines:
      return "MAP_NO_LINES";
    case IssueCode::kNoOrderReference:
      return "MAP_NO_ORDER_REFERENCE";
    case IssueCode::kNoShipmentReference:
      return "MAP_NO_SHIPMENT_REFERENCE";
    case IssueCode::kBadDate:
      return "MAP_BAD_DATE";
    case IssueCode::kBadQuantity:
      return "MAP_BAD_QUANTITY";
    case IssueCode::kBadAmount:
      return "MAP_BAD_AMOUNT";
    case IssueCode::kUnknownQualifier:
      return "MAP_UNKNOWN_QUALIFIER";
    case IssueCode::kUnknownCode:
      return "MAP_UNKNOWN_CODE";
    case IssueCode::kUnknownTimeZone:
      return "MAP_UNKNOWN_TIME_ZONE";
    case IssueCode::kStructure:
      return "MAP_STRUCTURE";
    case IssueCode::kUnsupportedSet:
      return "MAP_UNSUPPORTED_SET";
    case IssueCode::kFeedInvalid:
      return "FEED_INVALID";
  }
  return "MAP_?";
}

std::string_view to_string(IssueSeverity severity) {
  return severity == IssueSeverity::kError ? "error" : "warning";
}

}  // namespace ordex::orders
