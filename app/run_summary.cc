#include "app/run_summary.h"

#include <ostream>
#include <utility>
#include <vector>

#include "app/command.h"
#include "app/progress_line.h"

namespace ordex::app {

namespace ingest = orders::ingest;

SummaryFormat parse_summary_format(const std::string& value) {
  if (value == "text") return SummaryFormat::kText;
  if (value == "json") return SummaryFormat::kJson;
  throw UsageError{"--format must be text or json, not '" + value + "'"};
}

bool report_outcome(std::ostream& err, const ingest::FileOutcome& out, ProgressLine& progress) {
  const bool failed = out.result == ingest::FileResult::kFailed;
  if (!failed && out.result != ingest::FileResult::kQuarantined && out.move_error.empty() &&
      out.ack_error.empty()) {
    return false;
  }
  progress.clear();
  if (failed) err << "ordex run: " << out.path << ": " << out.reason << '\n';
  if (out.result == ingest::FileResult::kQuarantined) {
    err << "ordex run: " << out.path << ": rejected: " << out.reason << '\n';
  }
  if (!out.move_error.empty()) {
    err << "ordex run: " << out.path << ": imported, but cannot be moved: " << out.move_error
        << '\n';
  }
  if (!out.ack_error.empty()) {
    err << "ordex run: " << out.path
        << ": imported, but acknowledgments stay pending: " << out.ack_error << '\n';
  }
  return failed || !out.move_error.empty() || !out.ack_error.empty();
}

namespace {

std::vector<std::pair<const char*, std::int64_t>> fields(const ingest::IngestCounts& t) {
  return {{"files", t.files},
          {"files_skipped", t.files_skipped},
          {"files_quarantined", t.files_quarantined},
          {"files_failed", t.files_failed},
          {"bytes", t.bytes},
          {"interchanges", t.interchanges},
          {"interchanges_skipped", t.interchanges_skipped},
          {"interchanges_duplicate", t.interchanges_duplicate},
          {"interchanges_rejected", t.interchanges_rejected},
          {"transactions_accepted", t.transactions_accepted},
          {"transactions_rejected", t.transactions_rejected},
          {"orders", t.orders},
          {"acknowledgments", t.acknowledgments},
          {"shipments", t.shipments},
          {"events", t.events},
          {"invoices", t.invoices},
          {"functional_acks", t.functional_acks},
          {"findings", t.findings},
          {"acks_written", t.acks_written}};
}

}  // namespace

std::string summary_text(const ingest::IngestCounts& t) {
  auto n = [](std::int64_t v) { return std::to_string(v); };
  return n(t.files) + " files (" + n(t.files_skipped) + " already imported, " +
         n(t.files_quarantined) + " quarantined, " + n(t.files_failed) + " failed), " +
         n(t.interchanges) + " interchanges (" + n(t.interchanges_skipped) + " seen before, " +
         n(t.interchanges_duplicate) + " duplicate, " + n(t.interchanges_rejected) +
         " rejected), transactions: " + n(t.transactions_accepted) + " accepted, " +
         n(t.transactions_rejected) + " rejected; " + n(t.orders) + " orders, " +
         n(t.acknowledgments) + " acknowledgments, " + n(t.shipments) + " shipments, " +
         n(t.events) + " events, " + n(t.invoices) + " invoices, " + n(t.functional_acks) +
         " functional acks, " + n(t.findings) + " findings" +
         (t.acks_written > 0 ? "; " + n(t.acks_written) + " acknowledgments written" : "");
}

std::string summary_json(const ingest::IngestCounts& t) {
  std::string out = "{";
  for (const auto& [key, value] : fields(t)) {
    if (out.size() > 1) out += ',';
    out += '"';
    out += key;
    out += "\":" + std::to_string(value);
  }
  return out + "}";
}

bool anything_rejected(const ingest::IngestCounts& t) {
  return t.transactions_rejected > 0 || t.interchanges_rejected > 0 ||
         t.interchanges_duplicate > 0 || t.files_quarantined > 0;
}

}  // namespace ordex::app
