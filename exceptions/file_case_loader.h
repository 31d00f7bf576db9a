#pragma once
// Reads what the file-scope rules judge of one imported file (file_case.h), and the partners
// its documents name, without holding the file's documents in memory: a file of 100 MB has
// ~235,000 documents, and reading them all at once (Store::documents_in_file) took ~110 MB,
// growing with the file.
//
//   Result<std::unique_ptr<FileCaseLoader>> loader = FileCaseLoader::prepare(store.database());
//   FileCase f;
//   std::set<std::string> partners;
//   Status s = loader.value()->load(file_id, f, partners);
//
// load() fills `f` with only what evaluate_file() looks at, and gives the same evaluation as a
// FileCase holding every document and finding of the file:
//   - documents: the rejected ones that name no PO (the others are never judged per file);
//   - findings: the errors outside every transaction set, and the duplicate-interchange
//     findings (a superset of what the rules pick; they apply their own tests);
//   - interchange_partner: for each interchange control number, the partner of its first
//     document (by row id) that names one, as check_file has always built it.
// `partners` gets every partner id a document of the file names (for the functional
// acknowledgment rules). Documents are read a page at a time by row id.
//
// Errors are values. Not thread-safe: one loader per Store session, which must outlive it.

#include <cstdint>
#include <memory>
#include <set>
#include <string>

#include "exceptions/file_case.h"
#include "orders/database.h"
#include "orders/status.h"

namespace ordex::exceptions {

using orders::Failure;
using orders::Result;
using orders::Status;

class FileCaseLoader {
 public:
  static constexpr std::int64_t kDocumentsPerPage = 5000;

  static Result<std::unique_ptr<FileCaseLoader>> prepare(
      orders::Database db, std::int64_t documents_per_page = kDocumentsPerPage);
  ~FileCaseLoader();
  FileCaseLoader(const FileCaseLoader&) = delete;
  FileCaseLoader& operator=(const FileCaseLoader&) = delete;

  Status load(std::int64_t file_id, FileCase& out, std::set<std::string>& partners);

 private:
  FileCaseLoader(orders::Database db, std::int64_t page, std::unique_ptr<orders::Query> documents,
                 std::unique_ptr<orders::Query> findings);
  Status read_documents(std::int64_t file_id, FileCase& out, std::set<std::string>& partners);
  Status read_findings(std::int64_t file_id, FileCase& out);

  orders::Database db_;
  std::int64_t page_;
  std::unique_ptr<orders::Query> documents_, findings_;
};

}  // namespace ordex::exceptions
