// The file-scope rules: what cannot be hung on an order. EDI_REJECTED for rejected documents
// naming no PO and for interchanges or groups rejected as a whole; EDI_DUPLICATE for an
// interchange control number resent with different content.
#include <algorithm>
#include <utility>

#include "exceptions/evidence.h"
#include "exceptions/rules.h"
#include "exceptions/rules_detail.h"

namespace ordex::exceptions {
namespace {

using detail::control_text;
using orders::FindingRecord;

// The import's finding for a resent interchange (orders/ingest/edi_import.cc).
bool duplicate_finding(const FindingRecord& f) {
  return (f.code == "TA1:025" || f.code == "CONTRL:26") &&
         f.message.find("already received with different content") != std::string::npos;
}

// An error outside every transaction set but inside an interchange fails the envelope around
// it: the whole group (when it names one) or interchange is rejected (edi/verdicts.cc).
// Errors outside any interchange mean the file is not EDI at all; the import quarantines such
// a file with its reason, and there is no sender to raise an exception for.
bool envelope_error(const FindingRecord& f) {
  return f.severity == "error" && f.transaction.empty() && !f.interchange.empty() &&
         !duplicate_finding(f);
}

std::string partner_of(const FileCase& file, const std::string& interchange) {
  if (auto it = file.interchange_partner.find(interchange); it != file.interchange_partner.end()) {
    return it->second;
  }
  for (const orders::DocumentRecord& d : file.documents) {
    if (d.source.interchange == interchange && !d.partner_id.empty()) return d.partner_id;
  }
  return "";
}

std::string file_subject(const FileCase& file) { return "file " + std::to_string(file.file_id); }

std::string file_name(const FileCase& file) {
  return file.path.empty() ? file_subject(file) : "file " + file.path;
}

Condition file_condition(const FileCase& file, ExceptionType type, std::string partner,
                         const std::string& what) {
  Condition k;
  k.type = type;
  k.partner_id = std::move(partner);
  k.subject = file_subject(file) + " " + what;
  k.file_id = file.file_id;
  return k;
}

void rejected_documents(const FileCase& file, Evaluation& out) {
  for (const orders::DocumentRecord& d : file.documents) {
    if (d.status != orders::DocumentStatus::kRejected || !d.po_number.empty()) continue;
    Condition k = file_condition(file, ExceptionType::kEdiRejected, d.partner_id,
                                 detail::rejected_document_subject(d));
    k.summary = "In " + file_name(file) + ", " + detail::rejected_document_summary(d);
    k.evidence = detail::rejected_document_evidence(d);
    out.add(std::move(k));
  }
}

void rejected_envelopes(const FileCase& file, Evaluation& out) {
  // (interchange, group) -> its error findings, in file order of first appearance.
  std::vector<std::pair<std::pair<std::string, std::string>, std::vector<const FindingRecord*>>>
      envelopes;
  for (const FindingRecord& f : file.findings) {
    if (!envelope_error(f)) continue;
    const std::pair<std::string, std::string> key{f.interchange, f.group};
    auto it = std::find_if(envelopes.begin(), envelopes.end(),
                           [&](const auto& e) { return e.first == key; });
    if (it == envelopes.end()) it = envelopes.insert(envelopes.end(), {key, {}});
    it->second.push_back(&f);
  }
  for (const auto& [key, findings] : envelopes) {
    const auto& [interchange, group] = key;
    const std::string what =
        "interchange " + interchange + (group.empty() ? "" : " group " + group);
    Condition k =
        file_condition(file, ExceptionType::kEdiRejected, partner_of(file, interchange), what);
    std::vector<std::string> codes, messages;
    for (const FindingRecord* f : findings) {
      codes.push_back(f->code);
      messages.push_back(f->message + " (" + f->code + ")");
    }
    k.summary =
        "In " + file_name(file) + ", " + what + " was rejected as a whole and none of " +
        "its documents were imported: " + messages.front() +
        (messages.size() > 1 ? " and " + std::to_string(messages.size() - 1) + " more" : "");
    Evidence e;
    e.add("file", file.path).add("interchange", interchange);
    if (!group.empty()) e.add("group", group);
    e.add("codes", detail::join(codes)).add("first_error", findings.front()->message);
    k.evidence = e.json();
    out.add(std::move(k));
  }
}

void duplicates(const FileCase& file, Evaluation& out) {
  for (const FindingRecord& f : file.findings) {
    if (!duplicate_finding(f)) continue;
    Condition k = file_condition(file, ExceptionType::kEdiDuplicate,
                                 partner_of(file, f.interchange), "interchange " + f.interchange);
    k.summary = "In " + file_name(file) + ", interchange " + f.interchange +
                " repeats a control number already received with different content, so it " +
                "was not imported; ask the sender which copy is right";
    Evidence e;
    e.add("file", file.path).add("interchange", f.interchange).add("code", f.code);
    e.add("message", f.message);
    k.evidence = e.json();
    out.add(std::move(k));
  }
}

// One reason per type and scope: "rule disabled" only when no partner can have it enabled.
void drop_disabled(Evaluation& out, const RuleConfig& config) {
  std::erase_if(out.found,
                [&](const Condition& k) { return !config.params(k.partner_id).enabled(k.type); });
  for (ExceptionType t : {ExceptionType::kEdiRejected, ExceptionType::kEdiDuplicate}) {
    if (!config.params("").enabled(t)) out.evaluate(t, "rule disabled");
  }
}

}  // namespace

Evaluation evaluate_file(const FileCase& file) {
  Evaluation out;
  out.evaluate(ExceptionType::kEdiRejected, "the file's documents and envelopes are accepted");
  out.evaluate(ExceptionType::kEdiDuplicate, "no interchange in the file repeats another");
  rejected_documents(file, out);
  rejected_envelopes(file, out);
  duplicates(file, out);
  return out;
}

Evaluation evaluate_file(const FileCase& file, const RuleConfig& config) {
  Evaluation out = evaluate_file(file);
  drop_disabled(out, config);
  return out;
}

}  // namespace ordex::exceptions
