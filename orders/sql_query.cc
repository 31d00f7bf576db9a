#include "orders/sql_query.h"

#include <Poco/Exception.h>

#include <cassert>
#include <mutex>

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
    columns_.push_back(Column{type, {}, {}, {}});
  }
  build();
}

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

Status Query::run() {
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

const std::string& Query::text(std::size_t row, std::size_t column) const {
  assert(columns_.at(column).type == ColumnType::kText);
  return columns_[column].texts.at(row);
}

std::int64_t Query::integer(std::size_t row, std::size_t column) const {
  assert(columns_.at(column).type == ColumnType::kInt);
  return columns_[column].integers.at(row);
}

std::optional<std::int64_t> Query::optional(std::size_t row, std::size_t column) const {
  assert(columns_.at(column).type == ColumnType::kOptInt);
  const Poco::Nullable<Poco::Int64>& v = columns_[column].optionals.at(row);
  if (v.isNull()) return std::nullopt;
  return v.value();
}

}  // namespace ordex::orders
