#pragma once
// The order picture ordex builds from documents: partners and their catalogs, orders and
// what happened to them (acknowledgments, ship notices, carrier events, invoices), and the
// files and interchanges everything came from.
//
// Plain values. Amounts and quantities are Decimal (fixed point, 4 places) so a price list
// comparison is exact; instants are UTC seconds; calendar days are ISO "YYYY-MM-DD" strings in
// the partner's own time zone (a due *day* is a day where the partner is, not an instant).

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ordex::orders {

// Fixed point with 4 decimal places: 12.5 is {125000}.
struct Decimal {
  std::int64_t e4 = 0;
  friend auto operator<=>(const Decimal&, const Decimal&) = default;
};

// Seconds since 1970-01-01T00:00:00Z.
using Instant = std::int64_t;

enum class PartnerRole : std::uint8_t { kCustomer, kCarrier, kWarehouse };

struct TradingPartner {
  std::string partner_id;  // our key, e.g. NORTHWIND
  std::string name;
  PartnerRole role = PartnerRole::kCustomer;
  std::string qualifier;   // ISA05/ISA07 or UNB 0007
  std::string edi_id;      // ISA06/ISA08 or UNB 0004
  std::string timezone;    // IANA, e.g. America/Chicago
  bool registered = true;  // false: created from an interchange id, not from partners.csv
};

struct Item {
  std::string partner_id;
  std::string sku;  // our item number (what the buyer sends as PO1 VN)
  std::string upc;
  std::string description;
  std::string uom;
  Decimal unit_price;  // the partner's list price
};

struct Location {
  std::string partner_id;
  std::string location_code;  // N104 with N103 = 92, or NAD party id
  std::string name, address, city, state, postal_code, country;
};

// Where a document came from, so every record can be traced to its bytes.
struct SourceRef {
  std::int64_t file_id = 0;         // InboundFile id
  std::int64_t interchange_id = 0;  // Store id from record_interchange; 0 for non-EDI feeds
  std::string interchange;          // ISA13 / UNB 0020
  std::string group;                // GS06
  std::string transaction;          // ST02 / UNH 0062
  std::string set_id;               // 850, ORDERS, ...
  Instant received_at = 0;          // GS04/GS05 (UNB date/time for EDIFACT)
};

enum class OrderPurpose : std::uint8_t { kOriginal, kCancel, kReplace, kChange };

struct OrderLine {
  std::string line_number;  // PO101 / LIN 1082
  Decimal quantity;
  std::string uom;
  Decimal unit_price;
  std::string sku;         // VN
  std::string upc;         // UP / EN
  std::string buyer_part;  // BP / IN
};

struct Order {
  std::string partner_id;
  std::string po_number;  // BEG03 / BGM 1004
  OrderPurpose purpose = OrderPurpose::kOriginal;
  std::string order_date;         // BEG05
  std::string ship_by;            // DTM*010
  std::string due;                // DTM*002 must arrive by
  std::string ship_to;            // N1*ST N104
  std::string ship_to_qualifier;  // N103 (92 buyer-assigned, UL GLN, ...) / NAD 3055
  std::string ship_to_name;       // N102 / NAD C080
  std::string depositor_order;    // 940 W0502: the warehouse order number ordex gave
  std::vector<OrderLine> lines;
  SourceRef source;
};

struct AckLine {
  std::string line_number;
  std::string status;  // ACK01: IA, IR, IB, ...
  Decimal quantity;
  std::string scheduled_ship;  // ACK04/05 with qualifier 068
  std::string uom;             // ACK03
  std::string sku, upc;        // product ids of the PO1 / LIN the line answers
};

struct OrderAcknowledgment {
  std::string partner_id;
  std::string po_number;   // BAK03
  std::string ack_type;    // BAK02: AC, AD, AE, AK, RD, RJ
  std::string ack_date;    // BAK09 / DTM+137
  std::string purpose;     // BAK01 / BGM 1225, as sent
  std::string order_date;  // BAK04 / DTM+171
  std::vector<AckLine> lines;
  SourceRef source;
};

struct ShipmentItem {
  std::string po_number;  // PRF01 of the enclosing order level
  std::string sku, upc;
  std::string buyer_part;  // LIN BP / IN
  Decimal quantity;
  std::string uom;
};

struct Shipment {
  std::string partner_id;   // the customer the goods go to
  std::string shipment_id;  // BSN02
  std::vector<std::string> po_numbers;
  std::optional<Instant> shipped_at;  // DTM*011
  std::string estimated_delivery;     // DTM*017 day
  std::string bill_of_lading;         // REF*BM
  std::string carrier_scac;           // TD503
  std::string depositor_order;        // 945 W0602
  std::vector<ShipmentItem> items;
  SourceRef source;
};

// A carrier status: from a 214, IFTSTA, or an XML/CSV tracking feed.
struct ShipmentEvent {
  std::string carrier_id;  // partner id of the carrier
  std::string po_number;   // L11*PO, or resolved through the shipment
  std::string bill_of_lading;
  std::string shipment_id;
  std::string carrier_reference;    // B1001 / RFF+CN: the carrier's own number (PRO)
  std::string carrier_scac;         // B1003 / the feed's carrier attribute
  std::string status;               // AT701: D1, AG, X2, A7, A9, AH, AP, SD, CA, ...
  std::string reason;               // AT702
  std::string appointment;          // AT703: AB delivery appointment (then status is empty)
  std::string appointment_reason;   // AT704
  Instant at = 0;                   // when it happened
  std::optional<Instant> estimate;  // estimated delivery, for AG/X2
  std::string city, state, country;
  SourceRef source;
};

struct InvoiceLine {
  std::string line_number;
  Decimal quantity;
  std::string uom;
  Decimal unit_price;
  std::string sku, upc;
  std::string buyer_part;
};

struct Invoice {
  std::string partner_id;
  std::string invoice_number;  // BIG02
  std::string po_number;       // BIG04
  std::string invoice_date;    // BIG01
  std::vector<InvoiceLine> lines;
  Decimal total;  // TDS01 (implied 2 decimals in X12)
  SourceRef source;
};

// A 997/999/CONTRL received for a group we sent.
struct FunctionalAck {
  std::string partner_id;
  std::string group_control;                              // AK102
  std::string functional_id;                              // AK101
  std::string status;                                     // AK901: A, E, P, R
  std::vector<std::pair<std::string, std::string>> sets;  // (AK202, AK501)
  std::string interchange_control;  // CONTRL UCI 0020 (EDIFACT acknowledges interchanges)
  SourceRef source;
};

// An outbound group we sent, awaiting its functional acknowledgment.
struct OutboundGroup {
  std::string partner_id;
  std::string group_control;
  std::string functional_id;
  Instant sent_at = 0;
  SourceRef source;
};

// Functional ids of the acknowledgments ordex writes and records as outbound groups: X12 997/999
// groups are GS01 "FA"; a TA1 and a CONTRL have no group of their own and are recorded under
// these names with our interchange control number as the group control.
inline constexpr const char* kAckFunctionalId = "FA";
inline constexpr const char* kTa1FunctionalId = "TA1";
inline constexpr const char* kContrlFunctionalId = "CONTRL";

// False for an acknowledgment: acknowledgments are never acknowledged, so no 997/999/CONTRL is
// awaited for it (FA_MISSING must not be raised for these groups).
inline bool awaits_functional_ack(const OutboundGroup& group) {
  return group.functional_id != kAckFunctionalId && group.functional_id != kTa1FunctionalId &&
         group.functional_id != kContrlFunctionalId;
}

// kImporting: recorded when an import starts and replaced in the import's last transaction, so
// a file left kImporting was interrupted (a crash) and is resumed by the next run.
enum class FileDisposition : std::uint8_t { kArchived, kQuarantined, kDuplicate, kImporting };

struct InboundFile {
  std::int64_t id = 0;
  std::string path;
  std::string sha256;
  std::int64_t bytes = 0;
  FileDisposition disposition = FileDisposition::kArchived;
  std::string reason;  // why it was quarantined
  Instant imported_at = 0;
};

}  // namespace ordex::orders
