#include "app/order_timeline.h"

#include <algorithm>
#include <ostream>
#include <set>
#include <tuple>

#include "orders/decimal.h"
#include "orders/time_zone.h"

namespace ordex::app {
namespace {

using orders::to_string;

// Identifies a document by its envelope, to spot documents rows not yet on the timeline.
using DocKey = std::tuple<std::int64_t, std::string, std::string>;
DocKey key_of(const orders::SourceRef& s) { return {s.interchange_id, s.group, s.transaction}; }

std::string where(const orders::SourceRef& s) {
  std::string text = "file #" + std::to_string(s.file_id);
  if (!s.interchange.empty()) {
    text += ", interchange " + s.interchange + " group " + s.group + " set " + s.transaction;
  } else if (!s.transaction.empty()) {
    text += ", " + s.transaction;
  }
  return text;
}

orders::Decimal total_quantity(const std::vector<orders::ShipmentItem>& items,
                               const std::string& po) {
  orders::Decimal sum;
  for (const auto& i : items) {
    if (i.po_number == po || i.po_number.empty()) sum.e4 += i.quantity.e4;
  }
  return sum;
}

void add_documents(const orders::OrderDetail& d, std::vector<TimelineEntry>& out) {
  const auto& o = d.order.order;
  out.push_back({o.source.received_at, o.source.set_id + " order (" + to_string(o.purpose) + ")",
                 std::to_string(o.lines.size()) + " lines, order date " + o.order_date +
                     ", ship by " + o.ship_by + ", due " + o.due,
                 o.source});
  for (const auto& a : d.acks) {
    out.push_back({a.source.received_at, a.source.set_id + " acknowledgment " + a.ack_type,
                   std::to_string(a.lines.size()) + " lines", a.source});
  }
  const std::string& po = o.po_number;
  for (const auto& s : d.shipments) {
    out.push_back({s.source.received_at, s.source.set_id + " ship notice " + s.shipment_id,
                   "shipped " + to_string(total_quantity(s.items, po)) +
                       (s.shipped_at ? " at " + orders::format_utc(*s.shipped_at) : "") +
                       (s.bill_of_lading.empty() ? "" : ", bill of lading " + s.bill_of_lading),
                   s.source});
  }
  for (const auto& i : d.invoices) {
    out.push_back({i.source.received_at, i.source.set_id + " invoice " + i.invoice_number,
                   std::to_string(i.lines.size()) + " lines, total " + to_string(i.total),
                   i.source});
  }
}

void add_events(const orders::OrderDetail& d, std::vector<TimelineEntry>& out) {
  for (const auto& e : d.events) {
    std::string what = "event " + (e.status.empty() ? "appointment " + e.appointment : e.status);
    std::string detail = "carrier " + e.carrier_id;
    if (!e.city.empty()) detail += ", " + e.city + (e.state.empty() ? "" : " " + e.state);
    if (e.estimate) detail += ", estimate " + orders::format_utc(*e.estimate);
    out.push_back({e.at, what, detail, e.source});
  }
}

}  // namespace

std::vector<TimelineEntry> order_timeline(const orders::OrderDetail& d) {
  std::vector<TimelineEntry> out;
  add_documents(d, out);
  add_events(d, out);
  std::set<DocKey> shown;
  for (const auto& e : out) shown.insert(key_of(e.source));
  for (const auto& doc : d.documents) {
    if (shown.count(key_of(doc.source))) continue;
    out.push_back({doc.source.received_at, doc.source.set_id + " " + to_string(doc.status),
                   std::to_string(doc.findings) + " findings", doc.source});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const TimelineEntry& a, const TimelineEntry& b) { return a.at < b.at; });
  return out;
}

void print_order_detail(std::ostream& out, const orders::OrderDetail& d) {
  const auto& o = d.order.order;
  out << o.partner_id << " " << o.po_number << ": " << to_string(d.order.status) << ", ordered "
      << o.order_date << ", ship by " << o.ship_by << ", due " << o.due << ", ship to " << o.ship_to
      << '\n';
  for (const TimelineEntry& e : order_timeline(d)) {
    out << "  " << orders::format_utc(e.at) << "  " << e.what << ": " << e.detail << " ("
        << where(e.source) << ")\n";
  }
}

}  // namespace ordex::app
