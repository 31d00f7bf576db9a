#pragma once
// The store's SQL: every statement it runs, named, in tables by family (statements_*.cc).
// A session prepares each once and reuses it; nothing is ever built from input.
//
// Two kinds:
//  - Queries (Q): `?` placeholders typed by `params`, result columns typed by `results`.
//  - Batches (B): rows buffered column by column (`columns`), then one or more statements run
//    over all of them. A statement names the current row's values `:column` and takes its rows
//    from `{rows}` or `{from} table...` (dialect.h renders both engines). Batches flush in the
//    order of B, so parents come before the children that look them up.
//
// Type letters: i = BIGINT, t = TEXT, n = BIGINT or NULL (0 is written as NULL).
// Tokens expanded before the dialect sees the SQL, for the source columns every document
// row carries (SourceRef): {src_cols} the column names; {src_vals} the row's values
// (":col, ..."); {src_update} "col = excluded.col, ..."; {src_set_row} "col = :col, ...";
// {src_select} them for reading (NULL read as 0);
// {src} their column specs in `columns`; {src_types} their types in `results`.

#include <array>
#include <cstdint>
#include <string>

namespace ordex::orders {

enum class Q : std::uint8_t {
  kBegin,
  kCommit,
  kRollback,
  // statements_ingest.cc
  kFileInsert,
  kFileByHash,
  kFileSetDisposition,
  kInterchangeHash,
  kInterchangeInsert,
  kNextControlNumber,
  kDocumentsInFile,
  kFindingsInFile,
  kOutboundGroups,
  // statements_master.cc
  kPartnerById,
  kPartnerByEdiId,
  kItemBySku,
  kItemByUpc,
  kLocation,
  // statements_orders.cc
  kOrderByKey,
  kOrderLines,
  kOrderAcks,
  kOrderAckLines,
  kOrderInvoices,
  kOrderInvoiceLines,
  kOrderDocuments,
  kOrderEvents,
  kListOrders,
  kPartnersWithPo,
  kOrderKeysInFile,
  // statements_shipments.cc
  kOrderShipments,
  kOrderShipmentItems,
  kOrderShipmentPos,
  kShipmentsByBol,
  kShipmentsById,
  kShipmentPos,
  kCount
};

enum class B : std::uint8_t {
  // statements_master.cc
  kPartners,
  kPartnersEnsure,
  kItems,
  kLocations,
  // statements_ingest.cc
  kDocuments,
  kFindings,
  // statements_orders.cc
  kOrders,
  kOrderLines,
  kOrderCancels,
  kAcks,
  kAckLines,
  // statements_shipments.cc
  kShipments,
  kShipmentItems,
  kShipmentOrders,
  kEvents,
  // statements_orders.cc
  kInvoices,
  kInvoiceLines,
  // statements_ingest.cc
  kFunctionalAcks,
  kFunctionalAckSets,
  kOutboundGroups,
  kCount
};

inline constexpr std::size_t kQueryCount = static_cast<std::size_t>(Q::kCount);
inline constexpr std::size_t kBatchCount = static_cast<std::size_t>(B::kCount);

struct QuerySpec {
  Q id;
  const char* name;
  const char* params;   // type letters, one per `?`
  const char* results;  // type letters, one per result column ("" for none)
  const char* sql;
};

struct BatchSpec {
  B id;
  const char* name;
  const char* columns;             // "name:type name:type ..."
  std::array<const char*, 3> sql;  // run in order; unused entries are nullptr
};

// One table per family, each ending at its last entry (sizes from the arrays).
extern const QuerySpec kIngestQueries[];
extern const std::size_t kIngestQueryCount;
extern const QuerySpec kMasterQueries[];
extern const std::size_t kMasterQueryCount;
extern const QuerySpec kOrderQueries[];
extern const std::size_t kOrderQueryCount;
extern const QuerySpec kShipmentQueries[];
extern const std::size_t kShipmentQueryCount;
extern const BatchSpec kIngestBatches[];
extern const std::size_t kIngestBatchCount;
extern const BatchSpec kMasterBatches[];
extern const std::size_t kMasterBatchCount;
extern const BatchSpec kOrderBatches[];
extern const std::size_t kOrderBatchCount;
extern const BatchSpec kShipmentBatches[];
extern const std::size_t kShipmentBatchCount;

// All specs indexed by id. Every id has exactly one spec (checked by the tests).
const std::array<QuerySpec, kQueryCount>& query_specs();
const std::array<BatchSpec, kBatchCount>& batch_specs();

// Expands the {src...} tokens in SQL text or in a columns / results string.
std::string expand_source_tokens(const char* text);

}  // namespace ordex::orders
