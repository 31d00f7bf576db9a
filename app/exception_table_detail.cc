// `ordex exceptions show ID`: one exception, its evidence, its waits and its audit trail.
#include <Poco/JSON/ParseHandler.h>
#include <Poco/JSON/Parser.h>

#include <ostream>
#include <utility>
#include <vector>

#include "app/exception_table.h"
#include "exceptions/sla_tracking.h"
#include "orders/time_zone.h"

namespace ordex::app {

using exceptions::ExceptionRecord;
using exceptions::Instant;

namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;

// The stored JSON objects (evidence, audit before/after) are flat; they are written by ordex
// itself, so one that does not parse is shown raw rather than failing the whole page.
Fields flat_object(const std::string& json) {
  Fields out;
  try {
    Poco::JSON::Parser parser(new Poco::JSON::ParseHandler(true));  // keep key order
    auto object = parser.parse(json).extract<Poco::JSON::Object::Ptr>();
    for (const auto& name : object->getNames()) {
      out.emplace_back(name, object->get(name).convert<std::string>());
    }
  } catch (const Poco::Exception&) {
    out.emplace_back("(raw)", json);
  } catch (const std::exception&) {
    out.emplace_back("(raw)", json);
  }
  return out;
}

std::string when(std::optional<Instant> t) { return t ? orders::format_utc(*t) : "-"; }

// Claim expiries and SLA dues are instants: show them as such, not as epoch seconds.
std::string shown(const std::string& field, const std::string& value) {
  const bool is_instant = field == "claim_expires" || field == "wait_until" ||
                          field == "response_due" || field == "resolve_due";
  if (value.empty()) return "\"\"";
  if (is_instant && value.find_first_not_of("0123456789") == std::string::npos) {
    return orders::format_utc(std::stoll(value));
  }
  return "\"" + value + "\"";
}

void print_header(std::ostream& out, const ExceptionRecord& r, Instant now) {
  out << "Exception " << r.id << "  " << to_string(r.type) << "  " << to_string(r.severity) << "  "
      << to_string(r.status) << '\n';
  out << "  partner " << r.partner_id << "  po " << (r.po_number.empty() ? "-" : r.po_number)
      << (r.subject.empty() ? "" : "  subject " + r.subject) << '\n';
  out << "  summary   " << r.summary << '\n';
  out << "  queue     " << r.queue << "  assignee " << (r.assignee.empty() ? "-" : r.assignee);
  if (!r.claimed_by.empty() && r.claim_expires > now) {
    out << "  claimed by " << r.claimed_by << " until " << orders::format_utc(r.claim_expires);
  }
  out << '\n';
  out << "  opened    " << when(r.opened_at) << " (first " << when(r.first_opened_at) << ", "
      << r.reopen_count << " reopen" << (r.reopen_count == 1 ? "" : "s") << ")\n";
  if (r.wait_until) {
    out << "  waiting   on " << r.waiting_on << " until " << when(r.wait_until) << '\n';
  }
  out << "  SLA       " << (r.sla_policy.empty() ? "none" : r.sla_policy) << ": response due "
      << when(r.response_due) << " (responded " << when(r.responded_at) << "), resolve due "
      << when(r.resolve_due);
  if (exceptions::is_breached(r, now)) out << "  BREACHED";
  if (exceptions::is_at_risk(r, now)) out << "  AT RISK";
  out << '\n';
  if (r.resolved_at) {
    out << "  ended     " << when(r.resolved_at) << " by " << r.resolved_by << ": " << r.resolution
        << '\n';
  }
}

void print_audit(std::ostream& out, const exceptions::AuditEntry& e) {
  out << "  " << orders::format_utc(e.at) << "  " << e.actor << "  " << e.action;
  if (!e.note.empty()) out << "  \"" << e.note << "\"";
  out << '\n';
  const Fields before = flat_object(e.before);
  for (const auto& [field, value] : flat_object(e.after)) {
    std::string was;
    for (const auto& [f, v] : before) {
      if (f == field) was = v;
    }
    out << "      " << field << ": " << shown(field, was) << " -> " << shown(field, value) << '\n';
  }
}

}  // namespace

void print_exception_detail(std::ostream& out, const ExceptionDetail& d, Instant now) {
  print_header(out, d.record, now);
  out << "Evidence\n";
  for (const auto& [key, value] : flat_object(d.record.evidence)) {
    out << "  " << key << ": " << value << '\n';
  }
  out << "Waits\n";
  if (d.waits.empty()) out << "  none\n";
  for (const exceptions::WaitPeriod& w : d.waits) {
    out << "  " << orders::format_utc(w.started_at) << " -> "
        << (w.ended_at ? orders::format_utc(*w.ended_at) : "(waiting)") << "  on " << w.waiting_on
        << '\n';
  }
  out << "Audit trail\n";
  if (d.audit.empty()) out << "  none\n";
  for (const exceptions::AuditEntry& e : d.audit) print_audit(out, e);
}

}  // namespace ordex::app
