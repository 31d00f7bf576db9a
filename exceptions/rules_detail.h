#pragma once
// Shared by the rule files (rules_*.cc); not part of the module's API. One file per subject:
// rules_order.cc (PO_*), rules_ack.cc, rules_shipment.cc (ASN_*), rules_invoice.cc,
// rules_carrier.cc, rules_edi.cc (EDI_*), rules_outbound.cc (FA_*), rules_delivery.cc (clock).

#include <string>
#include <string_view>
#include <vector>

#include "exceptions/condition.h"
#include "exceptions/evidence.h"
#include "exceptions/order_case.h"
#include "exceptions/rule_config.h"

namespace ordex::exceptions::detail {

// One order case under evaluation.
struct CaseScope {
  const OrderCase& c;
  const RuleParams& params;
  orders::Instant now;
  std::string label;  // "Northwind Foods PO 4500012345": every summary starts with it

  Condition condition(ExceptionType type, std::string subject) const;
};

std::string case_label(const OrderCase& c);

// Marks `type` evaluated with `reason_when_clear`. False when the type is disabled: then it is
// marked evaluated with the reason "rule disabled" and the rule must find nothing.
bool start(Evaluation& out, ExceptionType type, const RuleParams& params,
           std::string reason_when_clear);

// The order-scope rules, each marking its own types evaluated.
void order_rules(const CaseScope& s, Evaluation& out);
void invalid_dates_rule(const CaseScope& s, Evaluation& out);  // rules_order_dates.cc
void ack_rules(const CaseScope& s, Evaluation& out);
void shipment_rules(const CaseScope& s, Evaluation& out);
void invoice_rules(const CaseScope& s, Evaluation& out);
void carrier_rules(const CaseScope& s, Evaluation& out);
void order_document_rules(const CaseScope& s, Evaluation& out);

// DELIVERY_AT_RISK (rules_at_risk.cc), for evaluate_delivery(); `due_end` is when the due day
// ends in the partner's zone, nullopt without a valid due day.
void delivery_at_risk(const DeliveryFacts& f, const RuleParams& p, orders::Instant now,
                      std::optional<orders::Instant> due_end, Evaluation& out);

// A rejected document, told the same way in order and file scope (rules_edi.cc).
std::string rejected_document_subject(const orders::DocumentRecord& d);
std::string rejected_document_summary(const orders::DocumentRecord& d);
std::string rejected_document_evidence(const orders::DocumentRecord& d);

// --- comparisons ---
orders::Decimal abs_diff(orders::Decimal a, orders::Decimal b);
// |actual - expected| more than `pct` percent of |expected|; exactly at the tolerance is within.
bool beyond_pct(orders::Decimal actual, orders::Decimal expected, orders::Decimal pct);
// |a - b| more than `tolerance` units.
bool beyond_units(orders::Decimal a, orders::Decimal b, orders::Decimal tolerance);
// A valid ISO day strictly after another valid ISO day; false when either is not a day.
bool day_after(std::string_view day, std::string_view reference);

// --- products: lines, shipped items, invoice lines and ack lines name items the same ways ---
struct ProductIds {
  std::string_view sku, upc, buyer_part;
};
bool same_product(const ProductIds& a, const ProductIds& b);
// "item SKU-9", "UPC 012345678905", "buyer part BP-1", "an unidentified item".
std::string product_text(const ProductIds& p);
// The first id present, for subjects: "SKU-9".
std::string product_key(const ProductIds& p);

// What the ship notices shipped of each order line. An item goes to the first line naming the
// same product that is not yet filled, else the last such line, so an order listing one
// product on two lines is compared line by line.
struct ShippedItem {
  ProductIds product;
  orders::Decimal quantity;
  std::string uom;
  std::string shipment_id;
  std::int64_t file_id = 0;
};
struct ShippedLines {
  bool any_notice = false;                    // at least one ship notice names the PO
  std::vector<orders::Decimal> quantity;      // per order line
  std::vector<std::vector<std::string>> ids;  // per order line: the shipments that carried it
  std::vector<std::int64_t> file_id;          // per order line: the latest carrying file
  std::vector<ShippedItem> unmatched;         // items on no order line (none without an order)
};
ShippedLines shipped_by_line(const OrderCase& c);

// A carrier event about a shipment: one naming that shipment id or bill of lading, or one that
// names neither (it is about the PO as a whole).
bool concerns(const orders::ShipmentEvent& e, std::string_view shipment_id,
              std::string_view bill_of_lading);
// Two carrier events about the same goods (same rule, both ways).
bool same_goods(const orders::ShipmentEvent& a, const orders::ShipmentEvent& b);

// --- texts ---
// "2026-11-20 08:00 America/Chicago": wall-clock time where the partner is.
std::string when_text(orders::Instant instant, const orders::TimeZone& zone);
// "26 h 30 min", "72 h": a duration in whole minutes, rounded down.
std::string duration_text(std::int64_t seconds);
std::string qty_text(orders::Decimal quantity, std::string_view uom);  // "8 EA"
std::string money_text(orders::Decimal amount);                        // "12.50"
std::string document_name(std::string_view set_id);                    // "purchase order (850)"
std::string join(const std::vector<std::string>& parts);               // "a, b and c"
// "interchange 000000123 group 1 set 0001", what a rep gives EDI support to find a document.
std::string control_text(const orders::SourceRef& source);
void add_controls(Evidence& evidence, const orders::SourceRef& source);

}  // namespace ordex::exceptions::detail
