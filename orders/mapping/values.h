#pragma once
// Numbers and dates as EDI writes them, read into the model's types. Pure functions.

#include <optional>
#include <string>
#include <string_view>

#include "edi/result.h"
#include "orders/model.h"
#include "orders/time_zone.h"

namespace ordex::orders {

// An EDI decimal (X12 R, EDIFACT n): "12", "-3.5", ".25", "+7", "12.50"; with
// `comma_decimal` (EDIFACT, whose decimal mark may be either) also "12,50". More than four
// decimals are rounded half away from zero (prices like 0.12345 are legal EDI), unlike
// orders/decimal.h's parse_decimal, which keeps master data exact. nullopt for anything else,
// and for values beyond the range of Decimal.
std::optional<Decimal> parse_edi_decimal(std::string_view text, bool comma_decimal = false);

// An X12 Nn value: digits with `places` implied decimals and an optional leading minus sign
// ("123456" with places 2 is 1234.56).
std::optional<Decimal> parse_implied_decimal(std::string_view text, int places);

// An EDIFACT date/time/period value (C507 2380) read by its format code (2379).
struct EdifactDateTime {
  CivilTime first;
  CivilTime last;  // the end of a period (718, 719); equal to `first` otherwise
  bool has_time = false;
};

// Formats: 101 YYMMDD, 102 CCYYMMDD, 201 YYMMDDHHMM, 202 YYMMDDHHMMSS, 203 CCYYMMDDHHMM,
// 204 CCYYMMDDHHMMSS, 718 CCYYMMDD-CCYYMMDD, 719 CCYYMMDDHHMM-CCYYMMDDHHMM. An empty format
// means 102. Failure names the problem (bad value, or a format ordex does not read).
edi::Result<EdifactDateTime> parse_edifact_datetime(std::string_view value,
                                                    std::string_view format);

// The instant a date (and maybe a time) names in `zone`. A date without a time is read as
// 12:00 that day, so the calendar day survives a conversion into any zone within 12 hours.
Instant instant_of(const CivilTime& t, bool has_time, const TimeZone& zone);

}  // namespace ordex::orders
