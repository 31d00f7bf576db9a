#pragma once
// A named statement with typed `?` parameters and typed result columns, prepared once per
// session and run many times. Internal to the store.
//
// PERF NOTES: on PostgreSQL the statement goes through Poco::Data and is prepared on the
// server at its first run and reused (PQexecPrepared). On SQLite it does not: Poco 1.11's
// connector compiles the statement again on every execution (sqlite3_prepare_v2 in
// SQLiteStatementImpl::compileImpl, 5-30 us a call) and copies every value through its
// extraction layer (a Poco::Any and a vector append per value), which was most of the time of
// the rules, the sweep and the report, all of which read pages of thousands of rows. So, as the
// batches do (sql_batch.h), a SQLite query is prepared once per session on the session's own
// sqlite3 handle and stepped directly; each result text keeps its std::string from run to run,
// so a page of the same shape as the last one allocates nothing.

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

struct sqlite3;
struct sqlite3_stmt;

namespace ordex::orders {

// Thread safety: none; one Query belongs to one session, which must outlive it. Values read
// stay valid until the next run().
class Query {
 public:
  Query(Poco::Data::Session& session, const Dialect& dialect, const QuerySpec& spec);
  ~Query();
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;

  const std::string& name() const { return name_; }

  // Parameters, by position; they keep their values between runs.
  void set(std::size_t index, std::string_view text);
  void set(std::size_t index, std::int64_t value);

  // Runs the statement; afterwards the result rows can be read until the next run.
  Status run();

  std::size_t rows() const { return rows_; }
  const std::string& text(std::size_t row, std::size_t column) const;
  std::int64_t integer(std::size_t row, std::size_t column) const;
  std::optional<std::int64_t> optional(std::size_t row, std::size_t column) const;

 private:
  struct Param {
    ColumnType type;
    std::string text;
    Poco::Int64 integer = 0;
  };
  // PostgreSQL fills the vectors through Poco (cleared by each run); SQLite writes the first
  // rows_ entries of texts / integers / nulls in place and keeps the rest for the next run.
  struct Column {
    ColumnType type;
    std::vector<std::string> texts;
    std::vector<Poco::Int64> integers;
    std::vector<Poco::Nullable<Poco::Int64>> optionals;  // PostgreSQL kOptInt
    std::vector<char> nulls;                             // SQLite kOptInt
  };

  void build();
  std::size_t count_rows() const;
  Status run_poco();
  Status run_sqlite();
  Status prepare_sqlite();
  void bind_sqlite();
  void read_sqlite_row(std::size_t row);
  void trim_sqlite_columns();

  Poco::Data::Session& session_;
  Engine engine_;
  std::string name_;
  std::string sql_;
  std::vector<Param> params_;    // sized once: Poco keeps references to the elements
  std::vector<Column> columns_;  // likewise
  std::unique_ptr<Poco::Data::Statement> statement_;  // PostgreSQL
  sqlite3* db_ = nullptr;                             // SQLite: the session's handle
  sqlite3_stmt* native_ = nullptr;                    // SQLite: prepared at the first run
  std::size_t rows_ = 0;
};

// Drops a Poco statement whose execution threw, so that a fresh one is built. Poco 1.11's
// PostgreSQL StatementExecutor frees its previous PGresult before executing but keeps the
// pointer (PQResultClear holds a copy), so after a failed execution that follows a successful
// one, both destroying and re-running the statement free it again (a double free). Such a
// statement is kept, never destroyed, on purpose: one small object per failed statement, and
// failures end in a rollback. SQLite statements are destroyed normally. Thread-safe.
void discard_statement(std::unique_ptr<Poco::Data::Statement>& statement, Engine engine);

// Type letters ("tti") as column types.
std::vector<ColumnType> parse_types(const std::string& letters);

}  // namespace ordex::orders
