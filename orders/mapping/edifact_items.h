#pragma once
// Internal to orders/mapping: EDIFACT segments several messages read the same way, written
// once. Element and component numbers are those of the D96A/D01B segment directories; where
// the two differ (BGM 1004 is simple in D96A, the first component of C106 in D01B) the reader
// takes component 1, which is the whole value of a simple element.

#include <string>
#include <string_view>

#include "orders/mapping/product_ids.h"
#include "orders/mapping/scope.h"

namespace ordex::orders::detail {

// BGM 1004: the document number (PO, shipment, invoice, status report).
void read_bgm_number(const Fields& f, std::string& out);

// LIN: 1082 line number and the C212 item id (7140:7143).
void read_lin(const Fields& f, std::string* line_number, ProductIds ids);

// PIA: up to five C212 item ids.
void read_pia(const Fields& f, ProductIds ids);

// QTY C186: qualifier (6063), quantity (6060) and unit (6411). False when the quantity is
// absent or malformed (reported).
bool read_qty(const Fields& f, std::string_view& qualifier, Decimal& quantity, std::string* uom);

// PRI C509: the price (5118) when its qualifier (5125) is AAA (net) or AAB (gross); `rank` is
// 2 for AAA and 1 for AAB so a net price wins over a gross one whatever their order.
bool read_pri(const Fields& f, Decimal& price, int& rank);

// RFF C506: qualifier (1153) and reference (1154, release characters removed).
std::string_view read_rff(const Fields& f, std::string& reference);

// A DTM's day "YYYY-MM-DD": the period's last day for a range (a deadline ends then).
std::string deadline_day(const EdifactDateTime& dt);

}  // namespace ordex::orders::detail
