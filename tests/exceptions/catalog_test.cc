#include "exceptions/catalog.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace ordex::exceptions {
namespace {

TEST(Catalog, EveryTypeHasItsDesignName) {
  // DESIGN.md's catalog, in its order: names are a contract with scripts and reports.
  const char* const expected[] = {
      "EDI_REJECTED",      "EDI_DUPLICATE",      "PO_DUPLICATE",     "PO_UNKNOWN_ITEM",
      "PO_PRICE_MISMATCH", "PO_UNKNOWN_SHIP_TO", "PO_INVALID_DATES", "ACK_REJECTED",
      "ASN_QTY_MISMATCH",  "ASN_UNKNOWN_PO",     "ASN_MISSING",      "ASN_LATE",
      "INVOICE_MISMATCH",  "DELIVERY_LATE",      "DELIVERY_AT_RISK", "DELIVERY_OVERDUE",
      "CARRIER_EXCEPTION", "FA_MISSING",         "FA_REJECTED"};
  ASSERT_EQ(std::size(expected), catalog().size());
  for (std::size_t i = 0; i < catalog().size(); ++i) {
    EXPECT_EQ(catalog()[i].name, expected[i]);
    EXPECT_EQ(static_cast<std::size_t>(catalog()[i].type), i) << "entries are indexed by type";
    EXPECT_EQ(exception_type_from(expected[i]), catalog()[i].type);
  }
  EXPECT_EQ(exception_type_from("asn_missing"), std::nullopt);
}

TEST(Catalog, ClockRulesAreTheTimeBasedOnes) {
  std::set<std::string> clock;
  for (const CatalogEntry& e : catalog()) {
    if (e.trigger == Trigger::kClock) clock.emplace(e.name);
  }
  EXPECT_EQ(clock, (std::set<std::string>{"ASN_MISSING", "DELIVERY_AT_RISK", "DELIVERY_OVERDUE",
                                          "FA_MISSING"}));
}

TEST(Severity, NamesRoundTripAndRaiseStopsAtCritical) {
  for (Severity s : {Severity::kCritical, Severity::kHigh, Severity::kMedium, Severity::kLow}) {
    EXPECT_EQ(severity_from(to_string(s)), s);
  }
  EXPECT_EQ(raised(Severity::kLow), Severity::kMedium);
  EXPECT_EQ(raised(Severity::kHigh), Severity::kCritical);
  EXPECT_EQ(raised(Severity::kCritical), Severity::kCritical);
  EXPECT_EQ(severity_from("urgent"), std::nullopt);
}

}  // namespace
}  // namespace ordex::exceptions
