#pragma once
// The order store: one API over SQLite (the embedded default) and PostgreSQL (several
// daemons sharing one database). Same schema, same statements, same tests on both.
//
//   auto store = Store::open("orders.db");            // or "postgresql://ordex@db:5432/ordex"
//   if (!store.ok()) return Failure{store.error()};
//   Store& s = *store.value();
//   if (auto seen = s.interchange_seen(q, id, control, hash); seen.ok() && ...) ...
//   Status st = s.begin();                            // one interchange per transaction
//   st = s.put_order(order);                          // buffered
//   st = s.commit();                                  // everything or nothing
//
// Opening: a plain path, `sqlite:PATH` or `sqlite://PATH` opens (creating if needed) a SQLite
// file in WAL mode with foreign keys on and a busy timeout; `postgresql://user[:pw]@host[:port]
// /db[?key=value&...]` (or `postgres://`, or a libpq "key=value ..." string) connects to
// PostgreSQL. The schema version is checked at open: an older database is migrated in one
// transaction, a newer one is refused.
//
// Errors are values: nothing here throws; database errors come back as Status / Result with
// the statement name and the engine's message.
//
// Writes. Master data and document writes (put_*, add_*, upsert_*) are buffered and sent in
// batches, one statement per table, when the transaction commits, before any read, or when a
// buffer fills; outside begin()/commit() each write is flushed in its own transaction. So a
// constraint error can surface at a later write, a read or commit(); after any error inside
// a transaction call rollback(). record_file, record_interchange, set_file_disposition and
// next_control_number run at once (their answers are needed right away).
//
// Children are replaced with their parent: put_order replaces the order's lines, put_shipment
// its items and order links, put_invoice its lines. Keys: partners by partner_id, items by
// (partner, sku), locations by (partner, code), orders by (partner, PO), shipments by (partner,
// shipment id), invoices by (partner, invoice number), events by (carrier, PO, bill of lading,
// status, at) and acknowledgments by their source document (interchange id, group, transaction):
// writing a key again updates (or, for events and acknowledgments, is ignored).
//
// Thread safety: a Store is one database session; use it from one thread at a time. Open one
// Store per thread or daemon; SQLite serialises writers (busy timeout), PostgreSQL does not.

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "orders/model.h"
#include "orders/status.h"
#include "orders/store_records.h"

namespace ordex::orders {

class Database;

struct StoreOptions {
  // Open without writing: no migration, every write fails. For reports.
  bool read_only = false;
  // SQLite: open an existing database only, never create one (read_only implies it). For the
  // commands that work a store `ordex run` or `ordex serve` made: a mistyped --db is an error,
  // not a new empty database that lists nothing.
  bool must_exist = false;
  // SQLite: how long to wait for another writer's lock before failing with "locked".
  std::chrono::milliseconds busy_timeout{5000};
  // SQLite: enforce foreign keys on every write. The importer (`ordex run`, the daemon's
  // import jobs) turns this off: every parent it references (partner, file, interchange,
  // order, shipment) it has written or checked itself in the same transaction, and the
  // per-row parent lookups were 12-15 % of an import's CPU (100 MB X12 mix). The schema still
  // declares the keys: PostgreSQL enforces them always, the store and ingest suites run on
  // both engines, and an ingest test checks a SQLite import with `PRAGMA foreign_key_check`.
  bool enforce_foreign_keys = true;
  // PostgreSQL: how long to try to connect.
  std::chrono::seconds connect_timeout{10};
  // Clock for the schema_version audit column (the only time the store reads by itself).
  std::function<Instant()> clock;
};

class Store {
 public:
  static Result<std::unique_ptr<Store>> open(const std::string& url,
                                             const StoreOptions& options = {});
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  Engine engine() const;
  int schema_version() const;          // of the open database (== latest_schema_version())
  static int latest_schema_version();  // the newest this build knows

  // --- Transactions: one interchange per transaction.
  Status begin();
  Status commit();    // flushes, then commits; on failure the transaction is rolled back
  Status rollback();  // drops buffered writes too
  bool in_transaction() const;
  Status flush();  // sends buffered writes now (normally not needed)

  // --- Files, interchanges, control numbers (immediate).
  // Records a file by its SHA-256; when that hash is known, returns the existing id.
  Result<FileRecord> record_file(const InboundFile& file);
  Status set_file_disposition(std::int64_t file_id, FileDisposition disposition,
                              const std::string& reason);
  Result<InterchangeState> interchange_seen(const std::string& sender_qualifier,
                                            const std::string& sender_id,
                                            const std::string& control_number,
                                            const std::string& content_hash);
  // Fails on a (sender, control number) already recorded: check interchange_seen first.
  Result<std::int64_t> record_interchange(const InterchangeRecord& interchange);
  // interchange_seen and record_interchange in one: records the interchange when its sender and
  // control number are new (state kNew, its id), else says whether the recorded one has the same
  // content (kSame / kDifferent, id 0) and writes nothing. One round trip for a new interchange.
  // Inside a transaction, a rollback forgets the record, as for record_interchange.
  struct InterchangeClaim {
    InterchangeState state = InterchangeState::kNew;
    std::int64_t id = 0;
  };
  Result<InterchangeClaim> claim_interchange(const InterchangeRecord& interchange);
  // Increments the named counter and returns the new value: 1, 2, ... max, then 1 again.
  Result<std::int64_t> next_control_number(const std::string& name, std::int64_t max = 999999999);

  // --- Master data (buffered).
  Status upsert_partner(const TradingPartner& partner);
  Status ensure_partner(const TradingPartner& partner);  // inserts unless the id or EDI id exists
  Status upsert_item(const Item& item);
  Status upsert_location(const Location& location);

  // --- Documents (buffered).
  Status add_document(const DocumentRecord& document);
  Status add_finding(const FindingRecord& finding);
  // Status is kCancelled for purpose kCancel, else kOpen; `originals` counts kOriginal.
  Status put_order(const Order& order);
  // Marks an existing order cancelled, keeping its lines; no-op for an unknown order.
  Status cancel_order(const std::string& partner_id, const std::string& po_number,
                      const SourceRef& source);
  Status add_order_ack(const OrderAcknowledgment& ack);  // needs source.interchange_id
  Status put_shipment(const Shipment& shipment);
  Status add_shipment_event(const ShipmentEvent& event);
  Status put_invoice(const Invoice& invoice);
  Status add_functional_ack(const FunctionalAck& ack);  // needs source.interchange_id
  Status add_outbound_group(const OutboundGroup& group);

  // --- Reads (flush buffered writes first, so they see them).
  Result<std::optional<TradingPartner>> partner(const std::string& partner_id);
  Result<std::optional<TradingPartner>> partner_by_edi_id(const std::string& qualifier,
                                                          const std::string& edi_id);
  Result<std::optional<Item>> item_by_sku(const std::string& partner_id, const std::string& sku);
  Result<std::optional<Item>> item_by_upc(const std::string& partner_id, const std::string& upc);
  Result<std::optional<Location>> location(const std::string& partner_id,
                                           const std::string& location_code);
  Result<std::optional<InboundFile>> file_by_hash(const std::string& sha256);
  Result<std::optional<OrderDetail>> order(const std::string& partner_id,
                                           const std::string& po_number);
  // The order's detail, or, when no order has that key, everything that arrived for it anyway
  // (ship notices, carrier events, invoices, documents naming the PO) with order.id 0.
  Result<OrderDetail> order_activity(const std::string& partner_id, const std::string& po_number);
  Result<std::vector<OrderSummary>> list_orders(const OrderQuery& query = {});
  Result<std::vector<std::string>> partners_with_po(const std::string& po_number);
  // Every (partner, PO) a file's documents are about: its orders, acknowledgments, ship
  // notices, invoices and documents, and for its carrier events every partner with that PO
  // (an order or a ship notice). What the exception rules re-check after an import.
  Result<std::vector<std::pair<std::string, std::string>>> order_keys_in_file(std::int64_t file_id);
  // Ship notices by REF*BM / by BSN02 (any partner), with their PO numbers, without items:
  // how a carrier event that names no PO finds its order.
  Result<std::vector<Shipment>> shipments_by_bill_of_lading(const std::string& bill_of_lading);
  Result<std::vector<Shipment>> shipments_by_shipment_id(const std::string& shipment_id);
  Result<std::vector<DocumentRecord>> documents_in_file(std::int64_t file_id);
  Result<std::vector<FindingRecord>> findings_in_file(std::int64_t file_id);
  Result<std::vector<OutboundGroupStatus>> outbound_groups();

  // The same session for modules that keep tables of their own (orders/database.h).
  Database database();

  struct Impl;

 private:
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace ordex::orders
