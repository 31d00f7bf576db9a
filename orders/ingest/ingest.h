#pragma once
// The import behind `ordex run`: files in, store updated, files archived or quarantined.
//
//   Ingestor ingest(store, schemas, options, &observer);
//   for (const std::string& path : files) ingest.import_file(path);
//   print(ingest.totals());
//
// Per file (DESIGN.md principles: nothing is lost, crash-safe, idempotent):
//  1. scan (file_scan.h): content kind, SHA-256, interchange byte ranges and hashes;
//  2. record_file by SHA-256. A file already imported completely is skipped. A new file is
//     recorded as "incomplete" first (see kImportIncomplete) and marked archived or quarantined
//     in the same transaction as its last writes, so a crash mid-file is resumed by the next
//     run: interchanges already committed are recognised by their hash and skipped;
//  3. EDI: one transaction per interchange (edi_import.h); XML / CSV feeds: one transaction
//     for the file (feed_import.h); bytes that are neither are reported as not EDI;
//  4. the file is moved to the archive, or to the quarantine with a .reason file when it is
//     rejected as a whole (not EDI, an invalid feed), when those folders are configured;
//  5. the observer's after_import() runs: the hook where the exception rules plug in.
// A file's failure (I/O, database) is reported in its outcome and never stops the batch.
//
// Not thread-safe: one Ingestor per Store session.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "edi/schema.h"
#include "orders/ingest/file_scan.h"
#include "orders/ingest/ingest_counts.h"
#include "orders/ingest/partner_resolver.h"
#include "orders/model.h"
#include "orders/store.h"

namespace ordex::orders::ingest {

// The reason a file is recorded with until its import has finished. Store change pending: a
// FileDisposition of its own ("importing") would say this without borrowing kQuarantined.
inline constexpr const char* kImportIncomplete = "import incomplete";

struct IngestOptions {
  std::vector<PartyId> self_ids;  // ordex's own interchange ids (config self.ids)
  std::string archive_dir;        // empty: imported files stay where they are
  std::string quarantine_dir;     // empty: rejected files stay where they are
  Instant now = 0;                // stamped as imported_at
  std::uint32_t max_findings_per_transaction = 100;
};

enum class FileResult : std::uint8_t { kImported, kSkipped, kQuarantined, kFailed };
const char* to_string(FileResult result);

struct FileOutcome {
  std::string path;
  InputKind kind = InputKind::kUnknown;
  std::int64_t file_id = 0;
  FileResult result = FileResult::kFailed;
  std::string reason;      // why it was quarantined or failed
  std::string moved_to;    // archive / quarantine path, when moved
  std::string move_error;  // the file is committed but could not be moved
  IngestCounts counts;     // what this file added
};

// Told about each file: progress while it is read, and the outcome once it is committed.
class IngestObserver {
 public:
  virtual ~IngestObserver() = default;
  virtual void progress(const std::string& /*path*/, std::uint64_t /*done*/,
                        std::uint64_t /*size*/) {}
  // After the file's data is committed (and the file moved). The exception rules hook in here;
  // until then the summary is all that uses it.
  virtual void after_import(Store& /*store*/, const FileOutcome& /*outcome*/) {}
};

class Ingestor {
 public:
  Ingestor(Store& store, const edi::SchemaRegistry& schemas, IngestOptions options,
           IngestObserver* observer = nullptr);

  FileOutcome import_file(const std::string& path);
  const IngestCounts& totals() const { return totals_; }

 private:
  void import_new(const FileScan& scan, FileOutcome& out);
  void import_edi(const FileScan& scan, FileOutcome& out);
  void import_feed(const FileScan& scan, FileOutcome& out);
  Status finish(const FileOutcome& out, const std::vector<FindingRecord>& findings);
  void move(const FileScan& scan, FileOutcome& out);

  Store& store_;
  const edi::SchemaRegistry& schemas_;
  IngestOptions options_;
  IngestObserver* observer_;
  PartnerResolver partners_;
  IngestCounts totals_;
};

}  // namespace ordex::orders::ingest
