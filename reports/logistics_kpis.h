#pragma once
// Logistics KPIs of one daily window (report_window.h), from the order picture. "By the
// window's end" means at its last second.
//
// - On-time delivery: orders first delivered (first carrier D1 event) in the window, delivered
//   before the end of their due day in the partner's time zone (UTC when the partner has none).
// - OTIF: of the same orders, on time and in full; in full = for every order line, the
//   quantity shipped for its product up to the window's end >= the quantity ordered.
// - Fill rate, over orders first shipped in the window (the earliest shipped item): by unit
//   sum(min(shipped, ordered)) / sum(ordered) over their lines; by line, lines shipped in full /
//   lines; by order, orders with every line shipped in full / orders.
// - Ship-notice timeliness: ship notices received in the window whose receipt is within 24 h
//   of their shipped date-time (DTM*011; a notice without one counts as late).
// - Ship-notice accuracy: of the same notices, those with no ASN_QTY_MISMATCH exception opened
//   by the window's end on any of their orders.
// - 997 compliance: outbound groups that await an acknowledgment (not themselves 997/999/TA1/
//   CONTRL) whose 24 h deadline (sent + 24 h) falls in the window, acknowledged by it.
// - EDI rejection rate: documents received in the window, rejected / all; per partner with
//   the 3 most frequent error codes of its documents' error findings.

#include <vector>

#include "reports/daily_report.h"
#include "reports/order_facts.h"

namespace ordex::reports {

LogisticsDay logistics_day(const OrderFacts& facts, const Window& window);

// Per partner, by partner id.
std::vector<PartnerEdi> edi_by_partner(const OrderFacts& facts, const Window& window);

}  // namespace ordex::reports
