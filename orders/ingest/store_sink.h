#pragma once
// The DocumentSink of an EDI import: puts each mapped document into the Store, inside the
// transaction the interchange importer (edi_import.h) opened, with its partner resolved
// (partner_resolver.h) and its source pointing at the stored interchange.
//
// Two modes per group, set by the importer: data (orders, ship notices, ... are written) and
// records only (a rejected transaction, group or interchange: its mapping issues are still
// stored as findings, its documents are not). The importer writes the `documents` row of each
// transaction itself; it reads last_po() and received_at() from here for it.
//
// Store errors do not stop the walk (a handler cannot): the first one is kept in error(), and
// nothing more is written; the importer rolls the interchange back.

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "edi/envelope.h"
#include "orders/ingest/ingest_counts.h"
#include "orders/ingest/partner_resolver.h"
#include "orders/mapping/document_sink.h"
#include "orders/status.h"
#include "orders/store.h"

namespace ordex::orders::ingest {

class StoreSink final : public DocumentSink {
 public:
  StoreSink(Store& store, PartnerResolver& partners) : store_(store), partners_(partners) {}

  // Before the interchange's first transaction: where its documents come from.
  void begin_interchange(std::int64_t file_id, std::int64_t interchange_id,
                         const edi::InterchangeHeader& header);
  void set_write_data(bool write) { write_data_ = write; }
  bool write_data() const { return write_data_; }
  // Added to mapping issue offsets when an interchange is read again from its byte range.
  void set_offset_base(std::uint64_t base) { offset_base_ = base; }
  void begin_transaction();

  const std::string& last_po() const { return last_po_; }
  Instant received_at() const { return received_at_; }
  const std::string& partner_id() const { return partner_.partner_id; }
  // Whether a transaction of the current interchange had its partner resolved, and then
  // whether we were its sender.
  bool resolved() const { return resolved_; }
  bool outbound() const { return outbound_; }
  IngestCounts& counts() { return counts_; }
  const IngestCounts& counts() const { return counts_; }
  const Status& error() const { return error_; }
  void record_error(const Status& s) {
    if (error_.ok() && !s.ok()) error_ = s;
  }

  TimeZone local_zone(const DocumentContext& context) override;
  void order(const DocumentContext& c, Order& o) override;
  void acknowledgment(const DocumentContext& c, OrderAcknowledgment& a) override;
  void shipment(const DocumentContext& c, Shipment& s) override;
  void shipment_event(const DocumentContext& c, ShipmentEvent& e) override;
  void invoice(const DocumentContext& c, Invoice& i) override;
  void functional_ack(const DocumentContext& c, FunctionalAck& a) override;
  void warehouse_order(const DocumentContext& c, Order& o) override;
  void outbound_group(const DocumentContext& c, OutboundGroup& g) override;
  void issue(const DocumentContext& c, const MappingIssue& issue) override;

 private:
  // True when the document's data is to be written; notes its PO and receipt either way.
  bool take(const DocumentContext& c, SourceRef& source, const std::string& po);
  void resolve(const DocumentContext& c);
  void warn_unregistered(const DocumentContext& c);
  void write(const Status& s) { record_error(s); }

  Store& store_;
  PartnerResolver& partners_;
  std::int64_t file_id_ = 0;
  std::int64_t interchange_id_ = 0;
  PartyId sender_, receiver_;
  std::string interchange_control_;
  bool write_data_ = true;
  std::uint64_t offset_base_ = 0;
  bool warned_unregistered_ = false;
  TradingPartner partner_;
  bool outbound_ = false;
  bool resolved_ = false;
  TimeZone zone_;
  std::map<std::string, TimeZone> zones_;
  std::string last_po_;
  Instant received_at_ = 0;
  IngestCounts counts_;
  Status error_;
};

// A mapping issue as a stored finding ("MAP_BAD_DATE", ...), positioned in `file_id`.
FindingRecord finding_of(const DocumentContext& c, const MappingIssue& issue, std::int64_t file_id);

}  // namespace ordex::orders::ingest
