#include "exceptions/ledger_writes.h"

#include "exceptions/exception_rows.h"

namespace ordex::exceptions {

namespace {

// "name:type ..." and ":name, ..." for every column after id, from exception_rows.h's list.
struct InsertSql {
  std::string columns, names, values;
};

const InsertSql& insert_sql() {
  static const InsertSql sql = [] {
    InsertSql s;
    const std::string_view all = rows::kSelectColumns;
    std::size_t start = 0;
    for (std::size_t i = 0; start <= all.size(); ++i) {
      std::size_t end = all.find(", ", start);
      if (end == std::string_view::npos) end = all.size();
      const std::string name(all.substr(start, end - start));
      start = end + 2;
      if (i == 0) continue;  // id
      const std::string sep = s.names.empty() ? "" : ", ";
      s.columns += (s.columns.empty() ? "" : " ") + name + ':' + rows::kSelectTypes[i];
      s.names += sep + name;
      s.values += sep + ':' + name;
    }
    return s;
  }();
  return sql;
}

const std::string& insert_statement() {
  static const std::string sql = "INSERT INTO exceptions (" + insert_sql().names + ") SELECT " +
                                 insert_sql().values + " {rows} WHERE true";
  return sql;
}

const std::string& lookup_statement() {
  static const std::string sql = [] {
    std::string s =
        std::string("SELECT ") + rows::kSelectColumns + " FROM exceptions WHERE dedupe_key IN (?";
    for (std::size_t i = 1; i < kKeysPerLookup; ++i) s += ", ?";
    return s + ")";
  }();
  return sql;
}

// Nullable columns as rows::bind writes them: absent and 0 are both NULL.
void add_row(orders::Batch& batch, const ExceptionRecord& e) {
  orders::Batch::Row row = batch.add();
  auto opt = [&](std::optional<std::int64_t> v) { row.id(v.value_or(0)); };
  row.text(e.dedupe_key).text(to_string(e.type)).text(to_string(e.status));
  row.text(to_string(e.severity)).text(e.partner_id).text(e.po_number).text(e.subject);
  row.text(e.shipment_id).id(e.file_id).text(e.queue).text(e.assignee).text(e.claimed_by);
  row.integer(e.claim_expires).text(e.summary).text(e.evidence).integer(e.first_opened_at);
  row.integer(e.opened_at).integer(e.detected_at).integer(e.updated_at).integer(e.reopen_count);
  opt(e.responded_at);
  opt(e.resolved_at);
  row.text(e.resolution).text(e.resolved_by).text(e.resolved_evidence);
  opt(e.wait_until);
  row.text(e.waiting_on);
  opt(e.merged_into);
  row.text(e.sla_policy);
  opt(e.response_due);
  opt(e.resolve_due);
  opt(e.at_risk_at);
  row.text(e.escalation).text(e.response_outcome).text(e.resolve_outcome);
}

}  // namespace

Result<std::unique_ptr<Ledger::Writes>> Ledger::Writes::prepare(orders::Database db) {
  static const std::string lookup_types(kKeysPerLookup, 't');
  auto w = std::make_unique<Writes>(Writes{db, nullptr, nullptr, nullptr});
  Result<std::unique_ptr<orders::Batch>> inserts =
      db.prepare(orders::SqlBatch{"ledger_exception_inserts",
                                  insert_sql().columns.c_str(),
                                  {insert_statement().c_str(), nullptr, nullptr}});
  if (!inserts.ok()) return Failure{inserts.error()};
  w->inserts = std::move(inserts).value();
  Result<std::unique_ptr<orders::Batch>> audits = db.prepare(orders::SqlBatch{
      "ledger_audit_inserts",
      "seq:i dedupe_key:t at:i actor:t action:t before_json:t after_json:t note:t",
      // PostgreSQL joins the batch's rows to exceptions in any order: `seq` keeps the ids of
      // the entries in the order they were made (SQLite writes one row at a time anyway).
      {"INSERT INTO exception_audit (exception_id, at, actor, action, before_json, after_json, "
       "note) SELECT x.id, :at, :actor, :action, :before_json, :after_json, :note "
       "{from} exceptions x WHERE x.dedupe_key = :dedupe_key ORDER BY :seq",
       nullptr, nullptr}});
  if (!audits.ok()) return Failure{audits.error()};
  w->audits = std::move(audits).value();
  Result<std::unique_ptr<orders::Query>> by_keys =
      db.prepare(orders::SqlQuery{"ledger_exceptions_by_keys", lookup_types.c_str(),
                                  rows::kSelectTypes, lookup_statement().c_str()});
  if (!by_keys.ok()) return Failure{by_keys.error()};
  w->by_keys = std::move(by_keys).value();
  return w;
}

Status Ledger::Writes::insert(const ExceptionRecord& record) {
  add_row(*inserts, record);
  return inserts->size() >= kMaxBuffered ? flush() : Status();
}

Status Ledger::Writes::audit(const std::string& dedupe_key, const AuditEntry& a) {
  audits->add()
      .integer(static_cast<std::int64_t>(audits->size()))
      .text(dedupe_key)
      .integer(a.at)
      .text(a.actor)
      .text(a.action)
      .text(a.before)
      .text(a.after)
      .text(a.note);
  return audits->size() >= kMaxBuffered ? flush() : Status();
}

Status Ledger::Writes::flush() {
  if (Status s = db.run(*inserts); !s.ok()) {
    drop();
    return s;
  }
  return db.run(*audits);
}

void Ledger::Writes::drop() {
  inserts->clear();
  audits->clear();
}

Status Ledger::Writes::lookup(const std::vector<std::string>& keys, Known& out) {
  for (std::size_t first = 0; first < keys.size(); first += kKeysPerLookup) {
    // A short last chunk repeats its last key: one statement, one parameter count.
    for (std::size_t i = 0; i < kKeysPerLookup; ++i) {
      by_keys->set(i, keys[std::min(first + i, keys.size() - 1)]);
    }
    if (Status s = db.run(*by_keys); !s.ok()) return s;
    for (std::size_t r = 0; r < by_keys->rows(); ++r) {
      ExceptionRecord e = rows::read(*by_keys, r);
      std::string key = e.dedupe_key;
      out.insert_or_assign(std::move(key), std::move(e));
    }
  }
  return Status();
}

}  // namespace ordex::exceptions
