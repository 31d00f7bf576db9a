#pragma once
// The inside of a Store: one Poco session, its prepared statements, and the write buffers.
// Internal to the store (store.cc, store_writes.cc, store_reads.cc).

#include <Poco/Data/Session.h>

#include <array>
#include <memory>
#include <string>
#include <unordered_set>

#include "orders/database.h"
#include "orders/dialect.h"
#include "orders/sql_batch.h"
#include "orders/sql_query.h"
#include "orders/statements.h"
#include "orders/store.h"

namespace ordex::orders {

struct Store::Impl {
  // A flush is forced when one buffer holds this many rows, so memory stays flat however many
  // documents one transaction carries.
  static constexpr std::size_t kMaxBufferedRows = 4096;

  Impl(std::unique_ptr<Poco::Data::Session> s, const Dialect& d, bool ro, int version);

  Query& query(Q id) { return *queries[static_cast<std::size_t>(id)]; }
  Batch& batch(B id) { return *batches[static_cast<std::size_t>(id)]; }

  // Before a row with `key` goes into an upserting batch: a key already waiting there is
  // flushed first, as one PostgreSQL INSERT ... ON CONFLICT DO UPDATE may not touch a row
  // twice (and so the later write wins on both engines).
  Status claim_key(B id, std::string key);
  // After rows were added: flush when a buffer is full, or at once outside a transaction.
  Status wrote();
  // Sends every buffer, in the order of B (parents before children).
  Status flush();
  // Before a read: buffered writes must be visible to it.
  Status before_read() { return buffered == 0 ? Status() : flush(); }
  Status run(Q id);
  // A read: flushes, then runs `q`.
  Status read(Query& q) {
    if (Status s = before_read(); !s.ok()) return s;
    return q.run();
  }
  void drop_buffers();
  Status refuse_if_read_only() const;

  std::unique_ptr<Poco::Data::Session> session;
  const Dialect& dialect;
  bool read_only;
  int version;
  bool in_transaction = false;
  std::size_t buffered = 0;  // rows waiting, all batches
  std::array<std::unique_ptr<Query>, kQueryCount> queries;
  std::array<std::unique_ptr<Batch>, kBatchCount> batches;
  std::array<std::unordered_set<std::string>, kBatchCount> keys;
};

// Writes a SourceRef's columns ({src} in statements.h); read_source (database.h) reads them.
void add_source(Batch::Row& row, const SourceRef& source);

// A documents row as read by the queries returning {src_select} + partner, PO, status, count.
DocumentRecord document_at(const Query& query, std::size_t row);

// Parts of Store::order() in store_shipment_reads.cc.
Status load_shipments(Store::Impl& impl, const StoredOrder& order, OrderDetail& detail);
Status load_events(Store::Impl& impl, const StoredOrder& order, OrderDetail& detail);

// A key for claim_key() from its parts.
std::string key_of(std::initializer_list<std::string_view> parts);

}  // namespace ordex::orders
