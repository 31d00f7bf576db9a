#include "reports/logistics_kpis.h"

#include <algorithm>
#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <map>

#include "orders/model.h"
#include "orders/time_zone.h"

namespace ordex::reports {

namespace {

constexpr Instant kAckDeadline = 24 * 3600;
constexpr Instant kNoticeDeadline = 24 * 3600;

// The first instant after the partner's due day; nullopt when the due day is not a date.
std::optional<Instant> due_day_end(const OrderFact& order) {
  const std::optional<orders::CivilTime> due = orders::parse_iso_day(order.due);
  if (!due) return std::nullopt;
  orders::TimeZone zone;
  if (auto named = orders::TimeZone::named(order.timezone); named.ok()) zone = named.value();
  const boost::gregorian::date next =
      boost::gregorian::date(static_cast<unsigned short>(due->year),
                             static_cast<unsigned short>(due->month),
                             static_cast<unsigned short>(due->day)) +
      boost::gregorian::days(1);
  orders::CivilTime midnight;
  midnight.year = next.year();
  midnight.month = next.month();
  midnight.day = next.day();
  return zone.to_instant(midnight);
}

std::int64_t shipped_for(const OrderFact& order, const OrderLineFact& line, Instant end) {
  std::int64_t total = 0;
  for (const ShippedItemFact& item : order.shipped) {
    if (item.shipped_at <= end && item.product.matches(line.product)) total += item.quantity_e4;
  }
  return total;
}

bool in_full(const OrderFact& order, Instant end) {
  if (order.lines.empty()) return false;
  return std::all_of(order.lines.begin(), order.lines.end(), [&](const OrderLineFact& line) {
    return shipped_for(order, line, end) >= line.ordered_e4;
  });
}

std::optional<Instant> first_shipped(const OrderFact& order) {
  std::optional<Instant> first;
  for (const ShippedItemFact& item : order.shipped) {
    if (!first || item.shipped_at < *first) first = item.shipped_at;
  }
  return first;
}

void add_deliveries(const OrderFacts& facts, const Window& w, LogisticsDay& day) {
  for (const OrderFact& order : facts.orders) {
    if (!w.contains(order.delivered_at)) continue;
    const std::optional<Instant> deadline = due_day_end(order);
    const bool on_time = deadline && *order.delivered_at < *deadline;
    day.on_time.add(on_time);
    day.otif.add(on_time && in_full(order, w.last()));
  }
}

void add_fill(const OrderFacts& facts, const Window& w, LogisticsDay& day) {
  for (const OrderFact& order : facts.orders) {
    if (!w.contains(first_shipped(order)) || order.lines.empty()) continue;
    bool all_full = true;
    for (const OrderLineFact& line : order.lines) {
      const std::int64_t got = shipped_for(order, line, w.last());
      day.fill_units.hits += std::min(got, line.ordered_e4);
      day.fill_units.total += line.ordered_e4;
      day.fill_lines.add(got >= line.ordered_e4);
      all_full = all_full && got >= line.ordered_e4;
    }
    day.fill_orders.add(all_full);
  }
}

bool notice_accurate(const OrderFacts& facts, const ShipNoticeFact& notice, Instant end) {
  return std::none_of(notice.pos.begin(), notice.pos.end(), [&](const std::string& po) {
    auto it = facts.qty_mismatches.find({notice.partner, po});
    return it != facts.qty_mismatches.end() && it->second <= end;
  });
}

void add_notices(const OrderFacts& facts, const Window& w, LogisticsDay& day) {
  for (const ShipNoticeFact& notice : facts.ship_notices) {
    if (!w.contains(notice.received_at)) continue;
    day.asn_timely.add(notice.shipped_at &&
                       notice.received_at - *notice.shipped_at <= kNoticeDeadline);
    day.asn_accurate.add(notice_accurate(facts, notice, w.last()));
  }
}

void add_acks(const OrderFacts& facts, const Window& w, LogisticsDay& day) {
  for (const OutboundGroupFact& g : facts.outbound_groups) {
    orders::OutboundGroup group;
    group.functional_id = g.functional_id;
    if (!orders::awaits_functional_ack(group)) continue;
    const Instant deadline = g.sent_at + kAckDeadline;
    if (!w.contains(deadline)) continue;
    day.fa_compliance.add(g.acked_at && *g.acked_at <= deadline);
  }
}

std::vector<ErrorCount> top_three(const std::map<std::string, std::int64_t>& codes) {
  std::vector<ErrorCount> all;
  for (const auto& [code, n] : codes) all.push_back(ErrorCount{code, n});
  std::stable_sort(all.begin(), all.end(),
                   [](const ErrorCount& a, const ErrorCount& b) { return a.count > b.count; });
  if (all.size() > 3) all.resize(3);
  return all;
}

}  // namespace

LogisticsDay logistics_day(const OrderFacts& facts, const Window& window) {
  LogisticsDay day;
  add_deliveries(facts, window, day);
  add_fill(facts, window, day);
  add_notices(facts, window, day);
  add_acks(facts, window, day);
  for (const DocumentFact& d : facts.documents) {
    if (window.contains(d.received_at)) day.edi_rejection.add(d.status == "rejected");
  }
  return day;
}

std::vector<PartnerEdi> edi_by_partner(const OrderFacts& facts, const Window& window) {
  std::map<std::string, PartnerEdi> partners;
  std::map<std::string, std::map<std::string, std::int64_t>> codes;
  for (const DocumentFact& d : facts.documents) {
    if (!window.contains(d.received_at)) continue;
    PartnerEdi& p = partners[d.partner];
    p.partner = d.partner;
    ++p.documents;
    if (d.status == "rejected") ++p.rejected;
    for (const std::string& code : d.error_codes) ++codes[d.partner][code];
  }
  std::vector<PartnerEdi> rows;
  for (auto& [name, p] : partners) {
    p.top_errors = top_three(codes[name]);
    rows.push_back(std::move(p));
  }
  return rows;
}

}  // namespace ordex::reports
