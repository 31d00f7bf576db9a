// FA_MISSING and FA_REJECTED: did the partner acknowledge (997/999/CONTRL) the groups we sent?
//
// AK901 (and CONTRL mapped onto it, orders/mapping/map_contrl.cc): A accepted, E accepted with
// errors noted, P partially accepted (at least one set rejected), R rejected. R and P raise
// FA_REJECTED: documents of ours were refused. E does not: by definition every set was
// accepted, and OutboundGroupStatus carries only AK901, not the sets' AK501 codes, so an E
// that nevertheless rejects sets cannot be told apart here.
#include "exceptions/evidence.h"
#include "exceptions/rules.h"
#include "exceptions/rules_detail.h"
#include "orders/time_zone.h"

namespace ordex::exceptions {
namespace {

using detail::start;
using orders::OutboundGroupStatus;

// What a functional group of ours carries, in words (GS01).
std::string group_contents(const std::string& functional_id) {
  struct Name {
    std::string_view id, words;
  };
  static constexpr Name kNames[] = {{"PR", "order acknowledgments (855)"},
                                    {"SH", "ship notices (856)"},
                                    {"IN", "invoices (810)"},
                                    {"PO", "purchase orders (850)"},
                                    {"OW", "warehouse shipping orders (940)"},
                                    {"QM", "carrier status messages (214)"}};
  for (const Name& n : kNames) {
    if (n.id == functional_id) return std::string(n.words);
  }
  return functional_id.empty() ? std::string("documents") : functional_id + " documents";
}

Condition group_condition(ExceptionType type, const OutboundGroupStatus& g) {
  Condition k;
  k.type = type;
  k.partner_id = g.group.partner_id;
  k.subject = "group " + g.group.functional_id + " " + g.group.group_control;
  k.file_id = g.group.source.file_id;
  return k;
}

std::string evidence(const OutboundGroupStatus& g) {
  Evidence e;
  e.add("group", g.group.group_control).add("functional_id", g.group.functional_id);
  e.add_instant("sent_at", g.group.sent_at).add("ack_status", g.ack_status);
  if (!g.group.source.interchange.empty()) e.add("interchange", g.group.source.interchange);
  return e.json();
}

std::string group_text(const OutboundGroupStatus& g) {
  return "Our group " + g.group.group_control + " of " + group_contents(g.group.functional_id) +
         " sent to " + g.group.partner_id + " on " + orders::format_utc(g.group.sent_at);
}

void missing(const OutboundGroupStatus& g, const RuleParams& p, orders::Instant now,
             Evaluation& out) {
  // At exactly the deadline the window has passed: "no ack 24 h after sending".
  if (!g.ack_status.empty() || now < g.group.sent_at + p.fa_missing_hours * 3600) return;
  Condition k = group_condition(ExceptionType::kFaMissing, g);
  k.summary = group_text(g) + " has no functional acknowledgment after " +
              std::to_string(p.fa_missing_hours) + " h; ask the partner whether it arrived";
  k.evidence = evidence(g);
  out.add(std::move(k));
}

void rejected(const OutboundGroupStatus& g, Evaluation& out) {
  if (g.ack_status != "R" && g.ack_status != "P") return;
  Condition k = group_condition(ExceptionType::kFaRejected, g);
  k.summary = group_text(g) + (g.ack_status == "R" ? " was rejected" : " was partly rejected") +
              " by the partner's functional acknowledgment; correct and resend";
  k.evidence = evidence(g);
  out.add(std::move(k));
}

}  // namespace

Evaluation evaluate_outbound_groups(const std::string& partner_id,
                                    const std::vector<OutboundGroupStatus>& groups,
                                    const RuleParams& params, orders::Instant now) {
  Evaluation out;
  const bool want_missing =
      start(out, ExceptionType::kFaMissing, params, "functional acknowledgment received");
  const bool want_rejected = start(out, ExceptionType::kFaRejected, params,
                                   "a later functional acknowledgment accepted the group");
  for (const OutboundGroupStatus& g : groups) {
    if (g.group.partner_id != partner_id) continue;
    if (want_missing) missing(g, params, now, out);
    if (want_rejected) rejected(g, out);
  }
  return out;
}

}  // namespace ordex::exceptions
