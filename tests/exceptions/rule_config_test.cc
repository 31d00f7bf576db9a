// RuleConfig: defaults, the properties keys of rule_config.h, and errors naming the bad key.
#include "exceptions/rule_config.h"

#include <Poco/AutoPtr.h>
#include <Poco/Util/PropertyFileConfiguration.h>
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "tests/exceptions/case_builder.h"

namespace ordex::exceptions {
namespace {

using enum ExceptionType;
using testing::dec;

edi::Result<RuleConfig> load(const std::string& text) {
  std::istringstream in(text);
  Poco::AutoPtr<Poco::Util::PropertyFileConfiguration> config(
      new Poco::Util::PropertyFileConfiguration(in));
  return RuleConfig::load(*config);
}

bool disabled(const RuleParams& p, ExceptionType t) {
  return p.disabled.test(static_cast<std::size_t>(t));
}

TEST(RuleConfig, DefaultsAreDesignMd) {
  const edi::Result<RuleConfig> r = load("");
  ASSERT_TRUE(r.ok()) << r.error();
  const RuleParams& p = r.value().params("ANYONE");
  EXPECT_EQ(p.price_tolerance_pct, dec("1"));
  EXPECT_EQ(p.qty_tolerance, dec("0"));
  EXPECT_EQ(p.asn_missing_hours, 24);
  EXPECT_EQ(p.asn_late_hours, 24);
  EXPECT_EQ(p.at_risk_silence_hours, 72);
  EXPECT_EQ(p.fa_missing_hours, 24);
  EXPECT_TRUE(p.disabled.none());
  EXPECT_EQ(r.value().severity(kAsnLate, "ANYONE"), Severity::kLow);
}

TEST(RuleConfig, GlobalAndPartnerKeys) {
  const edi::Result<RuleConfig> r = load(
      "rules.price_tolerance_pct = 1.5\n"
      "rules.qty_tolerance = 2\n"
      "rules.asn_missing_hours = 48\n"
      "rules.asn_late_hours = 12\n"
      "rules.at_risk_silence_hours = 96\n"
      "rules.fa_missing_hours = 8\n"
      "rules.disabled = ASN_LATE, PO_UNKNOWN_SHIP_TO\n"
      "partner.NORTHWIND.rules.price_tolerance_pct = 2.5\n"
      "partner.NORTHWIND.rules.disabled =\n"
      "partner.ACME.tier = key\n"
      "partner.ACME.queue = somebody-elses-setting\n");
  ASSERT_TRUE(r.ok()) << r.error();
  const RuleConfig& config = r.value();
  const RuleParams& global = config.params("OTHER");
  EXPECT_EQ(global.price_tolerance_pct, dec("1.5"));
  EXPECT_EQ(global.qty_tolerance, dec("2"));
  EXPECT_EQ(global.asn_missing_hours, 48);
  EXPECT_EQ(global.asn_late_hours, 12);
  EXPECT_EQ(global.at_risk_silence_hours, 96);
  EXPECT_EQ(global.fa_missing_hours, 8);
  EXPECT_TRUE(disabled(global, kAsnLate));
  EXPECT_TRUE(disabled(global, kPoUnknownShipTo));
  EXPECT_EQ(global.disabled.count(), 2u);

  // A partner starts from the global values and replaces what it names.
  const RuleParams& northwind = config.params("NORTHWIND");
  EXPECT_EQ(northwind.price_tolerance_pct, dec("2.5"));
  EXPECT_EQ(northwind.asn_missing_hours, 48);
  EXPECT_TRUE(northwind.disabled.none()) << "an empty list re-enables everything";
  EXPECT_EQ(config.params("ACME").price_tolerance_pct, dec("1.5"));
}

TEST(RuleConfig, SeverityOverridesAndKeyTier) {
  const edi::Result<RuleConfig> r = load(
      "severity.ASN_LATE = Medium\n"
      "partner.ACME.tier = key\n"
      "partner.NORTHWIND.tier = standard\n");
  ASSERT_TRUE(r.ok()) << r.error();
  const RuleConfig& config = r.value();
  EXPECT_EQ(config.severity(kAsnLate, "NORTHWIND"), Severity::kMedium);
  EXPECT_EQ(config.severity(kAsnLate, "ACME"), Severity::kHigh);
  EXPECT_EQ(config.severity(kDeliveryOverdue, "ACME"), Severity::kCritical);
  EXPECT_EQ(config.severity(kPoDuplicate, "NORTHWIND"), Severity::kHigh);  // catalog
  // A rule's own judgement replaces catalog and configuration; the tier still raises it.
  EXPECT_EQ(config.severity(kAsnLate, "NORTHWIND", Severity::kLow), Severity::kLow);
  EXPECT_EQ(config.severity(kCarrierException, "ACME", Severity::kMedium), Severity::kHigh);
}

TEST(RuleConfig, BadValuesNameTheKey) {
  const std::pair<const char*, const char*> cases[] = {
      {"rules.price_tolerance_pct = abc\n", "rules.price_tolerance_pct"},
      {"rules.price_tolerance_pct = -1\n", "rules.price_tolerance_pct"},
      {"rules.qty_tolerance = 1.23456\n", "rules.qty_tolerance"},
      {"rules.asn_missing_hours = 24h\n", "rules.asn_missing_hours"},
      {"rules.asn_late_hours = -3\n", "rules.asn_late_hours"},
      {"rules.at_risk_silence_hours = 2.5\n", "rules.at_risk_silence_hours"},
      {"rules.fa_missing_hours =\n", "rules.fa_missing_hours"},
      {"rules.disabled = ASN_LATE, ASN_SLOW\n", "rules.disabled"},
      {"rules.price_tolerance = 1\n", "rules.price_tolerance"},
      {"severity.ASN_SLOW = high\n", "severity.ASN_SLOW"},
      {"severity.ASN_LATE = urgent\n", "severity.ASN_LATE"},
      {"partner.ACME.tier = gold\n", "partner.ACME.tier"},
      {"partner.ACME.rules.asn_late_hours = soon\n", "partner.ACME.rules.asn_late_hours"},
      {"partner.ACME.rules.bogus = 1\n", "partner.ACME.rules.bogus"},
  };
  for (const auto& [text, key] : cases) {
    const edi::Result<RuleConfig> r = load(text);
    ASSERT_FALSE(r.ok()) << text;
    EXPECT_EQ(r.error().rfind(key, 0), 0u) << r.error();
  }
}

TEST(RuleConfig, PartnerCreatedInCodeCopiesTheGlobalParams) {
  RuleConfig config;
  config.global().asn_late_hours = 6;
  config.partner("NORTHWIND").qty_tolerance = dec("1");
  EXPECT_EQ(config.params("NORTHWIND").asn_late_hours, 6);
  EXPECT_EQ(config.params("NORTHWIND").qty_tolerance, dec("1"));
  EXPECT_EQ(config.params("ACME").qty_tolerance, dec("0"));
}

}  // namespace
}  // namespace ordex::exceptions
