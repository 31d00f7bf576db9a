#pragma once
// Test helpers for orders/mapping: a sink that records what it is given, builders for X12 and
// EDIFACT interchanges, and a run of the real pipeline (walker -> Validator -> EdiMapper).

#include <string>
#include <string_view>
#include <vector>

#include "edi/finding.h"
#include "orders/mapping/document_sink.h"

namespace ordex::orders::testing {

// What a delivery's context said, copied (the context itself lives only during the call).
struct Where {
  std::string kind;  // "order", "ack", "shipment", "event", "invoice", "fa", ...
  std::string file, set_id, sender, receiver, interchange, group, transaction;
  edi::Verdict verdict = edi::Verdict::kAccepted;
};

struct IssueRecord {
  MappingIssue issue;
  Where where;
  // "MAP_BAD_DATE DTM@3 e2" / "FEED_INVALID line 12": code, segment@position and element.
  std::string brief() const;
};

class RecordingSink : public DocumentSink {
 public:
  TimeZone zone;
  std::vector<Order> orders, warehouse_orders;
  std::vector<OrderAcknowledgment> acks;
  std::vector<Shipment> shipments;
  std::vector<ShipmentEvent> events;
  std::vector<Invoice> invoices;
  std::vector<FunctionalAck> functional_acks;
  std::vector<OutboundGroup> groups;
  std::vector<IssueRecord> issues;
  std::vector<Where> deliveries;  // every document and group, in order

  TimeZone local_zone(const DocumentContext&) override { return zone; }
  void order(const DocumentContext& c, Order& o) override;
  void acknowledgment(const DocumentContext& c, OrderAcknowledgment& a) override;
  void shipment(const DocumentContext& c, Shipment& s) override;
  void shipment_event(const DocumentContext& c, ShipmentEvent& e) override;
  void invoice(const DocumentContext& c, Invoice& i) override;
  void functional_ack(const DocumentContext& c, FunctionalAck& f) override;
  void warehouse_order(const DocumentContext& c, Order& o) override;
  void outbound_group(const DocumentContext& c, OutboundGroup& g) override;
  void issue(const DocumentContext& c, const MappingIssue& i) override;

  std::vector<std::string> issue_briefs() const;
};

struct MapRun {
  RecordingSink sink;
  std::vector<edi::Finding> findings;  // the validator's and walker's
  std::vector<std::string> finding_codes() const;
};

// Runs `bytes` through walk_envelopes -> Validator (embedded schemas) -> EdiMapper -> sink.
MapRun map_edi(std::string_view bytes, TimeZone zone = {}, std::string_view file = "test.edi");

struct X12Options {
  std::string version = "004010";  // GS08; ISA12 follows (00401 / 00501 with '^' repetition)
  std::string functional_id = "PO";
  std::string sender = "NORTHWIND";
  std::string receiver = "ACMESUPPLY";
  std::string date = "20261116";  // GS04
  std::string time = "0815";      // GS05
  std::string control = "000000101";
};

// One interchange with one group holding `sets` of `set_id`: each set is its body segments
// without ST and SE (and without terminators); ST02 and SE01 are filled in.
std::string x12_interchange(const X12Options& options, std::string_view set_id,
                            const std::vector<std::vector<std::string>>& sets);

struct EdifactOptions {
  std::string version = "D96A";  // UNH S009 0052+0054
  std::string sender = "5412345000013";
  std::string receiver = "5400000000003";
  std::string date = "261116";  // UNB S004 (syntax 3: YYMMDD)
  std::string time = "0815";
  std::string control = "1001";
  std::string association;  // UNH S009 0057 (e.g. EAN008); empty for none
};

// One interchange (UNA, UNB, no UNG) holding `messages` of `type`, each its body segments
// without UNH and UNT.
std::string edifact_interchange(const EdifactOptions& options, std::string_view type,
                                const std::vector<std::vector<std::string>>& messages);

// UTC seconds of a wall-clock time in a named zone, for expectations.
Instant at(std::string_view zone, int y, int mo, int d, int h, int mi, int s = 0);

}  // namespace ordex::orders::testing
