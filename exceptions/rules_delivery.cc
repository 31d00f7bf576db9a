// The clock rules over DeliveryFacts: ASN_MISSING, DELIVERY_LATE, DELIVERY_OVERDUE and
// DELIVERY_AT_RISK. Days are the partner's: a due day ends at the next local midnight
// (orders/time_zone.h end_of_local_day), whatever the UTC date is then.
//
// PERF NOTES: the sweep runs this for every open order. The common outcome is "nothing
// found", so that path writes only the reason texts, in place into the caller's Evaluation
// (Evaluation::reason keeps their capacity), and builds no Condition.
#include <algorithm>

#include "exceptions/evidence.h"
#include "exceptions/rules.h"
#include "exceptions/rules_detail.h"
#include "orders/time_zone.h"

namespace ordex::exceptions {
namespace {

using enum ExceptionType;
using orders::Instant;

std::optional<Instant> day_end(const std::string& day, const orders::TimeZone& zone) {
  if (day.empty()) return std::nullopt;
  const edi::Result<Instant> end = orders::end_of_local_day(day, zone);
  if (!end.ok()) return std::nullopt;
  return end.value();
}

struct Clock {
  const DeliveryFacts& f;
  const RuleParams& p;
  Instant now;
  bool cancelled;
  std::optional<Instant> ship_by_end, due_end;

  Condition condition(ExceptionType type) const {
    Condition k;
    k.type = type;
    k.partner_id = f.partner_id;
    k.po_number = f.po_number;
    k.file_id = f.file_id;
    return k;
  }
  std::string label() const {
    return (f.partner_name.empty() ? f.partner_id : f.partner_name) + " PO " + f.po_number;
  }
  Evidence evidence() const {
    Evidence e;
    e.add("po", f.po_number).add("ship_by", f.ship_by).add("due", f.due);
    e.add("time_zone", f.zone.name());
    return e;
  }
};

void delivered_reason(const Clock& k, std::string& r) {
  r = "delivered ";
  r += orders::local_day(*k.f.delivered_at, k.f.zone);
}

void asn_missing(const Clock& k, Evaluation& out) {
  std::string& r = out.reason(kAsnMissing);
  const DeliveryFacts& f = k.f;
  if (!k.p.enabled(kAsnMissing)) return void(r = "rule disabled");
  if (k.cancelled) return void(r = "order cancelled");
  if (f.first_ship_notice_at) {
    r = "ship notice ";
    r += f.first_shipment_id;
    r += " received ";
    r += orders::local_day(*f.first_ship_notice_at, f.zone);
    return;
  }
  if (!k.ship_by_end) return void(r = "the order has no ship-by date");
  const Instant deadline = *k.ship_by_end + k.p.asn_missing_hours * 3600;
  r = "no ship notice due yet";
  if (k.now < deadline) return;
  Condition c = k.condition(kAsnMissing);
  c.summary = k.label() + ": no ship notice received, though the order was to ship by " + f.ship_by;
  Evidence e = k.evidence();
  e.add_instant("deadline", deadline).add("allowed_hours", k.p.asn_missing_hours);
  c.evidence = e.json();
  out.add(std::move(c));
}

void delivery_late(const Clock& k, Evaluation& out) {
  std::string& r = out.reason(kDeliveryLate);
  const DeliveryFacts& f = k.f;
  if (!k.p.enabled(kDeliveryLate)) return void(r = "rule disabled");
  if (k.cancelled) return void(r = "order cancelled");
  if (!f.delivered_at) return void(r = "no delivery recorded");
  delivered_reason(k, r);
  r += " on or before the due date";
  if (!k.due_end || *f.delivered_at < *k.due_end) return;
  Condition c = k.condition(kDeliveryLate);
  const std::string day = orders::local_day(*f.delivered_at, f.zone);
  c.summary = k.label() + ": delivered " + day + ", after the due date " + f.due;
  Evidence e = k.evidence();
  e.add_instant("delivered_at", *f.delivered_at).add("delivered_day", day);
  c.evidence = e.json();
  out.add(std::move(c));
}

void delivery_overdue(const Clock& k, Evaluation& out) {
  std::string& r = out.reason(kDeliveryOverdue);
  const DeliveryFacts& f = k.f;
  if (!k.p.enabled(kDeliveryOverdue)) return void(r = "rule disabled");
  if (k.cancelled) return void(r = "order cancelled");
  if (f.delivered_at) return delivered_reason(k, r);
  if (!k.due_end) return void(r = "the order has no due date");
  r = "the due date has not passed";
  if (k.now < *k.due_end) return;
  Condition c = k.condition(kDeliveryOverdue);
  c.summary = k.label() + ": not delivered, and the due date " + f.due + " has passed";
  if (f.first_ship_notice_at) c.shipment_id = f.first_shipment_id;
  Evidence e = k.evidence();
  e.add_instant("due_ended_at", *k.due_end);
  if (f.first_ship_notice_at) e.add("shipment", f.first_shipment_id);
  c.evidence = e.json();
  out.add(std::move(c));
}

}  // namespace

void evaluate_delivery(const DeliveryFacts& f, const RuleParams& p, Instant now, Evaluation& out) {
  const Clock k{f,
                p,
                now,
                f.status == orders::OrderStatus::kCancelled,
                day_end(f.ship_by, f.zone),
                day_end(f.due, f.zone)};
  asn_missing(k, out);
  delivery_late(k, out);
  delivery_overdue(k, out);
  detail::delivery_at_risk(f, p, now, k.due_end, out);
}

}  // namespace ordex::exceptions
