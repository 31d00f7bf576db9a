#include "orders/statements.h"

#include <cassert>
#include <span>

#include "orders/dialect.h"

namespace ordex::orders {

namespace {

constexpr QuerySpec kTransactionQueries[] = {
    {Q::kBegin, "begin", "", "", "{begin}"},
    {Q::kCommit, "commit", "", "", "COMMIT"},
    {Q::kRollback, "rollback", "", "", "ROLLBACK"},
};

std::array<QuerySpec, kQueryCount> collect_queries() {
  std::array<QuerySpec, kQueryCount> all{};
  for (std::span<const QuerySpec> table :
       {std::span<const QuerySpec>(kTransactionQueries),
        std::span<const QuerySpec>(kIngestQueries, kIngestQueryCount),
        std::span<const QuerySpec>(kMasterQueries, kMasterQueryCount),
        std::span<const QuerySpec>(kOrderQueries, kOrderQueryCount),
        std::span<const QuerySpec>(kShipmentQueries, kShipmentQueryCount)}) {
    for (const QuerySpec& spec : table) all[static_cast<std::size_t>(spec.id)] = spec;
  }
  return all;
}

std::array<BatchSpec, kBatchCount> collect_batches() {
  std::array<BatchSpec, kBatchCount> all{};
  for (std::span<const BatchSpec> table :
       {std::span<const BatchSpec>(kIngestBatches, kIngestBatchCount),
        std::span<const BatchSpec>(kMasterBatches, kMasterBatchCount),
        std::span<const BatchSpec>(kOrderBatches, kOrderBatchCount),
        std::span<const BatchSpec>(kShipmentBatches, kShipmentBatchCount)}) {
    for (const BatchSpec& spec : table) all[static_cast<std::size_t>(spec.id)] = spec;
  }
  return all;
}

}  // namespace

const std::array<QuerySpec, kQueryCount>& query_specs() {
  static const std::array<QuerySpec, kQueryCount> kAll = collect_queries();
  return kAll;
}

const std::array<BatchSpec, kBatchCount>& batch_specs() {
  static const std::array<BatchSpec, kBatchCount> kAll = collect_batches();
  return kAll;
}

std::string expand_source_tokens(const char* text) {
  std::string out = text;
  out = replace_all(std::move(out), "{src_cols}",
                    "src_file_id, src_interchange_id, src_interchange, src_group, "
                    "src_transaction, src_set, received_at");
  out = replace_all(std::move(out), "{src_vals}",
                    ":src_file_id, :src_interchange_id, :src_interchange, :src_group, "
                    ":src_transaction, :src_set, :received_at");
  out = replace_all(std::move(out), "{src_update}",
                    "src_file_id = excluded.src_file_id, "
                    "src_interchange_id = excluded.src_interchange_id, "
                    "src_interchange = excluded.src_interchange, src_group = excluded.src_group, "
                    "src_transaction = excluded.src_transaction, src_set = excluded.src_set, "
                    "received_at = excluded.received_at");
  out = replace_all(std::move(out), "{src_set_row}",
                    "src_file_id = :src_file_id, src_interchange_id = :src_interchange_id, "
                    "src_interchange = :src_interchange, src_group = :src_group, "
                    "src_transaction = :src_transaction, src_set = :src_set, "
                    "received_at = :received_at");
  out = replace_all(std::move(out), "{src_select}",
                    "COALESCE(src_file_id, 0), COALESCE(src_interchange_id, 0), src_interchange, "
                    "src_group, src_transaction, src_set, received_at");
  out = replace_all(std::move(out), "{src_types}", "iitttti");
  return replace_all(std::move(out), "{src}",
                     "src_file_id:n src_interchange_id:n src_interchange:t src_group:t "
                     "src_transaction:t src_set:t received_at:i");
}

}  // namespace ordex::orders
