#include "app/exception_table.h"

#include <algorithm>
#include <array>
#include <ostream>

#include "exceptions/sla_tracking.h"
#include "orders/json_text.h"
#include "orders/time_zone.h"

namespace ordex::app {

using exceptions::ExceptionRecord;
using exceptions::Instant;

namespace {

constexpr std::array<const char*, 16> kKeys = {
    "id",          "type",     "severity", "status",     "partner",   "po",
    "subject",     "queue",    "assignee", "claimed_by", "opened_at", "response_due",
    "resolve_due", "breached", "at_risk",  "summary"};

// The text of a list line's values that are not in the record as they are.
struct Formatted {
  std::string id, opened_at, response_due, resolve_due;
};

std::string_view instant(std::string& text, std::optional<Instant> t) {
  text = t ? orders::format_utc(*t) : "";
  return text;
}

// The values in kKeys order, as views into the record and `f`; which ones are JSON numbers,
// booleans or nullable times is decided by position in exception_json.
std::array<std::string_view, 16> values(const ExceptionRecord& r, Instant now, Formatted& f) {
  f.id = std::to_string(r.id);
  return {f.id,
          to_string(r.type),
          to_string(r.severity),
          to_string(r.status),
          r.partner_id,
          r.po_number,
          r.subject,
          r.queue,
          r.assignee,
          r.claim_expires > now ? std::string_view(r.claimed_by) : std::string_view(),
          instant(f.opened_at, r.opened_at),
          instant(f.response_due, r.response_due),
          instant(f.resolve_due, r.resolve_due),
          exceptions::is_breached(r, now) ? "true" : "false",
          exceptions::is_at_risk(r, now) ? "true" : "false",
          r.summary};
}

void print_json(std::ostream& out, const std::vector<ExceptionRecord>& list, Instant now) {
  for (const ExceptionRecord& r : list) out << exception_json(r, now) << '\n';
}

std::string csv_cell(std::string_view v) {
  if (v.find_first_of(",\"\r\n") == std::string::npos) return std::string(v);
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void print_csv(std::ostream& out, const std::vector<ExceptionRecord>& list, Instant now) {
  for (std::size_t i = 0; i < kKeys.size(); ++i) out << (i ? "," : "") << kKeys[i];
  out << "\r\n";
  Formatted f;
  for (const ExceptionRecord& r : list) {
    const auto v = values(r, now, f);
    for (std::size_t i = 0; i < v.size(); ++i) out << (i ? "," : "") << csv_cell(v[i]);
    out << "\r\n";
  }
}

std::string clip(std::string text, std::size_t width) {
  if (text.size() <= width) return text;
  text.resize(width - 1);
  return text + "~";
}

std::string owner(const ExceptionRecord& r, Instant now) {
  std::string who = r.assignee;
  if (!r.claimed_by.empty() && r.claim_expires > now && r.claimed_by != r.assignee) {
    who += (who.empty() ? "*" : "/*") + r.claimed_by;  // * marks the claim holder
  }
  return who;
}

std::string sla_flag(const ExceptionRecord& r, Instant now) {
  if (exceptions::is_breached(r, now)) return "BREACH";
  if (exceptions::is_at_risk(r, now)) return "RISK";
  return "";
}

// The due a rep acts on: the response due while nobody has responded, else the resolve due.
std::optional<Instant> next_due(const ExceptionRecord& r) {
  if (!r.responded_at && r.response_due && (!r.resolve_due || *r.response_due < *r.resolve_due)) {
    return r.response_due;
  }
  return r.resolve_due;
}

std::string short_severity(exceptions::Severity s) {
  const std::string_view name = to_string(s);
  return std::string(name.substr(0, name == "medium" ? 3 : 4));
}

// Fixed columns of 96; the summary is clipped so that a line stays within 120 columns.
void print_table(std::ostream& out, const std::vector<ExceptionRecord>& list, Instant now) {
  constexpr std::size_t kLine = 120;
  constexpr std::array<std::size_t, 10> kWidth = {6, 5, 18, 10, 12, 11, 8, 9, 10, 7};
  constexpr std::array<const char*, 11> kHead = {
      "ID", "SEV", "TYPE", "PARTNER", "PO", "QUEUE", "STATUS", "OWNER", "DUE", "SLA", "SUMMARY"};
  auto row = [&](const std::array<std::string, 11>& cells) {
    std::string line;
    for (std::size_t i = 0; i < kWidth.size(); ++i) {
      std::string cell = clip(cells[i], kWidth[i] - 1);
      cell.resize(kWidth[i], ' ');
      line += cell;
    }
    out << line << clip(cells[10], kLine - line.size()) << '\n';
  };
  row({kHead[0], kHead[1], kHead[2], kHead[3], kHead[4], kHead[5], kHead[6], kHead[7], kHead[8],
       kHead[9], kHead[10]});
  for (const ExceptionRecord& r : list) {
    const std::optional<Instant> due = next_due(r);
    row({std::to_string(r.id), short_severity(r.severity), std::string(to_string(r.type)),
         r.partner_id, r.po_number, r.queue, std::string(to_string(r.status)), owner(r, now),
         due ? relative_due(*due, now) : "-", sla_flag(r, now), r.summary});
  }
  out << list.size() << (list.size() == 1 ? " exception" : " exceptions") << " as of "
      << orders::format_utc(now) << " (DUE: response until answered, then resolve;"
      << " *name: claim)\n";
}

}  // namespace

void append_exception_json(std::string& out, const ExceptionRecord& r, Instant now) {
  Formatted f;
  const auto v = values(r, now, f);
  out += '{';
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i > 0) out += ',';
    out += '"';
    out += kKeys[i];  // plain ASCII names: nothing to escape
    out += "\":";
    const bool literal = i == 0 || i == 13 || i == 14;
    const bool nullable_time = i == 11 || i == 12;
    if (literal) {
      out += v[i];
    } else if (nullable_time && v[i].empty()) {
      out += "null";
    } else {
      orders::append_json_string(out, v[i]);
    }
  }
  out += '}';
}

std::string exception_json(const ExceptionRecord& r, Instant now) {
  std::string line;
  append_exception_json(line, r, now);
  return line;
}

std::string relative_due(Instant due, Instant now) {
  const Instant minutes = (due > now ? due - now : now - due) / 60;
  if (minutes == 0) return "now";
  const Instant days = minutes / 1440, hours = minutes % 1440 / 60, mins = minutes % 60;
  std::string text;
  if (days > 0) text += std::to_string(days) + "d";
  if (hours > 0) text += std::to_string(hours) + "h";
  if (days == 0 && mins > 0) text += std::to_string(mins) + "m";
  return due > now ? "in " + text : text + " late";
}

void print_exception_list(std::ostream& out, const std::vector<ExceptionRecord>& list,
                          ListFormat format, Instant now) {
  switch (format) {
    case ListFormat::kJson:
      return print_json(out, list, now);
    case ListFormat::kCsv:
      return print_csv(out, list, now);
    case ListFormat::kTable:
      return print_table(out, list, now);
  }
}

}  // namespace ordex::app
