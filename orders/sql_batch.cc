#include "orders/sql_batch.h"

#include <Poco/Data/SQLite/Utility.h>
#include <Poco/Exception.h>
#include <sqlite3.h>

#include <cassert>
#include <sstream>

#include "orders/connection.h"
#include "orders/sql_query.h"
#include "orders/utf8.h"

namespace ordex::orders {

using Poco::Data::Keywords::use;

std::vector<ColumnSpec> parse_columns(const std::string& text) {
  std::vector<ColumnSpec> columns;
  std::istringstream words(text);
  for (std::string word; words >> word;) {
    const std::size_t colon = word.find(':');
    assert(colon != std::string::npos && colon + 2 == word.size());
    columns.push_back(ColumnSpec{word.substr(0, colon), static_cast<ColumnType>(word.back())});
  }
  return columns;
}

Batch::Batch(Poco::Data::Session& session, const Dialect& dialect, const BatchSpec& spec)
    : session_(session), engine_(dialect.engine()), name_(spec.name) {
  if (engine_ == Engine::kSqlite) db_ = Poco::Data::SQLite::Utility::dbHandle(session);
  const std::vector<ColumnSpec> specs = parse_columns(expand_source_tokens(spec.columns));
  for (const ColumnSpec& c : specs) columns_.push_back(Column{c.name, c.type, {}, {}, {}, {}, {}});
  for (const char* sql : spec.sql) {
    if (sql == nullptr) continue;
    Dialect::BatchSql rendered = dialect.batch_sql(expand_source_tokens(sql), specs);
    assert(!rendered.sql.empty() && "a batch statement names a column it does not have");
    sql_.push_back(Sql{std::move(rendered.sql), std::move(rendered.binds), nullptr, nullptr});
  }
}

// Native statements must be gone before Poco closes the connection (sqlite3_close refuses).
Batch::~Batch() {
  for (Sql& s : sql_) sqlite3_finalize(s.native);  // a no-op for nullptr
}

Batch::Row::~Row() { assert(next_ == batch_.columns_.size()); }

Batch::Column& Batch::next_column(std::size_t& index, ColumnType type) {
  Column& c = columns_.at(index++);
  assert(c.type == type);
  (void)type;
  return c;
}

Batch::Row& Batch::Row::text(std::string_view value) {
  Column& c = batch_.next_column(next_, ColumnType::kText);
  append_valid_utf8(c.chars, value);
  c.ends.push_back(c.chars.size());
  return *this;
}

Batch::Row& Batch::Row::integer(std::int64_t value) {
  batch_.next_column(next_, ColumnType::kInt).integers.push_back(value);
  return *this;
}

Batch::Row& Batch::Row::id(std::int64_t value) {
  return optional(value == 0 ? std::nullopt : std::optional<std::int64_t>(value));
}

Batch::Row& Batch::Row::optional(std::optional<std::int64_t> value) {
  Column& c = batch_.next_column(next_, ColumnType::kOptInt);
  c.integers.push_back(value.value_or(0));
  c.nulls.push_back(!value.has_value());
  return *this;
}

void Batch::clear() {
  for (Column& c : columns_) {
    c.chars.clear();
    c.ends.clear();
    c.integers.clear();
    c.nulls.clear();
  }
  rows_ = 0;
}

namespace {

void append_quoted(std::string& out, std::string_view text) {
  out += '"';
  for (char ch : text) {
    if (ch == '"' || ch == '\\') out += '\\';
    out += ch;
  }
  out += '"';
}

}  // namespace

// PostgreSQL array literals: {"a","b\"c"} and {1,NULL,3}.
void Batch::build_literals() {
  for (Column& c : columns_) {
    std::string& out = c.literal;
    out.assign(1, '{');
    for (std::size_t row = 0; row < rows_; ++row) {
      if (row > 0) out += ',';
      if (c.type == ColumnType::kText) {
        append_quoted(out, c.text(row));
      } else if (c.type == ColumnType::kOptInt && c.nulls[row]) {
        out += "NULL";
      } else {
        out += std::to_string(c.integers[row]);
      }
    }
    out += '}';
  }
}

// A fresh statement on every run: planned for the tables as they are now and for this
// run's arrays (sql_batch.h PERF NOTES).
Status Batch::run_postgres(Sql& sql) {
  sql.statement = std::make_unique<Poco::Data::Statement>(session_);
  *sql.statement << sql.text;
  for (std::size_t column : sql.binds) sql.statement->addBind(use(columns_[column].literal));
  try {
    sql.statement->execute();
  } catch (const Poco::Exception& e) {
    discard_statement(sql.statement, engine_);  // one that threw cannot run again
    return Failure{describe_poco_error(name_, e.displayText())};
  }
  return Status();
}

// The columns stay put while the row runs, so text is bound without a copy.
void Batch::bind_row(sqlite3_stmt* statement, const Sql& sql, std::size_t row) {
  for (std::size_t k = 0; k < sql.binds.size(); ++k) {
    const Column& c = columns_[sql.binds[k]];
    const int at = static_cast<int>(k + 1);
    if (c.type == ColumnType::kText) {
      const std::string_view t = c.text(row);
      sqlite3_bind_text(statement, at, t.data(), static_cast<int>(t.size()), SQLITE_STATIC);
    } else if (c.type == ColumnType::kOptInt && c.nulls[row]) {
      sqlite3_bind_null(statement, at);
    } else {
      sqlite3_bind_int64(statement, at, c.integers[row]);
    }
  }
}

Status Batch::run_sqlite(Sql& sql) {
  if (sql.native == nullptr &&
      sqlite3_prepare_v3(db_, sql.text.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &sql.native,
                         nullptr) != SQLITE_OK) {
    return Failure{name_ + ": " + sqlite3_errmsg(db_)};
  }
  for (std::size_t row = 0; row < rows_; ++row) {
    bind_row(sql.native, sql, row);
    const int rc = sqlite3_step(sql.native);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
      const std::string message = name_ + ": " + sqlite3_errmsg(db_);
      sqlite3_reset(sql.native);
      return Failure{message};
    }
    sqlite3_reset(sql.native);
  }
  return Status();
}

Status Batch::set_plan_cache_mode(const char* mode) {
  try {
    session_ << std::string("SET plan_cache_mode = ") + mode, Poco::Data::Keywords::now;
  } catch (const Poco::Exception& e) {
    return Failure{describe_poco_error(name_, e.displayText())};
  }
  return Status();
}

Status Batch::run() {
  if (rows_ == 0) return Status();
  Status status;
  if (engine_ == Engine::kPostgres) {
    build_literals();
    // The foreign-key checks these inserts fire may keep generic plans (PERF NOTES). On
    // failure the mode is not put back here: the transaction the batch ran in is rolled back,
    // and with it the SET.
    status = set_plan_cache_mode("auto");
  }
  for (Sql& sql : sql_) {
    if (!status.ok()) break;
    status = engine_ == Engine::kSqlite ? run_sqlite(sql) : run_postgres(sql);
  }
  if (engine_ == Engine::kPostgres && status.ok()) {
    status = set_plan_cache_mode("force_custom_plan");
  }
  clear();
  return status;
}

}  // namespace ordex::orders
