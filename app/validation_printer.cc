#include "app/validation_printer.h"

#include "orders/json_text.h"

namespace ordex::app {

using edi::Finding;
using orders::append_json_string;

namespace {

void append_field(std::string& line, const char* key, const std::string& value, bool present) {
  line += ",\"";
  line += key;
  line += "\":";
  if (present) {
    append_json_string(line, value);
  } else {
    line += "null";
  }
}

void append_number(std::string& line, const char* key, std::uint32_t value) {
  line += ",\"";
  line += key;
  line += "\":";
  line += value == 0 ? "null" : std::to_string(value);
}

}  // namespace

void ValidationPrinter::begin_file(std::string_view name) {
  file_ = std::string(name);
  file_start_ = totals_;
  ++totals_.files;
}

void ValidationPrinter::begin_interchange(const edi::InterchangeHeader& h) {
  in_interchange_ = true;
  standard_ = h.standard;
  interchange_ = h.control_number;
  ++totals_.interchanges;
}

void ValidationPrinter::begin_group(const edi::GroupHeader& h) {
  // EDIFACT messages sent without UNG/UNE are in an implicit group: no group to name.
  in_group_ = !h.implicit;
  group_ = h.control_number;
}

void ValidationPrinter::begin_transaction(const edi::TransactionHeader& h) {
  in_transaction_ = true;
  transaction_ = h.control_number;
  set_ = h.set_id;
  ++totals_.transactions;
}

// Group and interchange verdicts: a trailer error (GE/IEA/UNE/UNZ counts, control numbers)
// is found after the sets inside were printed, so the envelope's own verdict gets a line too.
void ValidationPrinter::print_envelope_verdict(const char* type, edi::Verdict verdict) {
  const std::string status(edi::to_string(verdict));
  if (format_ == OutputFormat::kJson) {
    std::string line = "{\"type\":\"";
    line += type;
    line += '"';
    json_context(line);
    append_field(line, "status", status, true);
    out_ << line << "}\n";
  } else if (verdict != edi::Verdict::kAccepted) {
    const bool x12 = standard_ == edi::Standard::kX12;
    const bool group = type[0] == 'g';
    out_ << file_ << ": " << (group ? (x12 ? "GS " : "UNG ") : (x12 ? "ISA " : "UNB "))
         << (group ? group_ : interchange_) << ": " << status << '\n';
  }
}

void ValidationPrinter::end_group(const edi::GroupSummary& s) {
  if (in_group_) print_envelope_verdict("group", s.verdict);
  in_group_ = false;
}

void ValidationPrinter::end_interchange(const edi::InterchangeSummary& s) {
  print_envelope_verdict("interchange", s.verdict);
  in_interchange_ = false;
}

void ValidationPrinter::json_context(std::string& line) const {
  line += ",\"file\":";
  append_json_string(line, file_);
  append_field(line, "standard", std::string(edi::to_string(standard_)), in_interchange_);
  append_field(line, "interchange", interchange_, in_interchange_);
  append_field(line, "group", group_, in_group_);
  append_field(line, "transaction", transaction_, in_transaction_);
  append_field(line, "set", set_, in_transaction_);
}

std::string ValidationPrinter::text_context(const Finding& f) const {
  std::string where;
  auto add = [&](const std::string& part) {
    if (!where.empty()) where += ' ';
    where += part;
  };
  const bool x12 = standard_ == edi::Standard::kX12;
  if (in_interchange_) add((x12 ? "ISA " : "UNB ") + interchange_);
  if (in_group_ && !group_.empty()) add((x12 ? "GS " : "UNG ") + group_);
  if (in_transaction_) add((x12 ? "ST " : "UNH ") + set_ + " " + transaction_);
  if (!f.segment.empty()) {
    add("segment " + (f.segment_position ? std::to_string(f.segment_position) + " " : "") +
        f.segment);
  }
  if (f.element) {
    add("element " + std::to_string(f.element) +
        (f.component ? "." + std::to_string(f.component) : std::string()));
  }
  return where.empty() ? "file" : where;
}

void ValidationPrinter::finding(const Finding& f) {
  ++(f.severity == edi::Severity::kError ? totals_.errors : totals_.warnings);
  std::string line;
  if (format_ == OutputFormat::kJson) {
    line = "{\"type\":\"finding\"";
    json_context(line);
    append_field(line, "segment", f.segment, !f.segment.empty());
    append_number(line, "segment_position", f.segment_position);
    append_number(line, "element", f.element);
    append_number(line, "component", f.component);
    append_field(line, "code", f.code.str(), true);
    append_field(line, "severity", std::string(edi::to_string(f.severity)), true);
    append_field(line, "message", f.message, true);
    line += ",\"offset\":" + std::to_string(f.offset) + "}\n";
  } else {
    line = file_ + ": " + text_context(f) + ": " + std::string(edi::to_string(f.severity)) + " " +
           f.code.str() + ": " + f.message + "\n";
  }
  out_ << line;
}

void ValidationPrinter::end_transaction(const edi::TransactionSummary& s) {
  in_transaction_ = false;
  switch (s.verdict) {
    case edi::Verdict::kRejected:
      ++totals_.rejected;
      break;
    case edi::Verdict::kAcceptedWithErrors:
      ++totals_.accepted_with_errors;
      break;
    default:
      ++totals_.accepted;
  }
  const std::string verdict(edi::to_string(s.verdict));
  if (format_ == OutputFormat::kJson) {
    std::string line = "{\"type\":\"transaction\"";
    in_transaction_ = true;
    json_context(line);
    in_transaction_ = false;
    append_field(line, "status", verdict, true);
    line += ",\"segments\":" + std::to_string(s.segment_count) + "}\n";
    out_ << line;
  } else if (s.verdict != edi::Verdict::kAccepted) {
    const bool x12 = standard_ == edi::Standard::kX12;
    out_ << file_ << ": " << (x12 ? "ST " : "UNH ") << set_ << ' ' << transaction_ << ": "
         << verdict;
    if (s.verdict == edi::Verdict::kRejected && s.errors == 0) {
      out_ << " (the set is sound; its interchange or group is in error)\n";
    } else {
      out_ << " (" << s.errors << " errors, " << s.warnings << " warnings)\n";
    }
  }
}

void ValidationPrinter::end_file() {
  if (format_ != OutputFormat::kText) return;
  const auto n = [&](std::uint64_t ValidationTotals::*field) {
    return std::to_string(totals_.*field - file_start_.*field);
  };
  out_ << file_ << ": " << n(&ValidationTotals::interchanges) << " interchanges, "
       << n(&ValidationTotals::transactions)
       << " transaction sets: " << n(&ValidationTotals::accepted) << " accepted, "
       << n(&ValidationTotals::accepted_with_errors) << " accepted with errors, "
       << n(&ValidationTotals::rejected) << " rejected\n";
}

}  // namespace ordex::app
