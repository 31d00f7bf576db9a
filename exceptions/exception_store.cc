#include "exceptions/exception_store.h"

#include <array>

#include "exceptions/exception_rows.h"

namespace ordex::exceptions {

namespace {

// The column names and types after id, from the one list in exception_rows.h.
struct WriteColumns {
  std::vector<std::string> names;
  std::string types;  // as bound: optional columns are bound as integers (0 = NULL)
  std::string nullable;
};

const WriteColumns& write_columns() {
  static const WriteColumns columns = [] {
    WriteColumns c;
    const std::string_view all = rows::kSelectColumns;
    std::size_t start = 0;
    for (std::size_t i = 0; start <= all.size(); ++i) {
      std::size_t end = all.find(", ", start);
      if (end == std::string_view::npos) end = all.size();
      if (i > 0) {  // skip id
        c.names.emplace_back(all.substr(start, end - start));
        const char type = rows::kSelectTypes[i];
        c.types += type == 'n' ? 'i' : type;
        c.nullable += type == 'n' ? '1' : '0';
      }
      start = end + 2;
    }
    return c;
  }();
  return columns;
}

std::string value_sql(std::size_t i) {
  return write_columns().nullable[i] == '1' ? "NULLIF(CAST(? AS BIGINT), 0)" : "?";
}

std::string insert_sql() {
  const WriteColumns& c = write_columns();
  std::string names, values;
  for (std::size_t i = 0; i < c.names.size(); ++i) {
    if (i > 0) {
      names += ", ";
      values += ", ";
    }
    names += c.names[i];
    values += value_sql(i);
  }
  return "INSERT INTO exceptions (" + names + ") VALUES (" + values + ") RETURNING id";
}

std::string update_sql() {
  const WriteColumns& c = write_columns();
  std::string set;
  for (std::size_t i = 0; i < c.names.size(); ++i) {
    if (i > 0) set += ", ";
    set += c.names[i] + " = " + value_sql(i);
  }
  return "UPDATE exceptions SET " + set + " WHERE id = ?";
}

std::string select_sql(const char* where) {
  return std::string("SELECT ") + rows::kSelectColumns + " FROM exceptions " + where;
}

}  // namespace

struct ExceptionStore::Statements {
  std::unique_ptr<orders::Query> by_id, by_key, of_order, insert, update;
  std::unique_ptr<orders::Query> audit_insert, audit_trail, wait_insert, wait_end, waits;
};

ExceptionStore::ExceptionStore(orders::Store& store, std::unique_ptr<Statements> statements)
    : store_(&store), statements_(std::move(statements)) {}
ExceptionStore::ExceptionStore(ExceptionStore&&) noexcept = default;
ExceptionStore& ExceptionStore::operator=(ExceptionStore&&) noexcept = default;
ExceptionStore::~ExceptionStore() = default;

Result<ExceptionStore> ExceptionStore::open(orders::Store& store) {
  orders::Database db = store.database();
  if (Result<int> v = db.migrate("exceptions", exception_migrations()); !v.ok()) {
    return Failure{v.error()};
  }
  // The texts outlive the prepare calls: Query keeps its own copy of the SQL.
  static const std::string by_id = select_sql("WHERE id = ?");
  static const std::string by_key = select_sql("WHERE dedupe_key = ?");
  static const std::string of_order =
      select_sql("WHERE partner_id = ? AND po_number = ? ORDER BY id");
  static const std::string insert = insert_sql();
  static const std::string update = update_sql();
  static const std::string write_types = write_columns().types;
  static const std::string update_types = write_types + "i";

  auto statements = std::make_unique<Statements>();
  struct Prepare {
    std::unique_ptr<orders::Query>* into;
    orders::SqlQuery query;
  };
  const Prepare all[] = {
      {&statements->by_id, {"exception_by_id", "i", rows::kSelectTypes, by_id.c_str()}},
      {&statements->by_key, {"exception_by_key", "t", rows::kSelectTypes, by_key.c_str()}},
      {&statements->of_order, {"exceptions_of_order", "tt", rows::kSelectTypes, of_order.c_str()}},
      {&statements->insert, {"exception_insert", write_types.c_str(), "i", insert.c_str()}},
      {&statements->update, {"exception_update", update_types.c_str(), "", update.c_str()}},
      {&statements->audit_insert,
       {"exception_audit_insert", "iittttt", "",
        "INSERT INTO exception_audit (exception_id, at, actor, action, before_json, after_json, "
        "note) VALUES (?, ?, ?, ?, ?, ?, ?)"}},
      {&statements->audit_trail,
       {"exception_audit_trail", "i", "iiittttt",
        "SELECT id, exception_id, at, actor, action, before_json, after_json, note "
        "FROM exception_audit WHERE exception_id = ? ORDER BY at, id"}},
      {&statements->wait_insert,
       {"exception_wait_insert", "iit", "",
        "INSERT INTO exception_pauses (exception_id, started_at, waiting_on) VALUES (?, ?, ?)"}},
      {&statements->wait_end,
       {"exception_wait_end", "ii", "",
        "UPDATE exception_pauses SET ended_at = ? WHERE exception_id = ? AND ended_at IS NULL"}},
      {&statements->waits,
       {"exception_waits", "i", "iint",
        "SELECT exception_id, started_at, ended_at, waiting_on FROM exception_pauses "
        "WHERE exception_id = ? ORDER BY started_at, id"}},
  };
  for (const Prepare& p : all) {
    Result<std::unique_ptr<orders::Query>> q = db.prepare(p.query);
    if (!q.ok()) return Failure{q.error()};
    *p.into = std::move(q).value();
  }
  return ExceptionStore(store, std::move(statements));
}

Result<std::vector<ExceptionRecord>> ExceptionStore::records(orders::Query& q) {
  if (Status s = database().run(q); !s.ok()) return Failure{s.error()};
  std::vector<ExceptionRecord> out;
  out.reserve(q.rows());
  for (std::size_t r = 0; r < q.rows(); ++r) out.push_back(rows::read(q, r));
  return out;
}

namespace {

Result<std::optional<ExceptionRecord>> first(Result<std::vector<ExceptionRecord>> found) {
  if (!found.ok()) return Failure{found.error()};
  if (found.value().empty()) return std::optional<ExceptionRecord>();
  return std::optional<ExceptionRecord>(std::move(found.value().front()));
}

}  // namespace

Result<std::optional<ExceptionRecord>> ExceptionStore::by_id(std::int64_t id) {
  statements_->by_id->set(0, id);
  return first(records(*statements_->by_id));
}

Result<std::optional<ExceptionRecord>> ExceptionStore::by_key(const std::string& key) {
  statements_->by_key->set(0, key);
  return first(records(*statements_->by_key));
}

Result<std::vector<ExceptionRecord>> ExceptionStore::of_order(const std::string& partner_id,
                                                              const std::string& po_number) {
  statements_->of_order->set(0, partner_id);
  statements_->of_order->set(1, po_number);
  return records(*statements_->of_order);
}

Result<std::int64_t> ExceptionStore::insert(const ExceptionRecord& record) {
  orders::Query& q = *statements_->insert;
  rows::bind(q, 0, record);
  if (Status s = database().run(q); !s.ok()) return Failure{s.error()};
  if (q.rows() != 1) return Failure{"exception_insert: no id returned"};
  return q.integer(0, 0);
}

Status ExceptionStore::update(const ExceptionRecord& record) {
  orders::Query& q = *statements_->update;
  rows::bind(q, 0, record);
  q.set(write_columns().names.size(), record.id);
  return database().run(q);
}

Status ExceptionStore::add_audit(const AuditEntry& e) {
  orders::Query& q = *statements_->audit_insert;
  q.set(0, e.exception_id);
  q.set(1, e.at);
  q.set(2, e.actor);
  q.set(3, e.action);
  q.set(4, e.before);
  q.set(5, e.after);
  q.set(6, e.note);
  return database().run(q);
}

Result<std::vector<AuditEntry>> ExceptionStore::audit_trail(std::int64_t exception_id) {
  orders::Query& q = *statements_->audit_trail;
  q.set(0, exception_id);
  if (Status s = database().run(q); !s.ok()) return Failure{s.error()};
  std::vector<AuditEntry> out;
  for (std::size_t r = 0; r < q.rows(); ++r) {
    out.push_back(AuditEntry{q.integer(r, 0), q.integer(r, 1), q.integer(r, 2), q.text(r, 3),
                             q.text(r, 4), q.text(r, 5), q.text(r, 6), q.text(r, 7)});
  }
  return out;
}

Status ExceptionStore::start_wait(const WaitPeriod& w) {
  orders::Query& q = *statements_->wait_insert;
  q.set(0, w.exception_id);
  q.set(1, w.started_at);
  q.set(2, w.waiting_on);
  return database().run(q);
}

Status ExceptionStore::end_wait(std::int64_t exception_id, Instant at) {
  orders::Query& q = *statements_->wait_end;
  q.set(0, at);
  q.set(1, exception_id);
  return database().run(q);
}

Result<std::vector<WaitPeriod>> ExceptionStore::waits(std::int64_t exception_id) {
  orders::Query& q = *statements_->waits;
  q.set(0, exception_id);
  if (Status s = database().run(q); !s.ok()) return Failure{s.error()};
  std::vector<WaitPeriod> out;
  for (std::size_t r = 0; r < q.rows(); ++r) {
    out.push_back(WaitPeriod{q.integer(r, 0), q.integer(r, 1), q.optional(r, 2), q.text(r, 3)});
  }
  return out;
}

}  // namespace ordex::exceptions
