#pragma once
// The statements of the case loader (case_loader.h), one per part of a case. Internal to
// case_loader*.cc.
//
// Every page statement reads the staged keys `k` of one file with ordinals in (from, to] (the
// parameters "iii": file id, from, to; three times for the carrier events) and returns the
// key's ordinal first, ordered by ordinal and then as Store::order_activity orders that part,
// so a page is assembled in one pass over each result.

#include "orders/database.h"

namespace ordex::exceptions::case_sql {

enum Part : std::size_t {
  kKeys,  // ordinal, partner, PO, partner found (0/1) and its columns
  kOrders,
  kOrderLines,
  kAcks,
  kAckLines,
  kShipments,
  kShipmentItems,
  kShipmentPos,
  kEvents,
  kInvoices,
  kInvoiceLines,
  kDocuments,
  kItems,       // distinct catalog items a line names: kind 0 by sku, 1 by upc (lowest sku)
  kLocations,   // distinct ship-to locations
  kExceptions,  // exception_rows.h's columns, then the ordinal
  kPartCount
};

// The page statements, indexed by Part.
const orders::SqlQuery& page_query(Part part);

// Staging: removes a file's keys ("i"); stages them ("i" x 8: the file id as the key's file,
// then once per source table), numbered in (partner, PO) order; counts them ("i" -> "i").
extern const orders::SqlQuery kUnstage;
extern const orders::SqlQuery kStage;
extern const orders::SqlQuery kStagedCount;

}  // namespace ordex::exceptions::case_sql
