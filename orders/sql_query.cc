#include "orders/sql_query.h"

#include <Poco/Data/SQLite/Utility.h>
#include <Poco/Exception.h>
#include <sqlite3.h>

#include <algorithm>
#include <cassert>
#include <mutex>
#include <stdexcept>

#include "orders/connection.h"
#include "orders/utf8.h"

namespace ordex::orders {

using Poco::Data::Keywords::into;
using Poco::Data::Keywords::use;

void discard_statement(std::unique_ptr<Poco::Data::Statement>& statement, Engine engine) {
  if (engine != Engine::kPostgres) {
    statement.reset();
    return;
  }
  // Never destroyed (see sql_query.h); kept reachable so leak checkers do not report it.
  static std::mutex mutex;
  static auto* kept = new std::vector<std::unique_ptr<Poco::Data::Statement>>();
  const std::lock_guard<std::mutex> lock(mutex);
  kept->push_back(std::move(statement));
}

std::vector<ColumnType> parse_types(const std::string& letters) {
  std::vector<ColumnType> types;
  for (char c : letters) {
    assert(c == 'i' || c == 't' || c == 'n');
    types.push_back(static_cast<ColumnType>(c));
  }
  return types;
}

Query::Query(Poco::Data::Session& session, const Dialect& dialect, const QuerySpec& spec)
    : session_(session),
      engine_(dialect.engine()),
      name_(spec.name),
      sql_(dialect.statement_sql(expand_source_tokens(spec.sql))) {
  for (ColumnType type : parse_types(expand_source_tokens(spec.params))) {
    params_.push_back(Param{type, {}, 0});
  }
  for (ColumnType type : parse_types(expand_source_tokens(spec.results))) {
    columns_.push_back(Column{type, {}, {}, {}, {}});
  }
  if (engine_ == Engine::kSqlite) {
    db_ = Poco::Data::SQLite::Utility::dbHandle(session_);
  } else {
    build();
  }
}

// The native statement must be gone before Poco closes the connection (sqlite3_close refuses).
Query::~Query() { sqlite3_finalize(native_); }  // a no-op for nullptr

// Binds every parameter and result column by reference; called again by the run after a failed
// one, as a Poco statement that threw mid-execution cannot be executed again.
void Query::build() {
  statement_ = std::make_unique<Poco::Data::Statement>(session_);
  *statement_ << sql_;
  for (Param& p : params_) {
    if (p.type == ColumnType::kText) {
      statement_->addBind(use(p.text));
    } else {
      statement_->addBind(use(p.integer));
    }
  }
  for (Column& c : columns_) {
    if (c.type == ColumnType::kText) {
      statement_->addExtract(into(c.texts));
    } else if (c.type == ColumnType::kInt) {
      statement_->addExtract(into(c.integers));
    } else {
      statement_->addExtract(into(c.optionals));
    }
  }
}

void Query::set(std::size_t index, std::string_view text) {
  assert(params_.at(index).type == ColumnType::kText);
  params_[index].text = to_valid_utf8(text);
}

void Query::set(std::size_t index, std::int64_t value) {
  assert(params_.at(index).type != ColumnType::kText);
  params_[index].integer = value;
}

Status Query::run() { return engine_ == Engine::kSqlite ? run_sqlite() : run_poco(); }

Status Query::run_poco() {
  for (Column& c : columns_) {
    c.texts.clear();
    c.integers.clear();
    c.optionals.clear();
  }
  rows_ = 0;
  try {
    // Rebuilt here rather than right after a failure: when the connection is gone, building
    // throws too, and the store promises errors as values.
    if (!statement_) build();
    statement_->execute();
  } catch (const Poco::Exception& e) {
    if (statement_) discard_statement(statement_, engine_);
    return Failure{describe_poco_error(name_, e.displayText())};
  }
  rows_ = count_rows();
  return Status();
}

// Prepared at the first run, not in the constructor, as Poco's statements were: a module may
// prepare its statements before the tables they name exist.
Status Query::prepare_sqlite() {
  const char* tail = nullptr;
  if (sqlite3_prepare_v3(db_, sql_.c_str(), static_cast<int>(sql_.size()) + 1,
                         SQLITE_PREPARE_PERSISTENT, &native_, &tail) != SQLITE_OK) {
    sqlite3_finalize(native_);
    native_ = nullptr;
    return Failure{name_ + ": " + sqlite3_errmsg(db_)};
  }
  // One statement per query: a second one after a ';' would never run.
  const std::string_view rest(tail == nullptr ? "" : tail);
  const bool one_statement = rest.find_first_not_of(" \t\r\n;") == std::string_view::npos;
  if (native_ == nullptr || !one_statement ||
      static_cast<std::size_t>(sqlite3_column_count(native_)) < columns_.size() ||
      static_cast<std::size_t>(sqlite3_bind_parameter_count(native_)) != params_.size()) {
    sqlite3_finalize(native_);
    native_ = nullptr;
    return Failure{name_ + ": the statement's parameters or result columns differ from its types"};
  }
  return Status();
}

// The parameters stay put until the next set(), and the statement is reset before that, so
// text is bound without a copy.
void Query::bind_sqlite() {
  for (std::size_t k = 0; k < params_.size(); ++k) {
    const Param& p = params_[k];
    const int at = static_cast<int>(k + 1);
    if (p.type == ColumnType::kText) {
      sqlite3_bind_text(native_, at, p.text.data(), static_cast<int>(p.text.size()), SQLITE_STATIC);
    } else {
      sqlite3_bind_int64(native_, at, p.integer);
    }
  }
}

// As Poco's extraction reads a row: NULL is "" or 0 (or nullopt for kOptInt), and SQLite
// converts a value of another storage class the same way for both.
void Query::read_sqlite_row(std::size_t row) {
  for (std::size_t k = 0; k < columns_.size(); ++k) {
    Column& c = columns_[k];
    const int at = static_cast<int>(k);
    if (c.type == ColumnType::kText) {
      if (row == c.texts.size()) c.texts.emplace_back();
      const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(native_, at));
      const auto size = static_cast<std::size_t>(sqlite3_column_bytes(native_, at));
      if (data == nullptr) {
        c.texts[row].clear();
      } else {
        c.texts[row].assign(data, size);
      }
      continue;
    }
    if (row == c.integers.size()) {
      c.integers.emplace_back();
      if (c.type == ColumnType::kOptInt) c.nulls.emplace_back();
    }
    c.integers[row] = sqlite3_column_int64(native_, at);
    if (c.type == ColumnType::kOptInt) {
      c.nulls[row] = sqlite3_column_type(native_, at) == SQLITE_NULL ? 1 : 0;
    }
  }
}

// A query that once returned a large result would otherwise hold its strings' memory for the
// life of the session; capacity for twice this run's rows is kept, the rest freed.
void Query::trim_sqlite_columns() {
  constexpr std::size_t kAlwaysKept = 256;
  const std::size_t keep = std::max(kAlwaysKept, 2 * rows_);
  for (Column& c : columns_) {
    if (c.texts.size() > keep) {
      c.texts.resize(keep);
      c.texts.shrink_to_fit();
    }
  }
}

Status Query::run_sqlite() {
  rows_ = 0;
  if (native_ == nullptr) {
    if (Status s = prepare_sqlite(); !s.ok()) return s;
  }
  bind_sqlite();
  std::size_t row = 0;
  for (;;) {
    const int rc = sqlite3_step(native_);
    if (rc == SQLITE_ROW) {
      read_sqlite_row(row++);
      continue;
    }
    if (rc == SQLITE_DONE) break;
    const std::string message = name_ + ": " + sqlite3_errmsg(db_);
    sqlite3_reset(native_);
    return Failure{message};
  }
  // Reset at once: a statement left mid-way would keep its read transaction open.
  sqlite3_reset(native_);
  rows_ = columns_.empty() ? 0 : row;
  trim_sqlite_columns();
  return Status();
}

// PostgreSQL: the rows Poco extracted.
std::size_t Query::count_rows() const {
  if (columns_.empty()) return 0;
  const Column& c = columns_.front();
  switch (c.type) {
    case ColumnType::kText:
      return c.texts.size();
    case ColumnType::kInt:
      return c.integers.size();
    case ColumnType::kOptInt:
      return c.optionals.size();
  }
  return 0;
}

// Rows past rows_ may hold an earlier run's values (SQLite): they are out of range too.
const std::string& Query::text(std::size_t row, std::size_t column) const {
  assert(columns_.at(column).type == ColumnType::kText);
  if (row >= rows_) throw std::out_of_range("Query::text: no such row");
  return columns_[column].texts[row];
}

std::int64_t Query::integer(std::size_t row, std::size_t column) const {
  assert(columns_.at(column).type == ColumnType::kInt);
  if (row >= rows_) throw std::out_of_range("Query::integer: no such row");
  return columns_[column].integers[row];
}

std::optional<std::int64_t> Query::optional(std::size_t row, std::size_t column) const {
  assert(columns_.at(column).type == ColumnType::kOptInt);
  if (row >= rows_) throw std::out_of_range("Query::optional: no such row");
  const Column& c = columns_[column];
  if (engine_ == Engine::kSqlite) {
    if (c.nulls[row] != 0) return std::nullopt;
    return c.integers[row];
  }
  const Poco::Nullable<Poco::Int64>& v = c.optionals[row];
  if (v.isNull()) return std::nullopt;
  return v.value();
}

}  // namespace ordex::orders
