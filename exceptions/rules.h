#pragma once
// The exception rules (DESIGN.md "Exception types", "Default rule parameters"): pure functions
// from what ordex knows to the conditions that should have an open exception. No store, no
// clock, no I/O: time comes only from `now`, so the same inputs always give the same
// Evaluation, and `--as-of` reruns are reproducible.
//
// Every function marks each type of its scope as evaluated, with the reason an open exception
// of that type is resolved when its condition is no longer found. A type disabled in the
// parameters is still marked evaluated (reason "rule disabled") so its open exceptions close.
//
// Thread safety: none needed; the functions touch only their arguments.

#include <string>
#include <vector>

#include "exceptions/condition.h"
#include "exceptions/file_case.h"
#include "exceptions/order_case.h"
#include "exceptions/rule_config.h"
#include "orders/store_records.h"

namespace ordex::exceptions {

// Every order-scope type for one (partner, PO): PO_*, ACK_REJECTED, ASN_QTY_MISMATCH,
// ASN_UNKNOWN_PO, ASN_LATE, INVOICE_MISMATCH, CARRIER_EXCEPTION, EDI_REJECTED for documents
// naming the PO, and the clock rules of evaluate_delivery(). Parameters are the partner's
// (config.params(c.partner_id)).
Evaluation evaluate_order(const OrderCase& c, const RuleConfig& config, orders::Instant now);

// ASN_MISSING, DELIVERY_LATE, DELIVERY_OVERDUE, DELIVERY_AT_RISK for one order, appended to
// `out`. The sweep calls this for every open order: it allocates only for a condition found
// and for reason texts longer than a reused `out` already holds (Evaluation::reset()).
void evaluate_delivery(const DeliveryFacts& facts, const RuleParams& params, orders::Instant now,
                       Evaluation& out);

// FA_MISSING and FA_REJECTED for the outbound groups sent to one partner (groups of other
// partners are ignored). Subject: "group <functional id> <control number>".
Evaluation evaluate_outbound_groups(const std::string& partner_id,
                                    const std::vector<orders::OutboundGroupStatus>& groups,
                                    const RuleParams& params, orders::Instant now);

// EDI_REJECTED for documents naming no PO and for interchanges or groups rejected as a whole,
// EDI_DUPLICATE for interchanges resent with different content. Conditions have an empty PO;
// subjects start with "file <id>" so the same control number in two files stays two
// exceptions. A condition is dropped when its type is disabled for its partner; the type's
// reason is "rule disabled" only when the global parameters disable it (one reason per type
// and scope, and a file's partners may differ). The one-argument form disables nothing.
Evaluation evaluate_file(const FileCase& file, const RuleConfig& config);
Evaluation evaluate_file(const FileCase& file);

}  // namespace ordex::exceptions
