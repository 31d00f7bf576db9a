#include "exceptions/rule_runner.h"

#include <algorithm>
#include <map>

#include "exceptions/rules.h"
#include "exceptions/sla_tracking.h"

namespace ordex::exceptions {

namespace {

orders::TimeZone zone_named(const std::string& name) {
  if (name.empty()) return orders::TimeZone::utc();
  edi::Result<orders::TimeZone> zone = orders::TimeZone::named(name);
  // master load refuses unknown zones; one that vanished from tzdata falls back to UTC rather
  // than stopping every rule for the partner.
  return zone.ok() ? zone.value() : orders::TimeZone::utc();
}

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
  if (c.partner) c.zone = zone_named(c.partner->timezone);
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

Status RuleRunner::check_file(std::int64_t file_id) {
  return in_transaction([&]() -> Status {
    FileCase f;
    f.file_id = file_id;
    Result<std::vector<orders::DocumentRecord>> docs = store_.store().documents_in_file(file_id);
    if (!docs.ok()) return Failure{docs.error()};
    Result<std::vector<orders::FindingRecord>> findings = store_.store().findings_in_file(file_id);
    if (!findings.ok()) return Failure{findings.error()};
    f.documents = std::move(docs).value();
    f.findings = std::move(findings).value();
    for (const orders::DocumentRecord& d : f.documents) {
      if (!d.partner_id.empty()) f.interchange_partner.emplace(d.source.interchange, d.partner_id);
    }
    // File-scope problems never clear by themselves (nothing later un-rejects an interchange),
    // so there is nothing to compare against: found conditions are opened or refreshed.
    return ledger_.apply(evaluate_file(f, config_.rules), {});
  });
}

Status RuleRunner::check_outbound_groups(const std::set<std::string>& partners) {
  if (partners.empty()) return Status();
  Result<std::vector<orders::OutboundGroupStatus>> groups = store_.store().outbound_groups();
  if (!groups.ok()) return Failure{groups.error()};
  return in_transaction([&]() -> Status {
    std::vector<ExceptionRecord> active;
    for (ExceptionType t : {ExceptionType::kFaMissing, ExceptionType::kFaRejected}) {
      Result<std::vector<ExceptionRecord>> of_type = store_.active_of_type(t);
      if (!of_type.ok()) return Failure{of_type.error()};
      for (ExceptionRecord& e : of_type.value()) active.push_back(std::move(e));
    }
    for (const std::string& partner : partners) {
      std::vector<ExceptionRecord> mine;
      for (const ExceptionRecord& e : active) {
        if (e.partner_id == partner) mine.push_back(e);
      }
      const Evaluation ev =
          evaluate_outbound_groups(partner, groups.value(), config_.rules.params(partner), now_);
      if (Status s = ledger_.apply(ev, mine); !s.ok()) return s;
      ++sweep_.partners;
    }
    return Status();
  });
}

Status RuleRunner::after_file(std::int64_t file_id) {
  if (Status s = check_file(file_id); !s.ok()) return s;
  Result<std::vector<std::pair<std::string, std::string>>> orders =
      store_.store().order_keys_in_file(file_id);
  if (!orders.ok()) return Failure{orders.error()};
  for (const auto& [partner, po] : orders.value()) {
    if (Status s = check_order(partner, po); !s.ok()) return s;
  }
  // Functional acknowledgments (and our outbound groups) are per partner, not per order.
  Result<std::vector<orders::DocumentRecord>> docs = store_.store().documents_in_file(file_id);
  if (!docs.ok()) return Failure{docs.error()};
  std::set<std::string> partners;
  for (const orders::DocumentRecord& d : docs.value()) {
    if (!d.partner_id.empty()) partners.insert(d.partner_id);
  }
  return check_outbound_groups(partners);
}

}  // namespace ordex::exceptions
