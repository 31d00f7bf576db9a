#pragma once
// Named leases in the store's database (migration track "serve", migrations/0001_leases.sql):
// how several `ordex serve` processes on one database share work. A lease is held by one
// daemon until it expires; its holder renews it while working; a daemon that dies stops
// renewing, so the lease lapses and another daemon takes over. Works the same on SQLite and
// PostgreSQL: acquiring is one INSERT ... ON CONFLICT DO UPDATE ... WHERE expired, which both
// engines run atomically against concurrent acquirers.
//
// Times are Unix seconds from the caller's clock: daemons sharing a database need clocks in
// step to well within a lease's length (NTP).
//
// Not thread-safe: one Leases per Store session. Errors are values.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "orders/database.h"
#include "orders/status.h"

namespace ordex::app::serve {

class Leases {
 public:
  // Migrates the "serve" track and prepares the statements; `db`'s store must outlive this.
  static orders::Result<Leases> open(orders::Database db);

  // Takes `name` for `holder` until `until` when it is free, expired or already the holder's.
  orders::Result<bool> acquire(const std::string& name, const std::string& holder, std::int64_t now,
                               std::int64_t until);
  // Moves the expiry of the holder's lease; false when the holder lost it.
  orders::Result<bool> extend(const std::string& name, const std::string& holder,
                              std::int64_t until);
  orders::Status release(const std::string& name, const std::string& holder);
  // Whether someone holds `name` at `now`, and who.
  orders::Result<std::optional<std::string>> holder(const std::string& name, std::int64_t now);

  // The row of `name` whether or not it has expired: used as a record ("sweep:last": who swept
  // last, from acquired_at to expires_at).
  struct Row {
    std::string holder;
    std::int64_t acquired_at = 0;
    std::int64_t expires_at = 0;
  };
  orders::Result<std::optional<Row>> row(const std::string& name);

 private:
  struct Statements;
  explicit Leases(std::shared_ptr<Statements> s, orders::Database db) : s_(std::move(s)), db_(db) {}
  std::shared_ptr<Statements> s_;
  orders::Database db_;
};

}  // namespace ordex::app::serve
