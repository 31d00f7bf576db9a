#include "orders/ingest/store_sink.h"

namespace ordex::orders::ingest {

void StoreSink::begin_interchange(std::int64_t file_id, std::int64_t interchange_id,
                                  const edi::InterchangeHeader& header) {
  file_id_ = file_id;
  interchange_id_ = interchange_id;
  sender_ = PartyId{header.sender_qualifier, header.sender_id};
  receiver_ = PartyId{header.receiver_qualifier, header.receiver_id};
  interchange_control_ = header.control_number;
  warned_unregistered_ = false;
  write_data_ = true;
  resolved_ = false;
}

void StoreSink::begin_transaction() {
  last_po_.clear();
  received_at_ = 0;
}

void StoreSink::resolve(const DocumentContext& c) {
  const std::string set_id(c.set_id());
  edi::Result<Resolution> r = partners_.resolve(sender_, receiver_, set_id);
  if (!r.ok()) {
    record_error(Failure{r.error()});
    return;
  }
  partner_ = r.value().partner;
  outbound_ = r.value().outbound;
  resolved_ = true;
  if (!partner_.registered) warn_unregistered(c);
  zone_ = TimeZone::utc();
  if (partner_.timezone.empty()) return;
  auto it = zones_.find(partner_.timezone);
  if (it == zones_.end()) {
    edi::Result<TimeZone> z = TimeZone::named(partner_.timezone);
    it = zones_.emplace(partner_.timezone, z.ok() ? z.value() : TimeZone::utc()).first;
  }
  zone_ = it->second;
}

void StoreSink::warn_unregistered(const DocumentContext& c) {
  if (warned_unregistered_) return;
  warned_unregistered_ = true;
  FindingRecord f;
  f.file_id = file_id_;
  f.interchange = interchange_control_;
  f.group = c.group ? c.group->control_number : "";
  f.code = "PARTNER_UNREGISTERED";
  f.severity = "warning";
  f.message = "partner '" + partner_.partner_id + "' (" + partner_.qualifier + ":" +
              partner_.edi_id + ") is not in partners.csv; imported under an unregistered partner";
  write(store_.add_finding(f));
  ++counts_.findings;
}

TimeZone StoreSink::local_zone(const DocumentContext& context) {
  // Asked once when each transaction begins, and again for its group's outbound_group().
  if (context.transaction != nullptr) resolve(context);
  return zone_;
}

bool StoreSink::take(const DocumentContext& c, SourceRef& source, const std::string& po) {
  if (last_po_.empty()) last_po_ = po;
  received_at_ = source.received_at;
  source.file_id = file_id_;
  source.interchange_id = interchange_id_;
  return write_data_ && !c.rejected() && error_.ok();
}

void StoreSink::order(const DocumentContext& c, Order& o) {
  if (!take(c, o.source, o.po_number)) return;
  o.partner_id = partner_.partner_id;
  if (o.purpose == OrderPurpose::kCancel) {
    write(store_.cancel_order(o.partner_id, o.po_number, o.source));
  } else {
    write(store_.put_order(o));
  }
  ++counts_.orders;
}

void StoreSink::acknowledgment(const DocumentContext& c, OrderAcknowledgment& a) {
  if (!take(c, a.source, a.po_number)) return;
  a.partner_id = partner_.partner_id;
  write(store_.add_order_ack(a));
  ++counts_.acknowledgments;
}

void StoreSink::shipment(const DocumentContext& c, Shipment& s) {
  if (!take(c, s.source, s.po_numbers.empty() ? "" : s.po_numbers.front())) return;
  s.partner_id = partner_.partner_id;
  write(store_.put_shipment(s));
  ++counts_.shipments;
}

void StoreSink::shipment_event(const DocumentContext& c, ShipmentEvent& e) {
  if (!take(c, e.source, e.po_number)) return;
  e.carrier_id = partner_.partner_id;
  write(store_.add_shipment_event(e));
  ++counts_.events;
}

void StoreSink::invoice(const DocumentContext& c, Invoice& i) {
  if (!take(c, i.source, i.po_number)) return;
  i.partner_id = partner_.partner_id;
  write(store_.put_invoice(i));
  ++counts_.invoices;
}

void StoreSink::functional_ack(const DocumentContext& c, FunctionalAck& a) {
  // An acknowledgment we sent answers the partner's groups, not ours: nothing to reconcile.
  if (!take(c, a.source, "") || outbound_) return;
  a.partner_id = partner_.partner_id;
  write(store_.add_functional_ack(a));
  ++counts_.functional_acks;
}

void StoreSink::warehouse_order(const DocumentContext& c, Order& o) {
  // The 940 is our instruction to the warehouse, not a customer order: its documents row
  // (written by the importer, with this PO) is what is kept.
  (void)take(c, o.source, o.po_number);
}

void StoreSink::outbound_group(const DocumentContext& c, OutboundGroup& g) {
  if (!outbound_ || !write_data_ || c.rejected() || !error_.ok()) return;
  g.partner_id = partner_.partner_id;
  g.source.interchange_id = interchange_id_;
  g.source.file_id = file_id_;
  write(store_.add_outbound_group(g));
}

void StoreSink::issue(const DocumentContext& c, const MappingIssue& issue) {
  FindingRecord f = finding_of(c, issue, file_id_);
  f.offset += static_cast<std::int64_t>(offset_base_);
  write(store_.add_finding(f));
  ++counts_.findings;
}

FindingRecord finding_of(const DocumentContext& c, const MappingIssue& issue,
                         std::int64_t file_id) {
  FindingRecord f;
  f.file_id = file_id;
  if (c.interchange) f.interchange = c.interchange->control_number;
  if (c.group) f.group = c.group->control_number;
  if (c.transaction) f.transaction = c.transaction->control_number;
  f.set_id = std::string(c.set_id());
  f.segment = issue.segment;
  f.segment_position = issue.segment_position;
  f.element = issue.element;
  f.component = issue.component;
  f.offset = static_cast<std::int64_t>(issue.offset);
  f.code = std::string(to_string(issue.code));
  f.severity = std::string(to_string(issue.severity));
  f.message = issue.reason;
  if (issue.line > 0) {
    f.message = "line " + std::to_string(issue.line) +
                (issue.column > 0 ? ", column " + std::to_string(issue.column) : "") + ": " +
                f.message;
  }
  if (!issue.value.empty()) f.message += " ('" + issue.value + "')";
  return f;
}

}  // namespace ordex::orders::ingest
