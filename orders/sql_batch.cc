#include "orders/sql_batch.h"

#include <Poco/Exception.h>

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
    : session_(session),
      engine_(dialect.engine()),
      arrays_(dialect.binds_arrays()),
      name_(spec.name) {
  const std::vector<ColumnSpec> specs = parse_columns(expand_source_tokens(spec.columns));
  for (const ColumnSpec& c : specs) columns_.push_back(Column{c.name, c.type, {}, {}, {}, {}});
  for (const char* sql : spec.sql) {
    if (sql == nullptr) continue;
    Dialect::BatchSql rendered = dialect.batch_sql(expand_source_tokens(sql), specs);
    assert(!rendered.sql.empty() && "a batch statement names a column it does not have");
    sql_.push_back(Sql{std::move(rendered.sql), std::move(rendered.binds)});
    statements_.emplace_back();
  }
}

Batch::Row::~Row() { assert(next_ == batch_.columns_.size()); }

Batch::Column& Batch::next_column(std::size_t& index, ColumnType type) {
  Column& c = columns_.at(index++);
  assert(c.type == type);
  (void)type;
  return c;
}

Batch::Row& Batch::Row::text(std::string_view value) {
  batch_.next_column(next_, ColumnType::kText).texts.push_back(to_valid_utf8(value));
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
  if (value) {
    c.optionals.emplace_back(static_cast<Poco::Int64>(*value));
  } else {
    c.optionals.emplace_back();
  }
  return *this;
}

void Batch::clear() {
  for (Column& c : columns_) {
    c.texts.clear();
    c.integers.clear();
    c.optionals.clear();
  }
  rows_ = 0;
}

void Batch::bind(Poco::Data::Statement& statement, Column& c) {
  if (arrays_) {
    statement.addBind(use(c.literal));
  } else if (c.type == ColumnType::kText) {
    statement.addBind(use(c.texts));
  } else if (c.type == ColumnType::kInt) {
    statement.addBind(use(c.integers));
  } else {
    statement.addBind(use(c.optionals));
  }
}

namespace {

void append_quoted(std::string& out, const std::string& text) {
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
        append_quoted(out, c.texts[row]);
      } else if (c.type == ColumnType::kInt) {
        out += std::to_string(c.integers[row]);
      } else {
        const Poco::Nullable<Poco::Int64>& v = c.optionals[row];
        out += v.isNull() ? std::string("NULL") : std::to_string(v.value());
      }
    }
    out += '}';
  }
}

// Statements are made when first needed: Poco's vector binding takes iterators when the
// binding is made and refreshes them only when a statement runs again, so a SQLite statement
// is bound right before its first run, with the rows already in place.
Status Batch::execute_all() {
  for (std::size_t i = 0; i < sql_.size(); ++i) {
    if (!statements_[i]) {
      statements_[i] = std::make_unique<Poco::Data::Statement>(session_);
      *statements_[i] << sql_[i].text;
      for (std::size_t column : sql_[i].binds) bind(*statements_[i], columns_[column]);
    }
    try {
      statements_[i]->execute();
    } catch (const Poco::Exception& e) {
      discard_statement(statements_[i], engine_);  // one that threw cannot run again
      return Failure{describe_poco_error(name_, e.displayText())};
    }
  }
  return Status();
}

Status Batch::run() {
  if (rows_ == 0) return Status();
  if (arrays_) build_literals();
  Status status = execute_all();
  clear();
  return status;
}

}  // namespace ordex::orders
