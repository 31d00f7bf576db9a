// ACK_REJECTED: what the latest order acknowledgment says. Only the latest counts, so a later
// acknowledgment that accepts clears what an earlier one rejected.
#include <array>

#include "exceptions/evidence.h"
#include "exceptions/rules_detail.h"

namespace ordex::exceptions::detail {
namespace {

using enum ExceptionType;

const orders::OrderAcknowledgment* latest_ack(const OrderCase& c) {
  const orders::OrderAcknowledgment* latest = nullptr;
  for (const orders::OrderAcknowledgment& a : c.acks) {
    // The list is in received order; >= keeps the later of two with the same group time.
    if (!latest || a.source.received_at >= latest->source.received_at) latest = &a;
  }
  return latest;
}

bool header_rejects(const std::string& ack_type) { return ack_type == "RD" || ack_type == "RJ"; }

// ACK01 (element 668) codes that take goods away: IR rejected, IB backordered, ID deleted,
// R1-R8 rejected for a stated reason.
std::string line_problem(const std::string& status) {
  if (status == "IR") return "rejected";
  if (status == "IB") return "backordered";
  if (status == "ID") return "deleted";
  if (status.size() == 2 && status[0] == 'R' && status[1] >= '1' && status[1] <= '8') {
    return "rejected (reason code " + status + ")";
  }
  return "";
}

std::string ack_text(const orders::OrderAcknowledgment& a) {
  return "the acknowledgment of " + (a.ack_date.empty() ? std::string("the order") : a.ack_date);
}

Condition ack_condition(const CaseScope& s, const orders::OrderAcknowledgment& a,
                        std::string subject) {
  Condition k = s.condition(kAckRejected, std::move(subject));
  k.file_id = a.source.file_id;
  return k;
}

void whole_order(const CaseScope& s, const orders::OrderAcknowledgment& a, Evaluation& out) {
  Condition k = ack_condition(s, a, "");
  k.summary = s.label + ": " + ack_text(a) + " rejects the whole order (" + a.ack_type + ")";
  Evidence e;
  e.add("po", s.c.po_number).add("ack_type", a.ack_type).add("ack_date", a.ack_date);
  add_controls(e, a.source);
  k.evidence = e.json();
  out.add(std::move(k));
}

void line_condition(const CaseScope& s, const orders::OrderAcknowledgment& a,
                    const orders::AckLine& line, const std::string& ship_by, Evaluation& out) {
  std::vector<std::string> problems;
  if (std::string p = line_problem(line.status); !p.empty()) problems.push_back(std::move(p));
  const bool moved = day_after(line.scheduled_ship, ship_by);
  if (moved) {
    problems.push_back("scheduled to ship " + line.scheduled_ship + ", after the ship-by date " +
                       ship_by);
  }
  if (problems.empty()) return;
  Condition k = ack_condition(s, a, "line " + line.line_number);
  const bool named = !line.sku.empty() || !line.upc.empty();
  k.summary = s.label + ": " + ack_text(a) + " says line " + line.line_number + " (" +
              (named ? product_text({line.sku, line.upc, ""}) + ", " : std::string()) +
              qty_text(line.quantity, line.uom) + ") is " + join(problems);
  Evidence e;
  e.add("po", s.c.po_number).add("line", line.line_number).add("line_status", line.status);
  e.add("quantity", line.quantity);
  if (moved) e.add("expected_ship_by", ship_by).add("scheduled_ship", line.scheduled_ship);
  add_controls(e, a.source);
  k.evidence = e.json();
  out.add(std::move(k));
}

}  // namespace

// A header rejection (RD/RJ) is one exception for the order, not one per line as well: the
// rep calls the customer about the order. Lines are itemised when the order stands.
void ack_rules(const CaseScope& s, Evaluation& out) {
  const orders::OrderAcknowledgment* a = latest_ack(s.c);
  std::string reason = a ? ack_text(*a) + " accepts the order as ordered"
                         : std::string("no acknowledgment rejects the order");
  if (!start(out, kAckRejected, s.params, std::move(reason)) || !a) return;
  if (header_rejects(a->ack_type)) return whole_order(s, *a, out);
  const std::string ship_by = s.c.order ? s.c.order->order.ship_by : std::string();
  for (const orders::AckLine& line : a->lines) line_condition(s, *a, line, ship_by, out);
}

}  // namespace ordex::exceptions::detail
