// evaluate_order: every order-scope rule over one case, each in its own file (rules_detail.h).
#include "exceptions/rules.h"

#include "exceptions/rules_detail.h"

namespace ordex::exceptions {

Evaluation evaluate_order(const OrderCase& c, const RuleConfig& config, orders::Instant now) {
  const RuleParams& params = config.params(c.partner_id);
  const detail::CaseScope scope{c, params, now, detail::case_label(c)};
  Evaluation out;
  detail::order_rules(scope, out);
  detail::ack_rules(scope, out);
  detail::shipment_rules(scope, out);
  detail::invoice_rules(scope, out);
  detail::carrier_rules(scope, out);
  detail::order_document_rules(scope, out);
  if (c.order) {
    evaluate_delivery(delivery_facts(c), params, now, out);
  } else {
    // The clock rules measure an order's dates; a case without its order has none.
    for (ExceptionType t : {ExceptionType::kAsnMissing, ExceptionType::kDeliveryLate,
                            ExceptionType::kDeliveryOverdue, ExceptionType::kDeliveryAtRisk}) {
      (void)detail::start(out, t, params, "no order received for the PO");
    }
  }
  return out;
}

}  // namespace ordex::exceptions
