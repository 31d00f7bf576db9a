#pragma once
// The parameters of the rules (DESIGN.md "Default rule parameters"), globally and per partner,
// and how a partner's tier and the configuration set severity.
//
// Read from the properties file of `ordex run` / `ordex sweep` (Poco::Util):
//
//   rules.price_tolerance_pct = 1          # PO_PRICE_MISMATCH, INVOICE_MISMATCH price
//   rules.qty_tolerance = 0                # ASN_QTY_MISMATCH, INVOICE_MISMATCH quantity (units)
//   rules.asn_missing_hours = 24           # after the end of the ship-by day
//   rules.asn_late_hours = 24              # after the shipped date-time
//   rules.at_risk_silence_hours = 72       # no carrier event this long after shipping
//   rules.fa_missing_hours = 24            # after an outbound group was sent
//   rules.disabled = ASN_LATE, PO_UNKNOWN_SHIP_TO
//   severity.ASN_LATE = medium             # the catalog's default severity, overridden
//   partner.NORTHWIND.tier = key           # key: every severity one step more urgent
//   partner.NORTHWIND.rules.price_tolerance_pct = 2.5   # any rules.* key, for one partner
//
// A key that is present but malformed is an error naming the key (exit 2), never ignored.

#include <bitset>
#include <map>
#include <optional>
#include <string>

#include "edi/result.h"
#include "exceptions/catalog.h"
#include "orders/model.h"

namespace Poco::Util {
class AbstractConfiguration;
}

namespace ordex::exceptions {

struct RuleParams {
  orders::Decimal price_tolerance_pct{10000};  // 1 %
  orders::Decimal qty_tolerance{0};            // units
  std::int64_t asn_missing_hours = 24;
  std::int64_t asn_late_hours = 24;
  std::int64_t at_risk_silence_hours = 72;
  std::int64_t fa_missing_hours = 24;
  std::bitset<kExceptionTypeCount> disabled;

  bool enabled(ExceptionType type) const { return !disabled.test(static_cast<std::size_t>(type)); }
};

class RuleConfig {
 public:
  RuleConfig() = default;
  static edi::Result<RuleConfig> load(const Poco::Util::AbstractConfiguration& config);

  const RuleParams& params(const std::string& partner_id) const;
  // The catalog's severity, overridden by severity.TYPE, then raised one step for a `key`
  // tier partner. A rule's own judgement (Condition::severity) replaces the first two.
  Severity severity(ExceptionType type, const std::string& partner_id,
                    std::optional<Severity> rule_says = std::nullopt) const;

  RuleParams& global() { return global_; }
  RuleParams& partner(const std::string& partner_id);  // created from the global ones
  void set_severity(ExceptionType type, Severity severity) {
    severity_[static_cast<std::size_t>(type)] = severity;
  }
  void set_key_partner(const std::string& partner_id) { key_partners_[partner_id] = true; }

 private:
  RuleParams global_;
  std::map<std::string, RuleParams> partners_;
  std::array<std::optional<Severity>, kExceptionTypeCount> severity_{};
  std::map<std::string, bool> key_partners_;
};

}  // namespace ordex::exceptions
