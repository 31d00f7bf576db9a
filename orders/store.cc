// Opening, transactions, buffering, and the writes that cannot wait (files, interchanges,
// control numbers).
#include "orders/store.h"

#include <Poco/Exception.h>

#include <ctime>

#include "orders/connection.h"
#include "orders/database.h"
#include "orders/migrations.h"
#include "orders/store_impl.h"

namespace ordex::orders {

Store::Impl::Impl(std::unique_ptr<Poco::Data::Session> s, const Dialect& d, bool ro, int v)
    : session(std::move(s)), dialect(d), read_only(ro), version(v) {
  for (const QuerySpec& spec : query_specs()) {
    queries[static_cast<std::size_t>(spec.id)] = std::make_unique<Query>(*session, d, spec);
  }
  for (const BatchSpec& spec : batch_specs()) {
    batches[static_cast<std::size_t>(spec.id)] = std::make_unique<Batch>(*session, d, spec);
  }
}

Status Store::Impl::run(Q id) { return query(id).run(); }

Status Store::Impl::refuse_if_read_only() const {
  if (read_only) return Failure{"the database was opened read-only"};
  return Status();
}

void Store::Impl::drop_buffers() {
  for (auto& b : batches) b->clear();
  for (auto& k : keys) k.clear();
  buffered = 0;
}

Status Store::Impl::claim_key(B id, std::string key) {
  std::unordered_set<std::string>& waiting = keys[static_cast<std::size_t>(id)];
  if (waiting.count(key) != 0) {
    if (Status s = flush(); !s.ok()) return s;
  }
  waiting.insert(std::move(key));
  return Status();
}

Status Store::Impl::wrote() {
  ++buffered;
  if (!in_transaction) return flush();
  for (const auto& b : batches) {
    if (b->size() >= kMaxBufferedRows) return flush();
  }
  return Status();
}

Status Store::Impl::flush() {
  if (buffered == 0) return Status();
  const bool own_transaction = !in_transaction;
  if (own_transaction) {
    if (Status s = run(Q::kBegin); !s.ok()) {
      drop_buffers();
      return s;
    }
  }
  Status status;
  for (auto& b : batches) {
    if (status.ok()) status = b->run();
  }
  drop_buffers();
  if (own_transaction) {
    Status end = run(status.ok() ? Q::kCommit : Q::kRollback);
    if (status.ok()) status = end;
  }
  return status;
}

std::string key_of(std::initializer_list<std::string_view> parts) {
  std::string key;
  for (std::string_view p : parts) {
    key.append(p);
    key += '\x1f';  // the unit separator: not in ids
  }
  return key;
}

void add_source(Batch::Row& row, const SourceRef& s) {
  row.id(s.file_id)
      .id(s.interchange_id)
      .text(s.interchange)
      .text(s.group)
      .text(s.transaction)
      .text(s.set_id)
      .integer(s.received_at);
}

SourceRef read_source(const Query& q, std::size_t row, std::size_t c) {
  SourceRef s;
  s.file_id = q.integer(row, c);
  s.interchange_id = q.integer(row, c + 1);
  s.interchange = q.text(row, c + 2);
  s.group = q.text(row, c + 3);
  s.transaction = q.text(row, c + 4);
  s.set_id = q.text(row, c + 5);
  s.received_at = q.integer(row, c + 6);
  return s;
}

namespace {

// PERF NOTES. PostgreSQL: the batch statements join their unnest()ed rows to the parent table
// (orders, shipments, invoices). A prepared statement's generic plan is made once, when the
// tables are still small, where a sequential scan wins; the server then kept that plan while the
// tables grew (measured: 5,666 sequential scans of `shipments` reading 37.6 M rows for 30 MB of
// input; the import slowed down as the database grew). Custom plans are made for the actual
// arrays and the actual table sizes, at the price of planning every execution, which batches
// of many rows amortise (planning time not measured on its own). The named queries keep it too:
// with the default mode (generic plans after five runs) the 100 MB import took 83 s instead
// of 43 s. Batches step out of it while they run (sql_batch.h). SQLite: a 32 MiB page cache
// (default 2 MiB) keeps more of the indexes an import touches in memory instead of re-reading them
// from the OS (page-cache reads were ~3 % of an import's samples; not measured on its own since).
void tune_session(Poco::Data::Session& session, Engine engine, bool read_only) {
  using Poco::Data::Keywords::now;
  if (engine == Engine::kPostgres) {
    session << "SET plan_cache_mode = force_custom_plan", now;
  } else if (!read_only) {
    session << "PRAGMA cache_size = -32768", now;
  }
}

}  // namespace

// --- Store

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Store::~Store() {
  if (impl_ && impl_->in_transaction) (void)rollback();
}

Result<std::unique_ptr<Store>> Store::open(const std::string& url, const StoreOptions& options) {
  Result<StoreTarget> target = parse_store_url(url);
  if (!target.ok()) return Failure{target.error()};
  Result<std::unique_ptr<Poco::Data::Session>> session = open_session(target.value(), options);
  if (!session.ok()) return Failure{session.error()};
  const Dialect& dialect = Dialect::of(target.value().engine);
  const Instant now = options.clock ? options.clock() : static_cast<Instant>(std::time(nullptr));
  Result<int> version =
      prepare_schema(*session.value(), dialect, embedded_migrations(), options.read_only, now);
  if (!version.ok()) return Failure{"database " + target.value().display + ": " + version.error()};
  try {
    tune_session(*session.value(), target.value().engine, options.read_only);
    auto impl = std::make_unique<Impl>(std::move(session).value(), dialect, options.read_only,
                                       version.value());
    return std::unique_ptr<Store>(new Store(std::move(impl)));
  } catch (const Poco::Exception& e) {
    return Failure{describe_poco_error("cannot prepare statements", e.displayText())};
  }
}

Engine Store::engine() const { return impl_->dialect.engine(); }
Database Store::database() { return Database(*impl_); }
int Store::schema_version() const { return impl_->version; }
int Store::latest_schema_version() { return embedded_migrations().back().version; }
bool Store::in_transaction() const { return impl_->in_transaction; }
Status Store::flush() { return impl_->flush(); }

Status Store::begin() {
  if (impl_->in_transaction) return Failure{"begin: a transaction is already open"};
  if (Status s = impl_->run(Q::kBegin); !s.ok()) return s;
  impl_->in_transaction = true;
  return Status();
}

Status Store::commit() {
  if (!impl_->in_transaction) return Failure{"commit: no transaction is open"};
  Status s = impl_->flush();
  if (s.ok()) s = impl_->run(Q::kCommit);
  if (!s.ok()) {
    (void)rollback();
    return s;
  }
  impl_->in_transaction = false;
  return Status();
}

Status Store::rollback() {
  impl_->drop_buffers();
  if (!impl_->in_transaction) return Status();
  impl_->in_transaction = false;
  return impl_->run(Q::kRollback);
}

Result<FileRecord> Store::record_file(const InboundFile& file) {
  if (Status s = impl_->refuse_if_read_only(); !s.ok()) return Failure{s.error()};
  Query& insert = impl_->query(Q::kFileInsert);
  insert.set(0, file.sha256);
  insert.set(1, file.path);
  insert.set(2, file.bytes);
  insert.set(3, to_string(file.disposition));
  insert.set(4, file.reason);
  insert.set(5, file.imported_at);
  if (Status s = insert.run(); !s.ok()) return Failure{s.error()};
  if (insert.rows() == 1) return FileRecord{insert.integer(0, 0), false};
  Query& known = impl_->query(Q::kFileByHash);
  known.set(0, file.sha256);
  if (Status s = known.run(); !s.ok()) return Failure{s.error()};
  if (known.rows() != 1) return Failure{"file_by_hash: the file vanished during the insert"};
  return FileRecord{known.integer(0, 0), true};
}

Status Store::set_file_disposition(std::int64_t file_id, FileDisposition disposition,
                                   const std::string& reason) {
  if (Status s = impl_->refuse_if_read_only(); !s.ok()) return s;
  Query& q = impl_->query(Q::kFileSetDisposition);
  q.set(0, to_string(disposition));
  q.set(1, reason);
  q.set(2, file_id);
  return q.run();
}

Result<InterchangeState> Store::interchange_seen(const std::string& sender_qualifier,
                                                 const std::string& sender_id,
                                                 const std::string& control_number,
                                                 const std::string& content_hash) {
  Query& q = impl_->query(Q::kInterchangeHash);
  q.set(0, sender_qualifier);
  q.set(1, sender_id);
  q.set(2, control_number);
  if (Status s = q.run(); !s.ok()) return Failure{s.error()};
  if (q.rows() == 0) return InterchangeState::kNew;
  return q.text(0, 0) == content_hash ? InterchangeState::kSame : InterchangeState::kDifferent;
}

Result<std::int64_t> Store::record_interchange(const InterchangeRecord& r) {
  Result<InterchangeClaim> claim = claim_interchange(r);
  if (!claim.ok()) return Failure{claim.error()};
  if (claim.value().state != InterchangeState::kNew) {
    return Failure{"interchange_insert: interchange " + r.control_number + " from " +
                   r.sender_qualifier + ":" + r.sender_id + " is already recorded"};
  }
  return claim.value().id;
}

// The insert does nothing on a known (sender, control number) (ON CONFLICT DO NOTHING, which
// also keeps a PostgreSQL transaction usable); only then is the recorded hash read.
Result<Store::InterchangeClaim> Store::claim_interchange(const InterchangeRecord& r) {
  if (Status s = impl_->refuse_if_read_only(); !s.ok()) return Failure{s.error()};
  Query& q = impl_->query(Q::kInterchangeInsert);
  q.set(0, r.file_id);
  q.set(1, r.standard);
  q.set(2, r.sender_qualifier);
  q.set(3, r.sender_id);
  q.set(4, r.receiver_qualifier);
  q.set(5, r.receiver_id);
  q.set(6, r.control_number);
  q.set(7, r.content_hash);
  q.set(8, r.received_at);
  if (Status s = q.run(); !s.ok()) return Failure{s.error()};
  if (q.rows() == 1) return InterchangeClaim{InterchangeState::kNew, q.integer(0, 0)};
  Result<InterchangeState> seen =
      interchange_seen(r.sender_qualifier, r.sender_id, r.control_number, r.content_hash);
  if (!seen.ok()) return Failure{seen.error()};
  if (seen.value() == InterchangeState::kNew) {
    return Failure{"interchange_insert: the interchange vanished during the insert"};
  }
  return InterchangeClaim{seen.value(), 0};
}

Result<std::int64_t> Store::next_control_number(const std::string& name, std::int64_t max) {
  if (Status s = impl_->refuse_if_read_only(); !s.ok()) return Failure{s.error()};
  Query& q = impl_->query(Q::kNextControlNumber);
  q.set(0, name);
  q.set(1, max);
  if (Status s = q.run(); !s.ok()) return Failure{s.error()};
  return q.integer(0, 0);
}

}  // namespace ordex::orders
