#include "app/serve/leases.h"

#include <span>

namespace ordex::app::serve {

std::span<const orders::Migration> serve_migrations();  // generated from migrations/

struct Leases::Statements {
  std::unique_ptr<orders::Query> acquire, extend, release, holder, row;
};

orders::Result<Leases> Leases::open(orders::Database db) {
  if (auto v = db.migrate("serve", serve_migrations()); !v.ok()) return orders::Failure{v.error()};
  auto s = std::make_shared<Statements>();
  struct Prepare {
    std::unique_ptr<orders::Query>* into;
    orders::SqlQuery query;
  };
  const Prepare all[] = {
      // The row comes back only when this holder now has the lease.
      {&s->acquire,
       {"serve_lease_acquire", "ttii", "t",
        "INSERT INTO serve_leases (name, holder, acquired_at, expires_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, "
        "acquired_at = excluded.acquired_at, expires_at = excluded.expires_at "
        "WHERE serve_leases.holder = excluded.holder "
        "OR serve_leases.expires_at <= excluded.acquired_at RETURNING holder"}},
      {&s->extend,
       {"serve_lease_extend", "itt", "t",
        "UPDATE serve_leases SET expires_at = ? WHERE name = ? AND holder = ? RETURNING holder"}},
      {&s->release,
       {"serve_lease_release", "tt", "", "DELETE FROM serve_leases WHERE name = ? AND holder = ?"}},
      {&s->holder,
       {"serve_lease_holder", "ti", "t",
        "SELECT holder FROM serve_leases WHERE name = ? AND expires_at > ?"}},
      {&s->row,
       {"serve_lease_row", "t", "tii",
        "SELECT holder, acquired_at, expires_at FROM serve_leases WHERE name = ?"}},
  };
  for (const Prepare& p : all) {
    auto q = db.prepare(p.query);
    if (!q.ok()) return orders::Failure{q.error()};
    *p.into = std::move(q).value();
  }
  return Leases(std::move(s), db);
}

orders::Result<bool> Leases::acquire(const std::string& name, const std::string& holder,
                                     std::int64_t now, std::int64_t until) {
  orders::Query& q = *s_->acquire;
  q.set(0, name);
  q.set(1, holder);
  q.set(2, now);
  q.set(3, until);
  if (orders::Status st = db_.run(q); !st.ok()) return orders::Failure{st.error()};
  return q.rows() == 1;
}

orders::Result<bool> Leases::extend(const std::string& name, const std::string& holder,
                                    std::int64_t until) {
  orders::Query& q = *s_->extend;
  q.set(0, until);
  q.set(1, name);
  q.set(2, holder);
  if (orders::Status st = db_.run(q); !st.ok()) return orders::Failure{st.error()};
  return q.rows() == 1;
}

orders::Status Leases::release(const std::string& name, const std::string& holder) {
  orders::Query& q = *s_->release;
  q.set(0, name);
  q.set(1, holder);
  return db_.run(q);
}

orders::Result<std::optional<std::string>> Leases::holder(const std::string& name,
                                                          std::int64_t now) {
  orders::Query& q = *s_->holder;
  q.set(0, name);
  q.set(1, now);
  if (orders::Status st = db_.run(q); !st.ok()) return orders::Failure{st.error()};
  if (q.rows() == 0) return std::optional<std::string>();
  return std::optional<std::string>(q.text(0, 0));
}

orders::Result<std::optional<Leases::Row>> Leases::row(const std::string& name) {
  orders::Query& q = *s_->row;
  q.set(0, name);
  if (orders::Status st = db_.run(q); !st.ok()) return orders::Failure{st.error()};
  if (q.rows() == 0) return std::optional<Row>();
  return std::optional<Row>(Row{q.text(0, 0), q.integer(0, 1), q.integer(0, 2)});
}

}  // namespace ordex::app::serve
