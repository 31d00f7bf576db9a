#include "exceptions/file_case_loader.h"

#include <algorithm>
#include <utility>

namespace ordex::exceptions {

namespace {

// Keyset pages: documents_file (src_file_id) holds each document's row id, so a page is one
// index range, however far into the file it starts.
const orders::SqlQuery kDocumentsPage = {
    "file_case_documents", "iii", "{src_types}tttii",
    "SELECT {src_select}, partner_id, po_number, status, findings, id FROM documents "
    "WHERE src_file_id = ? AND id > ? ORDER BY id LIMIT ?"};

// The findings rules_file.cc can pick (envelope errors, duplicate interchanges), in file order.
const orders::SqlQuery kFindings = {
    "file_case_findings", "i",
    "ittttt"
    "iiii"
    "ttt",
    "SELECT file_id, interchange, group_control, transaction_control, set_id, segment, "
    "segment_position, element, component, byte_offset, code, severity, message "
    "FROM findings WHERE file_id = ? AND ((severity = 'error' AND transaction_control = '' "
    "AND interchange <> '') OR code IN ('TA1:025', 'CONTRL:26')) ORDER BY id"};

constexpr std::size_t kSourceColumns = 7;  // {src_select}

}  // namespace

FileCaseLoader::FileCaseLoader(orders::Database db, std::int64_t page,
                               std::unique_ptr<orders::Query> documents,
                               std::unique_ptr<orders::Query> findings)
    : db_(db), page_(page), documents_(std::move(documents)), findings_(std::move(findings)) {}
FileCaseLoader::~FileCaseLoader() = default;

Result<std::unique_ptr<FileCaseLoader>> FileCaseLoader::prepare(orders::Database db,
                                                                std::int64_t documents_per_page) {
  Result<std::unique_ptr<orders::Query>> documents = db.prepare(kDocumentsPage);
  if (!documents.ok()) return Failure{documents.error()};
  Result<std::unique_ptr<orders::Query>> findings = db.prepare(kFindings);
  if (!findings.ok()) return Failure{findings.error()};
  return std::unique_ptr<FileCaseLoader>(
      new FileCaseLoader(db, std::max<std::int64_t>(1, documents_per_page),
                         std::move(documents).value(), std::move(findings).value()));
}

Status FileCaseLoader::load(std::int64_t file_id, FileCase& out, std::set<std::string>& partners) {
  out.file_id = file_id;
  if (Status s = read_documents(file_id, out, partners); !s.ok()) return s;
  return read_findings(file_id, out);
}

Status FileCaseLoader::read_documents(std::int64_t file_id, FileCase& out,
                                      std::set<std::string>& partners) {
  orders::Query& q = *documents_;
  constexpr std::size_t c = kSourceColumns;
  q.set(0, file_id);
  q.set(2, page_);
  for (std::int64_t after = 0;;) {
    q.set(1, after);
    if (Status s = db_.run(q); !s.ok()) return s;
    for (std::size_t r = 0; r < q.rows(); ++r) {
      const std::string& partner = q.text(r, c);
      if (!partner.empty()) {
        // The first document of an interchange to name a partner wins, as rows come by id.
        out.interchange_partner.emplace(q.text(r, 2), partner);
        partners.insert(partner);
      }
      const auto status = orders::document_status_from(q.text(r, c + 2))
                              .value_or(orders::DocumentStatus::kRejected);
      if (status != orders::DocumentStatus::kRejected || !q.text(r, c + 1).empty()) continue;
      orders::DocumentRecord d;
      d.source = orders::read_source(q, r, 0);
      d.partner_id = partner;
      d.po_number = q.text(r, c + 1);
      d.status = status;
      d.findings = q.integer(r, c + 3);
      out.documents.push_back(std::move(d));
    }
    if (q.rows() < static_cast<std::size_t>(page_)) return Status();
    after = q.integer(q.rows() - 1, c + 4);
  }
}

Status FileCaseLoader::read_findings(std::int64_t file_id, FileCase& out) {
  orders::Query& q = *findings_;
  q.set(0, file_id);
  if (Status s = db_.run(q); !s.ok()) return s;
  for (std::size_t r = 0; r < q.rows(); ++r) {
    out.findings.push_back(orders::FindingRecord{
        q.integer(r, 0), q.text(r, 1), q.text(r, 2), q.text(r, 3), q.text(r, 4), q.text(r, 5),
        q.integer(r, 6), q.integer(r, 7), q.integer(r, 8), q.integer(r, 9), q.text(r, 10),
        q.text(r, 11), q.text(r, 12)});
  }
  return Status();
}

}  // namespace ordex::exceptions
