// EDI_REJECTED for the documents of one PO: a rejected document stays a problem until the
// partner sends the same kind of document again and it passes.
#include "exceptions/evidence.h"
#include "exceptions/rules_detail.h"

namespace ordex::exceptions::detail {
namespace {

using orders::DocumentRecord;
using orders::DocumentStatus;

// Documents are listed in received order; one with the same group time but later in the list
// came later too.
bool corrected_later(const std::vector<DocumentRecord>& docs, std::size_t i) {
  const DocumentRecord& bad = docs[i];
  for (std::size_t j = 0; j < docs.size(); ++j) {
    const DocumentRecord& d = docs[j];
    if (j == i || d.status == DocumentStatus::kRejected || d.source.set_id != bad.source.set_id) {
      continue;
    }
    const bool later = d.source.received_at > bad.source.received_at ||
                       (d.source.received_at == bad.source.received_at && j > i);
    if (later) return true;
  }
  return false;
}

}  // namespace

std::string rejected_document_subject(const orders::DocumentRecord& d) {
  return d.source.set_id + " " + control_text(d.source);
}

std::string rejected_document_summary(const orders::DocumentRecord& d) {
  return "the " + document_name(d.source.set_id) + " in " + control_text(d.source) +
         " failed validation with " + std::to_string(d.findings) +
         (d.findings == 1 ? " problem" : " problems") +
         " and was not imported; the sender must correct and resend it";
}

std::string rejected_document_evidence(const orders::DocumentRecord& d) {
  Evidence e;
  if (!d.po_number.empty()) e.add("po", d.po_number);
  e.add("set", d.source.set_id);
  add_controls(e, d.source);
  e.add("findings", d.findings).add("file_id", d.source.file_id);
  return e.json();
}

void order_document_rules(const CaseScope& s, Evaluation& out) {
  if (!start(out, ExceptionType::kEdiRejected, s.params,
             "a corrected document was accepted, or none is rejected")) {
    return;
  }
  const std::vector<DocumentRecord>& docs = s.c.documents;
  for (std::size_t i = 0; i < docs.size(); ++i) {
    const DocumentRecord& d = docs[i];
    if (d.status != DocumentStatus::kRejected || d.po_number != s.c.po_number) continue;
    if (corrected_later(docs, i)) continue;
    Condition k = s.condition(ExceptionType::kEdiRejected, rejected_document_subject(d));
    k.file_id = d.source.file_id;
    k.summary = s.label + ": " + rejected_document_summary(d);
    k.evidence = rejected_document_evidence(d);
    out.add(std::move(k));
  }
}

}  // namespace ordex::exceptions::detail
