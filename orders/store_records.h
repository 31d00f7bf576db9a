#pragma once
// What the store keeps beyond the domain model (orders/model.h): the files, interchanges,
// documents and findings an import records, and the shapes its reads return.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "orders/model.h"

namespace ordex::orders {

enum class Engine : std::uint8_t { kSqlite, kPostgres };

// interchange_seen(): has this sender already sent this control number, and with what bytes?
enum class InterchangeState : std::uint8_t {
  kNew,        // never seen: import it
  kSame,       // seen with the same content hash: skip it, nothing changes
  kDifferent,  // seen with other content: EDI_DUPLICATE, do not import
};

enum class DocumentStatus : std::uint8_t { kAccepted, kAcceptedWithErrors, kRejected };

enum class OrderStatus : std::uint8_t { kOpen, kCancelled };

// record_file(): the file's id, and whether a file with that SHA-256 was already recorded.
struct FileRecord {
  std::int64_t id = 0;
  bool existed = false;
};

struct InterchangeRecord {
  std::int64_t file_id = 0;
  std::string standard;  // "X12" or "EDIFACT"
  std::string sender_qualifier, sender_id;
  std::string receiver_qualifier, receiver_id;
  std::string control_number;  // ISA13 / UNB 0020
  std::string content_hash;    // hex SHA-256 of the interchange's bytes
  Instant received_at = 0;
};

// One transaction set or message and its validation verdict.
struct DocumentRecord {
  SourceRef source;        // file, interchange (id and control), group, transaction, set id
  std::string partner_id;  // the trading partner, when known
  std::string po_number;   // the order the document is about, when it names one
  DocumentStatus status = DocumentStatus::kAccepted;
  std::int64_t findings = 0;
};

struct FindingRecord {
  std::int64_t file_id = 0;
  std::string interchange, group, transaction;  // control numbers; empty outside them
  std::string set_id;
  std::string segment;  // tag of the segment at fault
  std::int64_t segment_position = 0;
  std::int64_t element = 0;
  std::int64_t component = 0;
  std::int64_t offset = 0;  // byte offset in the file
  std::string code;         // "AK4:7", "TA1:022", "CONTRL:12", ...
  std::string severity;     // "error" or "warning"
  std::string message;
};

// An order as stored, with the store's id and what it has accumulated.
struct StoredOrder {
  std::int64_t id = 0;
  Order order;  // header, lines (in document order) and the source of its latest version
  OrderStatus status = OrderStatus::kOpen;
  std::int64_t originals = 0;  // times it arrived with purpose original (2+: PO_DUPLICATE)
};

// Everything known about one order, for `ordex orders show`. Lists are in received order.
struct OrderDetail {
  StoredOrder order;
  std::vector<OrderAcknowledgment> acks;
  std::vector<Shipment> shipments;    // ship notices naming the order (all their items)
  std::vector<ShipmentEvent> events;  // by PO, or by the bill of lading / id of a shipment
  std::vector<Invoice> invoices;
  std::vector<DocumentRecord> documents;  // documents recorded with this partner and PO
};

// One line of `ordex orders list`.
struct OrderSummary {
  std::int64_t id = 0;
  std::string partner_id, po_number;
  std::string order_date, ship_by, due;
  OrderPurpose purpose = OrderPurpose::kOriginal;
  OrderStatus status = OrderStatus::kOpen;
  std::int64_t originals = 0;
  Decimal ordered_qty;                  // sum of the order lines
  Decimal shipped_qty;                  // sum of ship-notice items for this partner and PO
  std::optional<Instant> delivered_at;  // first D1 event for the order, if any
};

// Filters for list_orders(); empty strings match everything.
struct OrderQuery {
  std::string partner_id;
  std::optional<OrderStatus> status;
  std::string due_before;  // ISO day: only orders with a due day before it
  std::int64_t limit = 0;  // 0 = every match
  std::int64_t offset = 0;
};

// An outbound group and the status of the latest functional acknowledgment for it.
struct OutboundGroupStatus {
  OutboundGroup group;
  std::string ack_status;  // AK901 of the latest 997/999, empty when none arrived
};

// Names as stored, and back. from_* return nullopt for a name the store never writes.
const char* to_string(OrderPurpose purpose);
const char* to_string(OrderStatus status);
const char* to_string(DocumentStatus status);
const char* to_string(FileDisposition disposition);
const char* to_string(PartnerRole role);
std::optional<OrderPurpose> purpose_from(const std::string& name);
std::optional<OrderStatus> order_status_from(const std::string& name);
std::optional<DocumentStatus> document_status_from(const std::string& name);
std::optional<FileDisposition> disposition_from(const std::string& name);
std::optional<PartnerRole> role_from(const std::string& name);

}  // namespace ordex::orders
