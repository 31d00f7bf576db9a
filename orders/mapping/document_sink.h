#pragma once
// Where mapped documents go: the interface between the mappers (EDI, XML and CSV feeds) and
// whoever stores them.
//
// A mapper hands over one finished document at a time, with the DocumentContext that says
// where it came from. Documents are passed by non-const reference: the sink may fill in what
// only it knows (partner_id, source.file_id), copy the parts it keeps or move from it. The
// mapper reuses the object for the next document, so nothing handed over stays valid after
// the call returns.
//
// For each EDI transaction the order of calls is: local_zone() once when the transaction
// begins, then at its end every issue() found in it, then its document(s) (none when the
// transaction could not be mapped). Rejected transactions are still described: the context
// says rejected(), and the caller raises EDI_REJECTED instead of importing them as data.

#include <cstdint>
#include <string>
#include <string_view>

#include "edi/envelope.h"
#include "orders/model.h"
#include "orders/time_zone.h"

namespace ordex::orders {

enum class SourceFormat : std::uint8_t { kX12, kEdifact, kXmlFeed, kCsvFeed };

// Where a document came from. Views and pointers are valid only during the sink call.
struct DocumentContext {
  SourceFormat format = SourceFormat::kX12;
  std::string_view file;  // the name given to begin_file / the feed reader
  // EDI only (null for feeds): the envelopes the document sits in. `group` is the implicit
  // group (GroupHeader::implicit) for EDIFACT messages without UNG.
  const edi::InterchangeHeader* interchange = nullptr;
  const edi::GroupHeader* group = nullptr;
  const edi::TransactionHeader* transaction = nullptr;
  // The transaction's verdict and finding counts (validator + VerdictTracker upstream); the
  // group's in outbound_group(). In local_zone() the transaction has not ended yet and these
  // are still kAccepted / 0.
  edi::Verdict verdict = edi::Verdict::kAccepted;
  std::uint32_t errors = 0;
  std::uint32_t warnings = 0;
  // Feeds only: the carrier the feed is from and when it was generated, as written.
  std::string_view feed_carrier;
  std::string_view feed_generated;

  bool rejected() const { return verdict == edi::Verdict::kRejected; }
  // The envelope date and time a document counts as received at, raw: X12 GS04/GS05 (ISA09/10
  // outside a group), EDIFACT UNB S004 0017/0019 (DESIGN.md "Received at"); empty for feeds.
  std::string_view received_date() const;
  std::string_view received_time() const;
  std::string_view set_id() const {
    return transaction ? std::string_view(transaction->set_id) : std::string_view();
  }
};

// The instant a document was received: its functional group's date and time (X12 GS04/GS05)
// or, for EDIFACT, the interchange's (UNB S004), read in `zone` (the partner's). For feeds,
// the feed's generated attribute (which carries its own offset; `zone` is not used).
// Failure when the envelope's date or time is malformed.
edi::Result<Instant> received_at(const DocumentContext& context, const TimeZone& zone);

enum class IssueCode : std::uint8_t {
  kMissingKey,           // no PO / invoice / shipment number: the document cannot be keyed
  kNoLines,              // an order, invoice or ship notice without line items
  kNoOrderReference,     // a ship notice (or an item of one) that names no purchase order
  kNoShipmentReference,  // a carrier status naming no PO, bill of lading or shipment
  kBadDate,              // a date, time or date-time that is not one
  kBadQuantity,          // a quantity that is not a number
  kBadAmount,            // a price or monetary amount that is not a number
  kUnknownQualifier,     // a product id / reference / date qualifier ordex does not use
  kUnknownCode,          // a purpose, status or action code with no mapping
  kUnknownTimeZone,      // a time code or zone that names no known zone
  kStructure,            // segments out of the order the mapping needs (SN1 before LIN, ...)
  kUnsupportedSet,       // a transaction set / message type ordex does not map
  kFeedInvalid,          // a feed that is not well-formed or fails its schema (file rejected)
};
std::string_view to_string(IssueCode code);  // "MAP_BAD_DATE", ...

enum class IssueSeverity : std::uint8_t {
  kWarning,  // the document (or event) was still delivered, without the bad value
  kError,    // the document (or event) was not delivered
};
std::string_view to_string(IssueSeverity severity);  // "warning" / "error"

// One mapping problem, positioned like a validation finding.
struct MappingIssue {
  IssueCode code = IssueCode::kStructure;
  IssueSeverity severity = IssueSeverity::kWarning;
  std::string segment;                 // tag of the segment at fault; empty when n/a
  std::uint32_t segment_position = 0;  // from ST/UNH as 1 (X12 AK302 convention)
  std::uint32_t element = 0;           // 1-based; 0 when the whole segment / document
  std::uint32_t component = 0;         // 1-based; 0 when n/a
  std::uint64_t offset = 0;            // byte offset of the segment in the file
  std::uint32_t line = 0;              // feeds: 1-based line (and column when known)
  std::uint32_t column = 0;
  std::string value;   // the offending value, at most 99 bytes
  std::string reason;  // a sentence for a person
};

class DocumentSink {
 public:
  virtual ~DocumentSink() = default;

  // The zone in which this transaction's times without a zone of their own are read (X12
  // time code LT or none, EDIFACT DTM times), and its received_at: normally the partner's
  // timezone from partners.csv. Default UTC.
  virtual TimeZone local_zone(const DocumentContext& /*context*/) { return TimeZone::utc(); }

  virtual void order(const DocumentContext&, Order&) {}                         // 850, ORDERS
  virtual void acknowledgment(const DocumentContext&, OrderAcknowledgment&) {}  // 855, ORDRSP
  virtual void shipment(const DocumentContext&, Shipment&) {}                   // 856, DESADV, 945
  virtual void shipment_event(const DocumentContext&, ShipmentEvent&) {}  // 214, IFTSTA, feeds
  virtual void invoice(const DocumentContext&, Invoice&) {}               // 810, INVOIC
  virtual void functional_ack(const DocumentContext&, FunctionalAck&) {}  // 997, 999, CONTRL
  // A 940: the shipping order ordex (the depositor) sent its warehouse, as an Order
  // (see MAPPING.md). Not a customer order: never a PO_DUPLICATE.
  virtual void warehouse_order(const DocumentContext&, Order&) {}
  // Every functional group that is not itself acknowledgments (X12 GS..GE; EDIFACT UNG..UNE,
  // or the interchange when it has no UNG, as CONTRL then acknowledges that), at its end. The
  // caller keeps the groups it sent (sender is us) to match 997/999/CONTRL against (FA_MISSING).
  // `context.transaction` is null; sent_at is the group's date-time in local_zone(context), which
  // is asked again for the group (recompute with received_at() for another zone).
  virtual void outbound_group(const DocumentContext&, OutboundGroup&) {}
  virtual void issue(const DocumentContext&, const MappingIssue&) {}
};

}  // namespace ordex::orders
