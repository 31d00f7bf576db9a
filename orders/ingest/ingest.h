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
//     recorded as kImporting first and marked archived or quarantined in the file's last
//     transaction, so a crash mid-file is resumed by the next run: interchanges already
//     committed are recognised by their hash and skipped;
//  3. EDI: each interchange all or nothing, several per transaction (edi_import.h), with
//     acknowledgments when configured (interchange_acks.h, ack_outbox.h); XML / CSV feeds: one
//     transaction for the file (feed_import.h); bytes that are neither are reported as not EDI;
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
#include "orders/ingest/ack_outbox.h"
#include "orders/ingest/file_scan.h"
#include "orders/ingest/ingest_counts.h"
#include "orders/ingest/interchange_acks.h"
#include "orders/ingest/partner_resolver.h"
#include "orders/model.h"
#include "orders/store.h"

namespace ordex::orders::ingest {

// How databases written before FileDisposition::kImporting existed mark an interrupted import
// (kQuarantined with this reason); still recognised as incomplete.
inline constexpr const char* kImportIncomplete = "import incomplete";

// How an importer opens its store: without SQLite's per-row foreign-key lookups (see
// StoreOptions::enforce_foreign_keys for why that is safe here).
StoreOptions store_options();

struct IngestOptions {
  std::vector<PartyId> self_ids;  // ordex's own interchange ids (config self.ids)
  // A partner_id from the partners table: documents and feeds whose partner no master data
  // names are this partner's instead of an unregistered one's (an inbox that is one partner's;
  // the daemon's jobs.N.partner). Empty: unknown partners are created, unregistered.
  std::string default_partner;
  std::string archive_dir;     // empty: imported files stay where they are
  std::string quarantine_dir;  // empty: rejected files stay where they are
  Instant now = 0;             // stamped as imported_at, and into acknowledgments
  std::uint32_t max_findings_per_transaction = 100;
  // Interchanges per transaction (edi_import.h): commit after this much input or this many.
  std::uint64_t batch_bytes = std::uint64_t{8} << 20;
  std::uint32_t batch_interchanges = 1024;
  // Acknowledgments to write for imported interchanges, into `ack_outbox` (not owned; must
  // outlive the Ingestor). Nothing is written when either is unset.
  AckSettings acks;
  AckOutbox* ack_outbox = nullptr;
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
  std::string ack_error;   // committed, but acknowledgments could not be published (pending)
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
  std::unique_ptr<InterchangeAcks> acks_;
  IngestCounts totals_;
};

}  // namespace ordex::orders::ingest
