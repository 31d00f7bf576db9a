#pragma once
// Rows buffered column by column and written with one statement per flush. Internal to the
// store.
//
// PERF NOTES: a PostgreSQL execution is a round trip (~25 us here); an unnest() of one array
// per column turns a flush of N rows into one round trip (about 5 us a row, mostly the
// server's insert). SQLite runs in-process, so the statement runs once per row over bound
// vectors, and Poco compiles it once per flush instead of once per row (sql_query.h).
// Measured on the 2-core dev box, 10-column upserts in 100-row flushes: SQLite 1.6 us/row
// with bound vectors vs 7.7 us/row with one Poco execute per row; PostgreSQL 5.9 us/row with
// arrays vs 24 us/row. On SQLite the statement must be a one-row statement (see dialect.h): an
// INSERT ... SELECT from a subquery takes 4.3 us/row, as SQLite then keeps a statement journal
// and allocates and frees it on every row.

#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "orders/dialect.h"
#include "orders/statements.h"
#include "orders/status.h"

namespace ordex::orders {

class Batch {
 public:
  Batch(Poco::Data::Session& session, const Dialect& dialect, const BatchSpec& spec);
  Batch(const Batch&) = delete;
  Batch& operator=(const Batch&) = delete;

  // Writes one row: call one setter per column, in the spec's order.
  class Row {
   public:
    explicit Row(Batch& batch) : batch_(batch) { ++batch.rows_; }
    ~Row();
    Row(const Row&) = delete;
    Row& operator=(const Row&) = delete;
    Row& text(std::string_view value);
    Row& integer(std::int64_t value);
    Row& id(std::int64_t value);  // a reference to another row: 0 is written as NULL
    Row& optional(std::optional<std::int64_t> value);

   private:
    Batch& batch_;
    std::size_t next_ = 0;
  };

  Row add() { return Row(*this); }
  std::size_t size() const { return rows_; }
  const std::string& name() const { return name_; }

  // Runs every statement of the spec over the buffered rows, then empties the buffer (also on
  // failure: a failed flush leaves the transaction to be rolled back).
  Status run();
  void clear();

 private:
  struct Column {
    std::string name;
    ColumnType type;
    std::vector<std::string> texts;
    std::vector<Poco::Int64> integers;
    std::vector<Poco::Nullable<Poco::Int64>> optionals;
    std::string literal;  // PostgreSQL: the column as an array literal
  };

  struct Sql {
    std::string text;
    std::vector<std::size_t> binds;  // the column of each placeholder
  };

  Column& next_column(std::size_t& index, ColumnType type);
  void bind(Poco::Data::Statement& statement, Column& column);
  void build_literals();
  Status execute_all();

  Poco::Data::Session& session_;
  Engine engine_;
  bool arrays_;
  std::string name_;
  std::vector<Column> columns_;  // sized once: Poco keeps references to the members
  std::vector<Sql> sql_;
  std::vector<std::unique_ptr<Poco::Data::Statement>> statements_;
  std::size_t rows_ = 0;
};

// "name:t name:i ..." as column specs.
std::vector<ColumnSpec> parse_columns(const std::string& text);

}  // namespace ordex::orders
