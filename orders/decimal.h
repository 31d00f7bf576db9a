#pragma once
// Text to and from Decimal (model.h: fixed point, 4 places), exactly: no binary floating
// point on the way, so "19.99" in a price list compares equal to "19.99" in a PO1.

#include <optional>
#include <string>
#include <string_view>

#include "orders/model.h"

namespace ordex::orders {

// "12", "12.5", "-0.0001", "+3.", ".5": an optional sign, digits, an optional point and at
// most 4 decimals, at least one digit in all. nullopt for anything else (spaces, exponents,
// thousands separators, a fifth decimal, values beyond the int64 range).
std::optional<Decimal> parse_decimal(std::string_view text);

// The shortest text that parses back to `value`: 125000 -> "12.5", 120000 -> "12".
std::string to_string(Decimal value);

}  // namespace ordex::orders
