#pragma once
// Which side of an interchange is the trading partner (DESIGN.md, "Which side is the partner"):
//
//  1. ordex's own ids (config `self.ids`): the other side is the partner;
//  2. else the side found in the partners table (master data) is the partner and the other
//     side is us, so a document whose receiver is a known partner is outbound;
//  3. else the document type decides: the buyer sends 850/ORDERS and receives 855/856/810
//     (ORDRSP/DESADV/INVOIC), carriers send 214/IFTSTA, the warehouse receives 940 and sends
//     945, and partners send the 997/999/CONTRL that answer us. The partner is then created
//     from its interchange id, marked unregistered, and the caller reports a warning finding:
//     nothing is dropped for want of master data. With a default partner (a job whose inbox
//     is one partner's), an unknown party is that partner instead.
//
// Lookups are cached for the resolver's life (one run), created partners included.
// Not thread-safe; one per Store session.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "edi/result.h"
#include "orders/model.h"
#include "orders/store.h"

namespace ordex::orders::ingest {

// An interchange party: qualifier and id (ISA05/06, ISA07/08, UNB S002/S003).
struct PartyId {
  std::string qualifier;
  std::string id;
  friend auto operator<=>(const PartyId&, const PartyId&) = default;
};

// Parses "ZZ:ACMESUPPLY" (or a bare "ACMESUPPLY", matching any qualifier).
PartyId parse_party_id(const std::string& text);

struct Resolution {
  TradingPartner partner;
  bool outbound = false;  // we are the sender
  bool created = false;   // the partner was created by this call (unregistered)
};

class PartnerResolver {
 public:
  // `default_partner`: a partner_id that parties no master data names resolve to; "" = create
  // them unregistered.
  PartnerResolver(Store& store, std::vector<PartyId> self_ids, std::string default_partner = "");

  // The partner of a document of `set_id` sent by `sender` to `receiver`.
  edi::Result<Resolution> resolve(const PartyId& sender, const PartyId& receiver,
                                  const std::string& set_id);

  // Which side is the partner when that is known without a document type: from self.ids or
  // the partners table (rules 1 and 2), with the partner's record when it has one. nullopt when
  // neither rule decides. Creates nothing.
  struct KnownSide {
    bool outbound = false;  // we are the sender
    std::optional<TradingPartner> partner;
  };
  edi::Result<std::optional<KnownSide>> known(const PartyId& sender, const PartyId& receiver);

  // A carrier named only by its SCAC (tracking feeds): the partner whose edi_id is the SCAC
  // (qualifier 02, else any partner id equal to it), else an unregistered carrier.
  edi::Result<Resolution> carrier_by_scac(const std::string& scac);

  // Partners created since the last call live in the open transaction: after a commit they
  // are kept, after a rollback they are forgotten (and created again when next needed).
  void committed();
  void rolled_back();

 private:
  bool is_self(const PartyId& party) const;
  edi::Result<std::optional<TradingPartner>> lookup(const PartyId& party);
  edi::Result<Resolution> create(const PartyId& party, PartnerRole role);
  edi::Result<Resolution> known_or_created(const PartyId& party, const std::string& set_id,
                                           bool outbound);

  Store& store_;
  std::vector<PartyId> self_ids_;
  std::string default_partner_;
  std::map<PartyId, std::optional<TradingPartner>> cache_;
  std::vector<PartyId> uncommitted_;
};

// True when the partner sends documents of `set_id` (the buyer's 850, the carrier's 214, ...),
// false when it receives them from us.
bool partner_sends(const std::string& set_id);

// The role an unregistered partner gets from the first document it appears in.
PartnerRole role_for_set(const std::string& set_id);

}  // namespace ordex::orders::ingest
