#include "orders/mapping/values.h"

#include <gtest/gtest.h>

namespace ordex::orders {
namespace {

// The value in ten-thousandths, or -1 for "not a number".
std::int64_t e4(std::optional<Decimal> d) { return d ? d->e4 : -1; }

TEST(EdiValues, Decimals) {
  EXPECT_EQ(e4(parse_edi_decimal("12")), 120000);
  EXPECT_EQ(e4(parse_edi_decimal("12.50")), 125000);
  EXPECT_EQ(e4(parse_edi_decimal("-3.5")), -35000);
  EXPECT_EQ(e4(parse_edi_decimal("+7")), 70000);
  EXPECT_EQ(e4(parse_edi_decimal(".25")), 2500);
  EXPECT_EQ(e4(parse_edi_decimal("0.00005")), 1);  // rounded half away from zero
  EXPECT_EQ(e4(parse_edi_decimal("-0.00005")), -1);
  EXPECT_EQ(e4(parse_edi_decimal("1.23444")), 12344);
  EXPECT_EQ(e4(parse_edi_decimal("12,5")), -1);
  EXPECT_EQ(e4(parse_edi_decimal("12,5", true)), 125000);
  EXPECT_EQ(e4(parse_edi_decimal("1.2.3")), -1);
  EXPECT_EQ(e4(parse_edi_decimal("12x")), -1);
  EXPECT_EQ(e4(parse_edi_decimal("")), -1);
  EXPECT_EQ(e4(parse_edi_decimal("-")), -1);
  EXPECT_EQ(e4(parse_edi_decimal("99999999999999999999")), -1);
}

TEST(EdiValues, ImpliedDecimals) {
  EXPECT_EQ(e4(parse_implied_decimal("123456", 2)), 12345600);
  EXPECT_EQ(e4(parse_implied_decimal("-500", 2)), -50000);
  EXPECT_EQ(e4(parse_implied_decimal("7", 0)), 70000);
  EXPECT_EQ(e4(parse_implied_decimal("12.34", 2)), -1);
  EXPECT_EQ(e4(parse_implied_decimal("", 2)), -1);
}

TEST(EdiValues, EdifactDateFormats) {
  auto day = [](std::string_view v, std::string_view f) {
    edi::Result<EdifactDateTime> r = parse_edifact_datetime(v, f);
    return r.ok() ? iso_day(r.value().first) + (r.value().has_time ? " t" : "") : r.error();
  };
  EXPECT_EQ(day("20261116", "102"), "2026-11-16");
  EXPECT_EQ(day("20261116", ""), "2026-11-16");
  EXPECT_EQ(day("261116", "101"), "2026-11-16");
  EXPECT_EQ(day("202611161430", "203"), "2026-11-16 t");
  EXPECT_EQ(day("20261116143005", "204"), "2026-11-16 t");
  EXPECT_EQ(day("2611161430", "201"), "2026-11-16 t");
  const EdifactDateTime range = parse_edifact_datetime("20261116-20261120", "718").value();
  EXPECT_EQ(iso_day(range.first), "2026-11-16");
  EXPECT_EQ(iso_day(range.last), "2026-11-20");
  EXPECT_FALSE(parse_edifact_datetime("20261116", "203").ok());
  EXPECT_FALSE(parse_edifact_datetime("20261332", "102").ok());
  EXPECT_NE(parse_edifact_datetime("2026W47", "616").error().find("616"), std::string::npos);
}

TEST(EdiValues, ADateAloneIsNoonWhereItWasWritten) {
  const TimeZone chicago = TimeZone::named("America/Chicago").value();
  EXPECT_EQ(format_utc(instant_of({2026, 11, 16}, false, chicago)), "2026-11-16T18:00:00Z");
  EXPECT_EQ(format_utc(instant_of({2026, 11, 16, 8, 15}, true, chicago)), "2026-11-16T14:15:00Z");
}

}  // namespace
}  // namespace ordex::orders
