#include "report_fixture.h"

#include <filesystem>
#include <random>

#include "exceptions/exception_store.h"

namespace ordex::reports::testing {

namespace {

using namespace ordex::orders;
using exceptions::ExceptionRecord;
using exceptions::ExceptionStatus;
using exceptions::ExceptionType;
using exceptions::Severity;

constexpr Instant A = kAsOf;

TradingPartner partner(const std::string& id, PartnerRole role, const std::string& tz) {
  TradingPartner p;
  p.partner_id = id;
  p.name = id;
  p.role = role;
  p.timezone = tz;
  return p;
}

SourceRef src(std::int64_t file, std::int64_t interchange, const std::string& set,
              const std::string& transaction, Instant received) {
  SourceRef s;
  s.file_id = file;
  s.interchange_id = interchange;
  s.interchange = std::to_string(interchange);
  s.group = "1";
  s.transaction = transaction;
  s.set_id = set;
  s.received_at = received;
  return s;
}

OrderLine line(const std::string& sku, std::int64_t qty) {
  OrderLine l;
  l.line_number = sku;
  l.quantity = Decimal{qty * 10000};
  l.uom = "EA";
  l.sku = sku;
  return l;
}

ShipmentItem item(const std::string& po, const std::string& sku, std::int64_t qty) {
  ShipmentItem i;
  i.po_number = po;
  i.sku = sku;
  i.quantity = Decimal{qty * 10000};
  i.uom = "EA";
  return i;
}

ExceptionRecord exception(const std::string& key, ExceptionType type, Severity severity,
                          const std::string& partner, const std::string& queue, Instant opened) {
  ExceptionRecord e;
  e.dedupe_key = key;
  e.type = type;
  e.severity = severity;
  e.partner_id = partner;
  e.po_number = "PO-" + key;
  e.queue = queue;
  e.summary = "summary of " + key;
  e.first_opened_at = e.opened_at = e.detected_at = e.updated_at = opened;
  e.sla_policy = "test";
  return e;
}

std::vector<ExceptionRecord> exceptions_of_the_week() {
  std::vector<ExceptionRecord> all;
  ExceptionRecord e1 = exception("E1", ExceptionType::kDeliveryLate, Severity::kHigh, "NORTHWIND",
                                 "logistics", A - 2 * kHour);
  e1.response_due = A + kHour;
  e1.resolve_due = A + 6 * kHour;
  e1.at_risk_at = A + 3 * kHour;
  e1.assignee = "dana";
  all.push_back(e1);
  ExceptionRecord e2 = exception("E2", ExceptionType::kAsnMissing, Severity::kMedium, "NORTHWIND",
                                 "logistics", A - 30 * kHour);
  e2.responded_at = A - 29 * kHour;
  e2.response_due = A - 28 * kHour;
  e2.response_outcome = "met";
  e2.resolve_due = A - kHour;
  all.push_back(e2);
  ExceptionRecord e3 = exception("E3", ExceptionType::kPoPriceMismatch, Severity::kLow, "ACME",
                                 "orders", A - 24 * kHour);
  e3.response_due = A + 10 * kHour;
  e3.at_risk_at = A - kHour;
  all.push_back(e3);
  ExceptionRecord e4 = exception("E4", ExceptionType::kEdiRejected, Severity::kCritical, "ACME",
                                 "edi", A - 5 * kHour);
  e4.status = ExceptionStatus::kResolved;
  e4.responded_at = A - 4 * kHour;
  e4.resolved_at = A - kHour;
  e4.response_outcome = e4.resolve_outcome = "met";
  all.push_back(e4);
  ExceptionRecord e5 = exception("E5", ExceptionType::kAsnQtyMismatch, Severity::kHigh, "NORTHWIND",
                                 "logistics", A - 12 * 24 * kHour);
  e5.po_number = "PO-1";
  e5.status = ExceptionStatus::kResolved;
  e5.responded_at = A - 11 * 24 * kHour;
  e5.resolved_at = A - 3 * kHour;
  e5.response_outcome = e5.resolve_outcome = "breached";
  all.push_back(e5);
  ExceptionRecord e6 = exception("E6", ExceptionType::kFaMissing, Severity::kMedium, "ACME", "edi",
                                 A - 11 * 24 * kHour);
  e6.response_due = A - 10 * 24 * kHour;
  all.push_back(e6);
  ExceptionRecord e7 = exception("E7", ExceptionType::kPoDuplicate, Severity::kMedium, "NORTHWIND",
                                 "orders", A - 6 * kHour);
  e7.status = ExceptionStatus::kMerged;
  e7.updated_at = A - 5 * kHour;
  e7.merged_into = 1;
  all.push_back(e7);
  return all;
}

Status add_orders(Store& s) {
  Order po1;
  po1.partner_id = "NORTHWIND";
  po1.po_number = "PO-1";
  po1.order_date = "2026-11-10";
  po1.due = "2026-11-17";
  po1.lines = {line("A", 10), line("B", 5)};
  po1.source = src(1, 1, "850", "0001", A - 9 * 24 * kHour);
  Order po2 = po1;
  po2.partner_id = "ACME";
  po2.po_number = "PO-2";
  po2.due = "2026-11-16";
  po2.lines = {line("C", 3)};
  po2.source.transaction = "0002";
  if (Status st = s.put_order(po1); !st.ok()) return st;
  return s.put_order(po2);
}

Status add_shipments(Store& s) {
  Shipment sh1;
  sh1.partner_id = "NORTHWIND";
  sh1.shipment_id = "SH1";
  sh1.po_numbers = {"PO-1"};
  sh1.shipped_at = A - 44 * kHour;
  sh1.items = {item("PO-1", "A", 10), item("PO-1", "B", 4)};
  sh1.source = src(1, 1, "856", "0003", A - 22 * kHour);
  Shipment sh2;
  sh2.partner_id = "ACME";
  sh2.shipment_id = "SH2";
  sh2.po_numbers = {"PO-2"};
  sh2.items = {item("PO-2", "C", 3)};
  sh2.source = src(1, 1, "856", "0004", A - 2 * kHour);
  if (Status st = s.put_shipment(sh1); !st.ok()) return st;
  if (Status st = s.put_shipment(sh2); !st.ok()) return st;
  for (auto [po, at] : {std::pair<std::string, Instant>{"PO-1", A - 12 * kHour},
                        std::pair<std::string, Instant>{"PO-2", A - 4 * kHour}}) {
    ShipmentEvent d1;
    d1.carrier_id = "FASTFREIGHT";
    d1.po_number = po;
    d1.status = "D1";
    d1.at = at;
    d1.source = src(1, 1, "214", "00" + po, at);
    if (Status st = s.add_shipment_event(d1); !st.ok()) return st;
  }
  return Status();
}

Status add_groups(Store& s, std::int64_t interchange) {
  const std::tuple<std::string, std::string, std::string, Instant> groups[] = {
      {"NORTHWIND", "PR", "100", A - 30 * kHour},
      {"ACME", "SH", "101", A - 40 * kHour},
      {"ACME", "FA", "102", A - 30 * kHour}};
  for (const auto& [partner_id, fid, control, sent] : groups) {
    OutboundGroup g;
    g.partner_id = partner_id;
    g.functional_id = fid;
    g.group_control = control;
    g.sent_at = sent;
    g.source = src(1, 0, fid, control, sent);
    if (Status st = s.add_outbound_group(g); !st.ok()) return st;
  }
  FunctionalAck ack;
  ack.partner_id = "NORTHWIND";
  ack.group_control = "100";
  ack.functional_id = "PR";
  ack.status = "A";
  ack.source = src(1, interchange, "997", "0099", A - 20 * kHour);
  return s.add_functional_ack(ack);
}

Status add_documents(Store& s, std::int64_t interchange) {
  struct Doc {
    std::string partner, transaction;
    DocumentStatus status;
    Instant at;
    std::vector<std::string> codes;
  };
  const Doc docs[] = {
      {"NORTHWIND", "0101", DocumentStatus::kAccepted, A - 3 * kHour, {}},
      {"NORTHWIND", "0102", DocumentStatus::kRejected, A - 2 * kHour, {"AK4:7", "AK3:8", "AK4:7"}},
      {"ACME", "0103", DocumentStatus::kRejected, A - kHour, {"AK5:5"}},
      {"ACME", "0104", DocumentStatus::kRejected, A - 30 * kHour, {"AK4:1"}}};
  for (const Doc& d : docs) {
    DocumentRecord r;
    r.source = src(1, interchange, "850", d.transaction, d.at);
    r.partner_id = d.partner;
    r.status = d.status;
    r.findings = static_cast<std::int64_t>(d.codes.size());
    if (Status st = s.add_document(r); !st.ok()) return st;
    for (const std::string& code : d.codes) {
      FindingRecord f;
      f.file_id = 1;
      f.interchange = std::to_string(interchange);
      f.group = "1";
      f.transaction = d.transaction;
      f.set_id = "850";
      f.segment = "PO1";
      f.code = code;
      f.severity = "error";
      f.message = "bad";
      if (Status st = s.add_finding(f); !st.ok()) return st;
    }
  }
  return Status();
}

std::string fill(Store& s) {
  for (const TradingPartner& p :
       {partner("NORTHWIND", PartnerRole::kCustomer, "America/Chicago"),
        partner("ACME", PartnerRole::kCustomer, "America/New_York"),
        partner("FASTFREIGHT", PartnerRole::kCarrier, "America/Chicago")}) {
    if (Status st = s.upsert_partner(p); !st.ok()) return st.error();
  }
  InboundFile file;
  file.path = "in/week.edi";
  file.sha256 = std::string(64, 'a');
  file.bytes = 1;
  file.imported_at = A - 9 * 24 * kHour;
  auto f = s.record_file(file);
  if (!f.ok()) return f.error();
  InterchangeRecord ic;
  ic.file_id = f.value().id;
  ic.standard = "X12";
  ic.sender_qualifier = "ZZ";
  ic.sender_id = "NORTHWIND";
  ic.control_number = "1";
  ic.content_hash = std::string(64, 'b');
  ic.received_at = A - 9 * 24 * kHour;
  auto interchange = s.record_interchange(ic);
  if (!interchange.ok()) return interchange.error();
  if (Status st = add_orders(s); !st.ok()) return st.error();
  if (Status st = add_shipments(s); !st.ok()) return st.error();
  if (Status st = add_groups(s, interchange.value()); !st.ok()) return st.error();
  if (Status st = add_documents(s, interchange.value()); !st.ok()) return st.error();
  if (Status st = s.flush(); !st.ok()) return st.error();
  auto ex = exceptions::ExceptionStore::open(s);
  if (!ex.ok()) return ex.error();
  for (const ExceptionRecord& e : exceptions_of_the_week()) {
    if (auto id = ex.value().insert(e); !id.ok()) return id.error();
  }
  return "";
}

}  // namespace

TempDir::TempDir() {
  std::random_device random;
  path_ = (std::filesystem::temp_directory_path() /
           ("ordex-report-test-" + std::to_string(random()) + std::to_string(random())))
              .string();
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::string fill_sample_store(Store& store) { return fill(store); }

}  // namespace ordex::reports::testing
