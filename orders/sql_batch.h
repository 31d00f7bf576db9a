#pragma once
// Rows buffered column by column and written with one statement per flush. Internal to the
// store.
//
// PERF NOTES. PostgreSQL: every execution is a round trip (~25 us here), so a flush binds one
// array literal per column and runs each statement once over unnest() of them (about 5 us a
// row, mostly the server's insert, against 24 us a row one execution per row). The session
// plans every query afresh (plan_cache_mode = force_custom_plan, store.cc tune_session), but
// that also re-planned, for every inserted row, the query behind each foreign-key check
// PostgreSQL runs: a third of the server's time. A batch therefore runs with the default
// mode (those checks get their generic plans after five rows) and builds its statement again
// on every run, so it is still planned for the current table sizes and arrays (a plan kept
// from when the tables were small scanned them: see tune_session). 100 MB X12 mix with rules:
// 42.8 s -> 31.5 s wall.
// SQLite runs in-process, so each statement runs once per row. Poco 1.11's SQLite connector
// compiles a statement again on every execution (SQLiteStatementImpl::compileImpl), which
// was a fifth of the write path's time; batches therefore prepare their statements once per
// session on the session's own sqlite3 handle (Poco::Data::SQLite::Utility::dbHandle) and
// bind, step and reset them per row. Each must be a one-row statement (see dialect.h): an
// INSERT ... SELECT from a subquery took 4.3 us a row against 1.9, as SQLite then keeps a
// statement journal and allocates and frees it on every row.

#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "orders/dialect.h"
#include "orders/statements.h"
#include "orders/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace ordex::orders {

class Batch {
 public:
  Batch(Poco::Data::Session& session, const Dialect& dialect, const BatchSpec& spec);
  ~Batch();
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
    // kText: the rows' values end to end in `chars`, row r ending at ends[r] (one string per
    // column instead of one per value: allocating and freeing each was ~6 % of an import).
    std::string chars;
    std::vector<std::size_t> ends;
    std::vector<std::int64_t> integers;  // kInt, and kOptInt with `nulls`
    std::vector<bool> nulls;             // kOptInt
    std::string literal;                 // PostgreSQL: the column as an array literal

    std::string_view text(std::size_t row) const {
      const std::size_t begin = row == 0 ? 0 : ends[row - 1];
      return std::string_view(chars).substr(begin, ends[row] - begin);
    }
  };
  struct Sql {
    std::string text;
    std::vector<std::size_t> binds;                    // the column of each placeholder
    sqlite3_stmt* native = nullptr;                    // SQLite: prepared once, on first use
    std::unique_ptr<Poco::Data::Statement> statement;  // PostgreSQL
  };

  Column& next_column(std::size_t& index, ColumnType type);
  void build_literals();
  Status run_postgres(Sql& sql);
  Status set_plan_cache_mode(const char* mode);
  Status run_sqlite(Sql& sql);
  void bind_row(sqlite3_stmt* statement, const Sql& sql, std::size_t row);

  Poco::Data::Session& session_;
  Engine engine_;
  sqlite3* db_ = nullptr;  // SQLite: the session's handle
  std::string name_;
  std::vector<Column> columns_;  // sized once: statements keep references to the members
  std::vector<Sql> sql_;
  std::size_t rows_ = 0;
};

// "name:t name:i ..." as column specs.
std::vector<ColumnSpec> parse_columns(const std::string& text);

}  // namespace ordex::orders
