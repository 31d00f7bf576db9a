#include "exceptions/outbound_reader.h"

#include <string>
#include <utility>

#include "exceptions/exception_rows.h"

namespace ordex::exceptions {

namespace {

// orders/statements_ingest.cc kOutboundGroups for one partner (the table's unique key starts
// with partner_id, so this is one index range).
const orders::SqlQuery kGroups = {
    "fa_outbound_groups", "t", "ttti{src_types}t",
    "SELECT g.partner_id, g.functional_id, g.group_control, g.sent_at, {src_select}, "
    "COALESCE((SELECT a.status FROM functional_acks a WHERE a.partner_id = g.partner_id "
    "AND ((a.acked_group = g.group_control AND a.acked_functional_id = g.functional_id) "
    "OR (a.acked_interchange <> '' AND a.acked_interchange = g.src_interchange)) "
    "ORDER BY a.received_at DESC, a.id DESC LIMIT 1), '') "
    "FROM outbound_groups g WHERE g.partner_id = ? ORDER BY g.sent_at, g.id"};

const orders::SqlQuery kPartners = {"fa_partners", "", "t",
                                    "SELECT DISTINCT partner_id FROM outbound_groups ORDER BY 1"};

const std::string& active_sql() {
  static const std::string sql =
      std::string("SELECT ") + rows::kSelectColumns +
      " FROM exceptions WHERE type IN (?, ?) AND status IN ('open', 'waiting') "
      "AND partner_id = ? ORDER BY CASE WHEN type = ? THEN 0 ELSE 1 END, id";
  return sql;
}

}  // namespace

struct OutboundReader::Queries {
  std::unique_ptr<orders::Query> groups, partners, active;
};

OutboundReader::OutboundReader(orders::Database db, std::unique_ptr<Queries> queries)
    : db_(db), q_(std::move(queries)) {}
OutboundReader::~OutboundReader() = default;

Result<std::unique_ptr<OutboundReader>> OutboundReader::prepare(orders::Database db) {
  auto q = std::make_unique<Queries>();
  const std::pair<std::unique_ptr<orders::Query>*, orders::SqlQuery> all[] = {
      {&q->groups, kGroups},
      {&q->partners, kPartners},
      {&q->active, {"fa_active", "tttt", rows::kSelectTypes, active_sql().c_str()}}};
  for (const auto& [into, spec] : all) {
    Result<std::unique_ptr<orders::Query>> prepared = db.prepare(spec);
    if (!prepared.ok()) return Failure{prepared.error()};
    *into = std::move(prepared).value();
  }
  return std::unique_ptr<OutboundReader>(new OutboundReader(db, std::move(q)));
}

Status OutboundReader::partners(std::set<std::string>& out) {
  orders::Query& q = *q_->partners;
  if (Status s = db_.run(q); !s.ok()) return s;
  for (std::size_t r = 0; r < q.rows(); ++r) out.insert(q.text(r, 0));
  return Status();
}

Status OutboundReader::read(const std::string& partner,
                            std::vector<orders::OutboundGroupStatus>& groups,
                            std::vector<ExceptionRecord>& active) {
  groups.clear();
  active.clear();
  orders::Query& g = *q_->groups;
  g.set(0, partner);
  if (Status s = db_.run(g); !s.ok()) return s;
  for (std::size_t r = 0; r < g.rows(); ++r) {
    orders::OutboundGroupStatus o;
    o.group.partner_id = g.text(r, 0);
    o.group.functional_id = g.text(r, 1);
    o.group.group_control = g.text(r, 2);
    o.group.sent_at = g.integer(r, 3);
    o.group.source = orders::read_source(g, r, 4);
    o.ack_status = g.text(r, 11);
    groups.push_back(std::move(o));
  }
  orders::Query& a = *q_->active;
  const std::string_view missing = to_string(ExceptionType::kFaMissing);
  a.set(0, missing);
  a.set(1, to_string(ExceptionType::kFaRejected));
  a.set(2, partner);
  a.set(3, missing);
  if (Status s = db_.run(a); !s.ok()) return s;
  for (std::size_t r = 0; r < a.rows(); ++r) active.push_back(rows::read(a, r));
  return Status();
}

}  // namespace ordex::exceptions
