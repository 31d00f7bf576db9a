#include "mapping_test_util.h"

#include <cstdlib>

#include "edi/byte_source.h"
#include "edi/envelope_walker.h"
#include "edi/schema.h"
#include "edi/segment_reader.h"
#include "edi/validator.h"
#include "edi/verdicts.h"
#include "orders/mapping/edi_mapper.h"

namespace ordex::orders::testing {
namespace {

Where where(const DocumentContext& c, std::string kind) {
  Where w;
  w.kind = std::move(kind);
  w.file = c.file;
  w.set_id = c.set_id();
  if (c.interchange) {
    w.sender = c.interchange->sender_id;
    w.receiver = c.interchange->receiver_id;
    w.interchange = c.interchange->control_number;
  }
  if (c.group) w.group = c.group->control_number;
  if (c.transaction) w.transaction = c.transaction->control_number;
  w.verdict = c.verdict;
  return w;
}

// Records every finding on its way to the mapper.
class FindingTap final : public edi::EnvelopeHandler {
 public:
  FindingTap(edi::EnvelopeHandler& next, std::vector<edi::Finding>& findings)
      : next_(next), findings_(findings) {}
  void begin_file(std::string_view n) override { next_.begin_file(n); }
  void begin_interchange(const edi::InterchangeHeader& h) override { next_.begin_interchange(h); }
  void begin_group(const edi::GroupHeader& h) override { next_.begin_group(h); }
  void begin_transaction(const edi::TransactionHeader& h) override { next_.begin_transaction(h); }
  void transaction_segment(const edi::Segment& s, std::uint32_t p) override {
    next_.transaction_segment(s, p);
  }
  void interchange_segment(const edi::Segment& s) override { next_.interchange_segment(s); }
  void end_transaction(const edi::TransactionSummary& s) override { next_.end_transaction(s); }
  void end_group(const edi::GroupSummary& s) override { next_.end_group(s); }
  void end_interchange(const edi::InterchangeSummary& s) override { next_.end_interchange(s); }
  void finding(const edi::Finding& f) override {
    findings_.push_back(f);
    next_.finding(f);
  }
  void end_file() override { next_.end_file(); }

 private:
  edi::EnvelopeHandler& next_;
  std::vector<edi::Finding>& findings_;
};

const edi::SchemaRegistry& schemas() {
  static const edi::SchemaRegistry registry = [] {
    edi::Result<edi::SchemaRegistry> r = edi::SchemaRegistry::embedded();
    if (!r.ok()) std::abort();
    return std::move(r).value();
  }();
  return registry;
}

std::string join_segments(const std::vector<std::string>& segments, char terminator) {
  std::string out;
  for (const std::string& s : segments) {
    out += s;
    out += terminator;
    out += '\n';
  }
  return out;
}

std::string pad(std::string s, std::size_t n) {
  s.resize(n, ' ');
  return s;
}

}  // namespace

std::string IssueRecord::brief() const {
  std::string out(to_string(issue.code));
  if (!issue.segment.empty())
    out += " " + issue.segment + "@" + std::to_string(issue.segment_position);
  if (issue.element > 0) out += " e" + std::to_string(issue.element);
  if (issue.component > 0) out += "." + std::to_string(issue.component);
  if (issue.line > 0) out += " line " + std::to_string(issue.line);
  return out;
}

void RecordingSink::order(const DocumentContext& c, Order& o) {
  orders.push_back(o);
  deliveries.push_back(where(c, "order"));
}
void RecordingSink::acknowledgment(const DocumentContext& c, OrderAcknowledgment& a) {
  acks.push_back(a);
  deliveries.push_back(where(c, "ack"));
}
void RecordingSink::shipment(const DocumentContext& c, Shipment& s) {
  shipments.push_back(s);
  deliveries.push_back(where(c, "shipment"));
}
void RecordingSink::shipment_event(const DocumentContext& c, ShipmentEvent& e) {
  events.push_back(e);
  deliveries.push_back(where(c, "event"));
}
void RecordingSink::invoice(const DocumentContext& c, Invoice& i) {
  invoices.push_back(i);
  deliveries.push_back(where(c, "invoice"));
}
void RecordingSink::functional_ack(const DocumentContext& c, FunctionalAck& f) {
  functional_acks.push_back(f);
  deliveries.push_back(where(c, "fa"));
}
void RecordingSink::warehouse_order(const DocumentContext& c, Order& o) {
  warehouse_orders.push_back(o);
  deliveries.push_back(where(c, "warehouse_order"));
}
void RecordingSink::outbound_group(const DocumentContext& c, OutboundGroup& g) {
  groups.push_back(g);
  deliveries.push_back(where(c, "group"));
}
void RecordingSink::issue(const DocumentContext& c, const MappingIssue& i) {
  issues.push_back({i, where(c, "issue")});
}

std::vector<std::string> RecordingSink::issue_briefs() const {
  std::vector<std::string> out;
  for (const IssueRecord& r : issues) out.push_back(r.brief());
  return out;
}

std::vector<std::string> MapRun::finding_codes() const {
  std::vector<std::string> out;
  for (const edi::Finding& f : findings) {
    out.push_back(f.code.str() + " " + f.segment + "@" + std::to_string(f.segment_position) + " e" +
                  std::to_string(f.element) + ": " + f.message);
  }
  return out;
}

MapRun map_edi(std::string_view bytes, TimeZone zone, std::string_view file) {
  MapRun run;
  run.sink.zone = zone;
  EdiMapper mapper(run.sink);
  // The tap sits after the validator (and its VerdictTracker) so it sees every finding.
  FindingTap tap(mapper, run.findings);
  edi::Validator validator(schemas(), tap);
  // ORDEX_TEST_NO_VALIDATOR=1 checks the mapper alone (verdicts then only reflect envelope
  // findings), e.g. under sanitizers while the validator has a problem of its own.
  edi::VerdictTracker verdicts(tap);
  const bool skip = std::getenv("ORDEX_TEST_NO_VALIDATOR") != nullptr;
  edi::EnvelopeHandler& first = skip ? static_cast<edi::EnvelopeHandler&>(verdicts) : validator;
  edi::MemorySource source(bytes);
  edi::SegmentReaderOptions options;
  options.block_size = 4096;  // segments cross block edges
  options.index_chunk = 1024;
  edi::SegmentReader reader(source, options);
  edi::walk_envelopes(reader, first, file);
  return run;
}

std::string x12_interchange(const X12Options& o, std::string_view set_id,
                            const std::vector<std::vector<std::string>>& sets) {
  const bool v5 = o.version.rfind("005", 0) == 0;
  std::string out = "ISA*00*" + pad("", 10) + "*00*" + pad("", 10) + "*ZZ*" + pad(o.sender, 15) +
                    "*ZZ*" + pad(o.receiver, 15) + "*" + o.date.substr(2) + "*" + o.time + "*" +
                    (v5 ? "^" : "U") + "*" + (v5 ? "00501" : "00401") + "*" + o.control +
                    "*0*P*>~\n";
  out += "GS*" + o.functional_id + "*" + o.sender + "*" + o.receiver + "*" + o.date + "*" + o.time +
         "*101*X*" + o.version + "~\n";
  int n = 0;
  for (const std::vector<std::string>& body : sets) {
    char control[16];
    std::snprintf(control, sizeof control, "%04d", ++n);
    out += "ST*" + std::string(set_id) + "*" + control + "~\n";
    out += join_segments(body, '~');
    out += "SE*" + std::to_string(body.size() + 2) + "*" + control + "~\n";
  }
  out += "GE*" + std::to_string(sets.size()) + "*101~\n";
  out += "IEA*1*" + o.control + "~\n";
  return out;
}

std::string edifact_interchange(const EdifactOptions& o, std::string_view type,
                                const std::vector<std::vector<std::string>>& messages) {
  std::string out = "UNA:+.? '\nUNB+UNOC:3+" + o.sender + ":14+" + o.receiver + ":14+" + o.date +
                    ":" + o.time + "+" + o.control + "'\n";
  const std::string release = o.version.substr(1);  // D96A -> 96A
  int n = 0;
  for (const std::vector<std::string>& body : messages) {
    const std::string ref = std::to_string(++n);
    out += "UNH+" + ref + "+" + std::string(type) + ":D:" + release + ":UN" +
           (o.association.empty() ? "" : ":" + o.association) + "'\n";
    out += join_segments(body, '\'');
    out += "UNT+" + std::to_string(body.size() + 2) + "+" + ref + "'\n";
  }
  out += "UNZ+" + std::to_string(messages.size()) + "+" + o.control + "'\n";
  return out;
}

Instant at(std::string_view zone, int y, int mo, int d, int h, int mi, int s) {
  edi::Result<TimeZone> z = TimeZone::named(zone);
  if (!z.ok()) std::abort();
  return z.value().to_instant({y, mo, d, h, mi, s});
}

}  // namespace ordex::orders::testing
