// DELIVERY_AT_RISK: not delivered, the due day not over yet, and either the latest estimate
// lands after the due day or the carrier has gone quiet since the goods shipped.
//
// The estimate is the carrier's latest AG/X2 estimate when there is one (it knows where the
// truck is), else the ship notice's DTM*017 day. Silence counts from the latest of shipping
// and the last carrier event: a carrier that reported once and then nothing for three days is
// as worrying as one that never reported. Shipping is DTM*011, else the ship notice's arrival.
#include <algorithm>

#include "exceptions/evidence.h"
#include "exceptions/rules_detail.h"
#include "orders/time_zone.h"

namespace ordex::exceptions::detail {
namespace {

using orders::Instant;

struct Risk {
  bool late_estimate = false;
  bool silent = false;
  std::optional<Instant> quiet_since;
};

Risk assess(const DeliveryFacts& f, const RuleParams& p, Instant now, Instant due_end) {
  Risk r;
  r.late_estimate =
      f.latest_estimate ? *f.latest_estimate >= due_end : day_after(f.estimated_delivery, f.due);
  const std::optional<Instant> shipped = f.shipped_at ? f.shipped_at : f.first_ship_notice_at;
  if (shipped) {
    r.quiet_since = std::max(*shipped, f.last_event_at.value_or(*shipped));
    r.silent = now - *r.quiet_since >= p.at_risk_silence_hours * 3600;
  }
  return r;
}

std::string estimate_text(const DeliveryFacts& f) {
  if (f.latest_estimate) {
    return "the carrier now expects delivery on " + orders::local_day(*f.latest_estimate, f.zone);
  }
  return "the ship notice expects delivery on " + f.estimated_delivery;
}

void raise(const DeliveryFacts& f, const RuleParams& p, Instant now, const Risk& risk,
           Evaluation& out) {
  std::vector<std::string> why;
  if (risk.late_estimate) why.push_back(estimate_text(f));
  if (risk.silent) {
    why.push_back("no carrier update for " + duration_text(now - *risk.quiet_since));
  }
  Condition k;
  k.type = ExceptionType::kDeliveryAtRisk;
  k.partner_id = f.partner_id;
  k.po_number = f.po_number;
  k.file_id = f.file_id;
  k.shipment_id = f.first_shipment_id;
  k.summary = (f.partner_name.empty() ? f.partner_id : f.partner_name) + " PO " + f.po_number +
              ": due " + f.due + ", but " + join(why);
  Evidence e;
  e.add("po", f.po_number).add("due", f.due).add("time_zone", f.zone.name());
  if (f.latest_estimate) e.add_instant("carrier_estimate", *f.latest_estimate);
  if (!f.estimated_delivery.empty()) e.add("ship_notice_estimate", f.estimated_delivery);
  if (risk.quiet_since) e.add_instant("last_movement_at", *risk.quiet_since);
  e.add("silence_hours_allowed", p.at_risk_silence_hours);
  k.evidence = e.json();
  out.add(std::move(k));
}

}  // namespace

void delivery_at_risk(const DeliveryFacts& f, const RuleParams& p, Instant now,
                      std::optional<Instant> due_end, Evaluation& out) {
  std::string& r = out.reason(ExceptionType::kDeliveryAtRisk);
  if (!p.enabled(ExceptionType::kDeliveryAtRisk)) return void(r = "rule disabled");
  if (f.status == orders::OrderStatus::kCancelled) return void(r = "order cancelled");
  if (f.delivered_at) {
    r = "delivered ";
    r += orders::local_day(*f.delivered_at, f.zone);
    return;
  }
  if (!due_end) return void(r = "the order has no due date");
  if (now >= *due_end) return void(r = "the due date has passed");
  r = "the latest estimate meets the due date and the carrier reports movement";
  const Risk risk = assess(f, p, now, *due_end);
  if (risk.late_estimate || risk.silent) raise(f, p, now, risk, out);
}

}  // namespace ordex::exceptions::detail
