#include "exceptions/rule_runner.h"

#include <algorithm>
#include <map>

#include "exceptions/case_loader.h"
#include "exceptions/file_case_loader.h"
#include "exceptions/outbound_reader.h"
#include "exceptions/rules.h"
#include "exceptions/sla_tracking.h"

namespace ordex::exceptions {

namespace {

// Cases per page of after_file: each page is ~15 queries and one transaction; a page of cases
// with their documents is a few MB at most, whatever the file's size.
constexpr std::int64_t kCasesPerPage = 2000;

// Drops what the clock rules found and said, so the ledger neither opens nor resolves them.
void without_clock_rules(Evaluation& ev) {
  auto clock = [](ExceptionType t) { return entry(t).trigger == Trigger::kClock; };
  std::erase_if(ev.found, [&](const Condition& c) { return clock(c.type); });
  for (const CatalogEntry& e : catalog()) {
    if (clock(e.type)) ev.evaluated.reset(static_cast<std::size_t>(e.type));
  }
}

}  // namespace

Result<OrderCase> load_order_case(orders::Store& store, const std::string& partner_id,
                                  const std::string& po_number) {
  OrderCase c;
  c.partner_id = partner_id;
  c.po_number = po_number;
  Result<std::optional<orders::TradingPartner>> partner = store.partner(partner_id);
  if (!partner.ok()) return Failure{partner.error()};
  c.partner = partner.value();
  if (c.partner) c.zone = partner_zone(c.partner->timezone);
  Result<orders::OrderDetail> activity = store.order_activity(partner_id, po_number);
  if (!activity.ok()) return Failure{activity.error()};
  orders::OrderDetail& d = activity.value();
  if (d.order.id != 0) c.order = std::move(d.order);
  c.acks = std::move(d.acks);
  c.shipments = std::move(d.shipments);
  c.events = std::move(d.events);
  c.invoices = std::move(d.invoices);
  c.documents = std::move(d.documents);
  if (!c.order) return c;
  for (const orders::OrderLine& line : c.order->order.lines) {
    Result<std::optional<orders::Item>> item = !line.sku.empty()
                                                   ? store.item_by_sku(partner_id, line.sku)
                                                   : store.item_by_upc(partner_id, line.upc);
    if (line.sku.empty() && line.upc.empty()) continue;
    if (!item.ok()) return Failure{item.error()};
    if (!item.value() && !line.sku.empty() && !line.upc.empty()) {
      item = store.item_by_upc(partner_id, line.upc);
      if (!item.ok()) return Failure{item.error()};
    }
    if (item.value()) c.items.push_back(std::move(*item.value()));
  }
  if (!c.order->order.ship_to.empty()) {
    Result<std::optional<orders::Location>> to = store.location(partner_id, c.order->order.ship_to);
    if (!to.ok()) return Failure{to.error()};
    c.ship_to = to.value();
  }
  return c;
}

Status RuleRunner::in_transaction(const std::function<Status()>& work) {
  orders::Store& store = store_.store();
  if (Status s = store.begin(); !s.ok()) return s;
  Status s = work();
  if (!s.ok()) {
    (void)store.rollback();
    return s;
  }
  return store.commit();
}

Status RuleRunner::check_order(const std::string& partner_id, const std::string& po_number) {
  return in_transaction([&]() -> Status {
    Result<OrderCase> c = load_order_case(store_.store(), partner_id, po_number);
    if (!c.ok()) return Failure{c.error()};
    // Orders belong to customers; a carrier's or warehouse's documents name a customer's PO
    // and are judged in that customer's case (after_file adds it).
    if (c.value().partner && c.value().partner->role != orders::PartnerRole::kCustomer) {
      return Status();
    }
    Result<std::vector<ExceptionRecord>> existing = store_.of_order(partner_id, po_number);
    if (!existing.ok()) return Failure{existing.error()};
    Evaluation ev = evaluate_order(c.value(), config_.rules, now_);
    if (defer_clock_rules_) without_clock_rules(ev);
    return ledger_.apply(ev, existing.value());
  });
}

Status RuleRunner::check_file(std::int64_t file_id, std::set<std::string>& partners) {
  if (!file_loader_) {
    Result<std::unique_ptr<FileCaseLoader>> loader = FileCaseLoader::prepare(store_.database());
    if (!loader.ok()) return Failure{loader.error()};
    file_loader_ = std::move(loader).value();
  }
  return in_transaction([&]() -> Status {
    FileCase f;
    partners.clear();
    if (Status s = file_loader_->load(file_id, f, partners); !s.ok()) return s;
    // File-scope problems never clear by themselves (nothing later un-rejects an interchange),
    // so there is nothing to compare against: found conditions are opened or refreshed.
    return ledger_.apply(evaluate_file(f, config_.rules), {});
  });
}

// A partner at a time (outbound_reader.h), so memory does not grow with the store.
Status RuleRunner::check_outbound_groups(const std::set<std::string>& partners) {
  if (partners.empty()) return Status();
  if (Status s = prepare_outbound_reader(); !s.ok()) return s;
  return in_transaction([&]() -> Status {
    std::vector<orders::OutboundGroupStatus> groups;
    std::vector<ExceptionRecord> mine;
    for (const std::string& partner : partners) {
      if (Status s = outbound_->read(partner, groups, mine); !s.ok()) return s;
      const Evaluation ev =
          evaluate_outbound_groups(partner, groups, config_.rules.params(partner), now_);
      if (Status s = ledger_.apply(ev, mine); !s.ok()) return s;
      ++sweep_.partners;
    }
    return Status();
  });
}

Status RuleRunner::prepare_outbound_reader() {
  if (outbound_) return Status();
  Result<std::unique_ptr<OutboundReader>> reader = OutboundReader::prepare(store_.database());
  if (!reader.ok()) return Failure{reader.error()};
  outbound_ = std::move(reader).value();
  return Status();
}

Status RuleRunner::after_file(std::int64_t file_id) {
  // Functional acknowledgments (and our outbound groups) are per partner, not per order: the
  // partners the file's documents name, read with its file-scope case.
  std::set<std::string> partners;
  if (Status s = check_file(file_id, partners); !s.ok()) return s;
  if (Status s = check_file_orders(file_id); !s.ok()) return s;
  return check_outbound_groups(partners);
}

// The keys are staged in the database and read back a page at a time, each page in its own
// transaction: check_order's work for every key, with ~15 queries a page instead of a key.
Status RuleRunner::check_file_orders(std::int64_t file_id) {
  if (!loader_) {
    Result<std::unique_ptr<CaseLoader>> loader = CaseLoader::prepare(store_.database());
    if (!loader.ok()) return Failure{loader.error()};
    loader_ = std::move(loader).value();
  }
  Result<std::int64_t> keys = loader_->stage(file_id);
  if (!keys.ok()) return Failure{keys.error()};
  for (std::int64_t from = 0; from < keys.value(); from += kCasesPerPage) {
    const std::int64_t to = std::min(from + kCasesPerPage, keys.value());
    if (Status s = in_transaction([&] { return check_page(file_id, from, to); }); !s.ok()) {
      return s;  // the keys stay staged until the file's next stage()
    }
  }
  return loader_->unstage(file_id);
}

Status RuleRunner::check_page(std::int64_t file_id, std::int64_t from, std::int64_t to) {
  std::vector<LoadedCase> cases;
  if (Status s = loader_->load(file_id, from, to, cases); !s.ok()) return s;
  std::vector<Evaluation> evaluations;
  std::vector<const LoadedCase*> judged;
  evaluations.reserve(cases.size());
  for (const LoadedCase& lc : cases) {
    // As check_order: a carrier's or warehouse's documents are judged in the customer's case.
    if (lc.c.partner && lc.c.partner->role != orders::PartnerRole::kCustomer) continue;
    evaluations.push_back(evaluate_order(lc.c, config_.rules, now_));
    if (defer_clock_rules_) without_clock_rules(evaluations.back());
    judged.push_back(&lc);
  }
  std::vector<Ledger::Scope> scopes;
  scopes.reserve(judged.size());
  for (std::size_t i = 0; i < judged.size(); ++i) {
    scopes.push_back(Ledger::Scope{&evaluations[i], &judged[i]->existing});
  }
  return ledger_.apply_all(scopes);
}

}  // namespace ordex::exceptions
