#include "orders/ingest/partner_resolver.h"

#include <array>
#include <string_view>
#include <utility>

namespace ordex::orders::ingest {
namespace {

// Sets a partner sends to us; everything else we send to it.
constexpr std::array<std::string_view, 9> kPartnerSends = {
    "850", "ORDERS", "214", "IFTSTA", "945", "997", "999", "CONTRL", "TA1"};

}  // namespace

PartyId parse_party_id(const std::string& text) {
  const std::size_t colon = text.find(':');
  if (colon == std::string::npos) return PartyId{"", text};
  return PartyId{text.substr(0, colon), text.substr(colon + 1)};
}

bool partner_sends(const std::string& set_id) {
  for (std::string_view s : kPartnerSends) {
    if (s == set_id) return true;
  }
  return false;
}

PartnerRole role_for_set(const std::string& set_id) {
  if (set_id == "214" || set_id == "IFTSTA") return PartnerRole::kCarrier;
  if (set_id == "940" || set_id == "945") return PartnerRole::kWarehouse;
  return PartnerRole::kCustomer;
}

PartnerResolver::PartnerResolver(Store& store, std::vector<PartyId> self_ids,
                                 std::string default_partner)
    : store_(store), self_ids_(std::move(self_ids)), default_partner_(std::move(default_partner)) {}

bool PartnerResolver::is_self(const PartyId& party) const {
  for (const PartyId& s : self_ids_) {
    if (s.id == party.id && (s.qualifier.empty() || s.qualifier == party.qualifier)) return true;
  }
  return false;
}

edi::Result<std::optional<TradingPartner>> PartnerResolver::lookup(const PartyId& party) {
  if (auto it = cache_.find(party); it != cache_.end()) return it->second;
  auto found = store_.partner_by_edi_id(party.qualifier, party.id);
  if (!found.ok()) return edi::Failure{found.error()};
  cache_.emplace(party, found.value());
  return found.value();
}

edi::Result<Resolution> PartnerResolver::create(const PartyId& party, PartnerRole role) {
  if (!default_partner_.empty()) {
    auto fallback = store_.partner(default_partner_);
    if (!fallback.ok()) return edi::Failure{fallback.error()};
    if (!fallback.value()) {
      return edi::Failure{"the default partner " + default_partner_ +
                          " is not in the partners table (ordex master load)"};
    }
    cache_[party] = fallback.value();
    return Resolution{*fallback.value(), false, false};
  }
  TradingPartner p;
  p.partner_id = party.id;
  p.name = party.id;
  p.role = role;
  p.qualifier = party.qualifier;
  p.edi_id = party.id;
  p.registered = false;
  // ensure_partner keeps a partner that already has this id (or EDI id): read it back so the
  // document goes to whoever owns the id.
  if (Status s = store_.ensure_partner(p); !s.ok()) return edi::Failure{s.error()};
  auto stored = store_.partner(p.partner_id);
  if (!stored.ok()) return edi::Failure{stored.error()};
  if (stored.value()) p = *stored.value();
  cache_[party] = p;
  uncommitted_.push_back(party);
  return Resolution{p, false, true};
}

edi::Result<Resolution> PartnerResolver::known_or_created(const PartyId& party,
                                                          const std::string& set_id,
                                                          bool outbound) {
  auto found = lookup(party);
  if (!found.ok()) return edi::Failure{found.error()};
  edi::Result<Resolution> r = found.value() ? Resolution{*found.value(), false, false}
                                            : create(party, role_for_set(set_id));
  if (r.ok()) r.value().outbound = outbound;
  return r;
}

edi::Result<Resolution> PartnerResolver::resolve(const PartyId& sender, const PartyId& receiver,
                                                 const std::string& set_id) {
  const bool sender_self = is_self(sender);
  const bool receiver_self = is_self(receiver);
  if (sender_self && !receiver_self) return known_or_created(receiver, set_id, true);
  if (receiver_self && !sender_self) return known_or_created(sender, set_id, false);
  auto s = lookup(sender);
  if (!s.ok()) return edi::Failure{s.error()};
  if (s.value()) return Resolution{*s.value(), false, false};
  auto r = lookup(receiver);
  if (!r.ok()) return edi::Failure{r.error()};
  if (r.value()) return Resolution{*r.value(), true, false};
  // Neither side is known: the document type says who sent it.
  const bool outbound = !partner_sends(set_id);
  return known_or_created(outbound ? receiver : sender, set_id, outbound);
}

edi::Result<std::optional<PartnerResolver::KnownSide>> PartnerResolver::known(
    const PartyId& sender, const PartyId& receiver) {
  const bool sender_self = is_self(sender);
  if (sender_self != is_self(receiver)) {
    auto partner = lookup(sender_self ? receiver : sender);
    if (!partner.ok()) return edi::Failure{partner.error()};
    return std::optional<KnownSide>(KnownSide{sender_self, partner.value()});
  }
  auto s = lookup(sender);
  if (!s.ok()) return edi::Failure{s.error()};
  if (s.value()) return std::optional<KnownSide>(KnownSide{false, s.value()});
  auto r = lookup(receiver);
  if (!r.ok()) return edi::Failure{r.error()};
  if (r.value()) return std::optional<KnownSide>(KnownSide{true, r.value()});
  return std::optional<KnownSide>();
}

void PartnerResolver::committed() { uncommitted_.clear(); }

void PartnerResolver::rolled_back() {
  for (const PartyId& party : uncommitted_) cache_.erase(party);
  uncommitted_.clear();
}

edi::Result<Resolution> PartnerResolver::carrier_by_scac(const std::string& scac) {
  auto by_scac = lookup(PartyId{"02", scac});
  if (!by_scac.ok()) return edi::Failure{by_scac.error()};
  if (by_scac.value()) return Resolution{*by_scac.value(), false, false};
  auto by_id = store_.partner(scac);
  if (!by_id.ok()) return edi::Failure{by_id.error()};
  if (by_id.value()) {
    cache_[PartyId{"02", scac}] = by_id.value();
    return Resolution{*by_id.value(), false, false};
  }
  return create(PartyId{"02", scac}, PartnerRole::kCarrier);
}

}  // namespace ordex::orders::ingest
