// CARRIER_EXCEPTION: a carrier status that says the goods did not get where they should
// (AT701 A7 refused, A9 damaged, AH attempted, AP not completed, SD delayed, CA cancelled).
// A later delivery (D1) of the same goods settles it.
#include "exceptions/evidence.h"
#include "exceptions/rules_detail.h"
#include "orders/time_zone.h"

namespace ordex::exceptions::detail {
namespace {

struct Problem {
  std::string_view status;
  std::string_view words;
  std::optional<Severity> severity;  // nullopt: the catalog's (high)
};

// A delay or a missed attempt usually resolves itself by the next business day; refusal,
// damage, an incomplete delivery and a cancellation need someone to act.
constexpr Problem kProblems[] = {
    {"A7", "refused by the consignee", std::nullopt},
    {"A9", "damaged", std::nullopt},
    {"AH", "delivery attempted, nobody took it", Severity::kMedium},
    {"AP", "delivery not completed", std::nullopt},
    {"SD", "delayed", Severity::kMedium},
    {"CA", "cancelled by the carrier", std::nullopt},
};

const Problem* problem(std::string_view status) {
  for (const Problem& p : kProblems) {
    if (p.status == status) return &p;
  }
  return nullptr;
}

bool delivered_after(const OrderCase& c, const orders::ShipmentEvent& e) {
  for (const orders::ShipmentEvent& d : c.events) {
    if (d.status == "D1" && d.at > e.at && same_goods(d, e)) return true;
  }
  return false;
}

std::string place(const orders::ShipmentEvent& e) {
  std::string p = e.city;
  if (!e.state.empty()) p += (p.empty() ? "" : ", ") + e.state;
  return p.empty() ? p : " in " + p;
}

void raise(const CaseScope& s, const orders::ShipmentEvent& e, const Problem& p, Evaluation& out) {
  Condition k = s.condition(ExceptionType::kCarrierException,
                            "event " + e.status + " " + orders::format_utc(e.at));
  k.shipment_id = e.shipment_id;
  k.file_id = e.source.file_id;
  k.severity = p.severity;
  const std::string& carrier = e.carrier_scac.empty() ? e.carrier_id : e.carrier_scac;
  const std::string what = e.shipment_id.empty() ? "the shipment" : "shipment " + e.shipment_id;
  k.summary = s.label + ": carrier " + carrier + " reports " + what + " " + std::string(p.words) +
              " on " + when_text(e.at, s.c.zone) + place(e) +
              (e.reason.empty() ? "" : " (reason code " + e.reason + ")");
  Evidence ev;
  ev.add("po", s.c.po_number).add("carrier", carrier).add("status", e.status);
  ev.add("reason", e.reason).add_instant("at", e.at);
  ev.add("shipment", e.shipment_id).add("bill_of_lading", e.bill_of_lading);
  ev.add("carrier_reference", e.carrier_reference);
  add_controls(ev, e.source);
  k.evidence = ev.json();
  out.add(std::move(k));
}

std::string clear_reason(const OrderCase& c) {
  const orders::ShipmentEvent* last = nullptr;
  for (const orders::ShipmentEvent& e : c.events) {
    if (e.status == "D1" && (!last || e.at >= last->at)) last = &e;
  }
  if (!last) return "the carrier reports no open problem";
  return "delivered " + when_text(last->at, c.zone);
}

}  // namespace

void carrier_rules(const CaseScope& s, Evaluation& out) {
  if (!start(out, ExceptionType::kCarrierException, s.params, clear_reason(s.c))) return;
  for (const orders::ShipmentEvent& e : s.c.events) {
    const Problem* p = problem(e.status);
    if (p && !delivered_after(s.c, e)) raise(s, e, *p, out);
  }
}

}  // namespace ordex::exceptions::detail
