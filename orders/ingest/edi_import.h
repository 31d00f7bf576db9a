#pragma once
// Imports one EDI file into the Store, each interchange all or nothing:
//
//   walk_envelopes -> Validator -> InterchangeImporter -> EdiMapper -> StoreSink -> Store
//                                                     \-> AckBuilder (interchange_acks.h)
//
// Per interchange (its content hash comes from the scan, file_scan.h), claim_interchange():
//  - kSame: skipped, nothing written (idempotent re-run; a pending acknowledgment of it left by
//    a crash is published, ack_outbox.h);
//  - kDifferent: nothing of it is imported; a TA1:025 finding (duplicate interchange control
//    number) is queued for the file, which is what EDI_DUPLICATE is raised from;
//  - kNew: its bytes are first validated on their own (a second read of its byte range, no
//    writes) to learn the verdicts that are only known at its end (trailer counts and control
//    numbers); then its findings, documents rows and data are written as they stream past,
//    with no order data for a rejected interchange or group, and its acknowledgment is built.
//
// Transactions. Several interchanges share one database transaction (a batch): it is
// committed after `batch_bytes` of input or `batch_interchanges` interchanges, and at the end
// of the file. Each interchange is still all or nothing: nothing is ever undone within a batch
// (verdicts are known before the first write), every interchange that starts in a batch ends in
// it, and any error rolls the whole batch back and stops the file. So a committed state holds
// whole interchanges only, each recorded in `interchanges` in the same transaction as its rows;
// a crash loses the open batch, whose interchanges are not recorded and are imported by the
// next run, while the committed ones are recognised by their hash and skipped: the re-run
// leaves what one clean run leaves (tests/app/run_crash_test.cc kills runs to check this).
//
// Findings outside any interchange (a file that is not EDI, trailing garbage) and the
// duplicate findings are not written here: the caller stores them with the file's final
// disposition in the file's last transaction (ingest.h), so a crash never leaves them twice.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "edi/schema.h"
#include "orders/ingest/ack_outbox.h"
#include "orders/ingest/file_scan.h"
#include "orders/ingest/ingest_counts.h"
#include "orders/ingest/interchange_acks.h"
#include "orders/ingest/partner_resolver.h"
#include "orders/status.h"
#include "orders/store.h"

namespace ordex::orders::ingest {

struct EdiImportResult {
  IngestCounts counts;                       // of the committed interchanges, acks published
  std::vector<FindingRecord> file_findings;  // for the file's last transaction
  bool any_interchange = false;              // at least one interchange header was read
  bool file_errors = false;                  // file-level errors (not EDI, unreadable, ...)
  Status error;                              // a database or I/O error stopped the import
  // Committed, but its acknowledgments could not all be published (they stay pending).
  std::string ack_error;
};

struct EdiImportOptions {
  std::uint32_t max_findings_per_transaction = 100;
  // A batch is committed when it holds this much input or this many interchanges (1: one
  // transaction per interchange).
  std::uint64_t batch_bytes = std::uint64_t{8} << 20;
  std::uint32_t batch_interchanges = 1024;
  // Called after each interchange with the file offset reached.
  std::function<void(std::uint64_t offset)> progress;
  // Acknowledgments: built by `acks`, written through `outbox` (both or neither), with their
  // outbound groups recorded as sent at `now`.
  InterchangeAcks* acks = nullptr;
  AckOutbox* outbox = nullptr;
  Instant now = 0;
};

// Imports `path` (already recorded as `file_id`, scanned as `scan`). Never throws.
EdiImportResult import_edi_file(Store& store, PartnerResolver& partners,
                                const edi::SchemaRegistry& schemas, const std::string& path,
                                const FileScan& scan, std::int64_t file_id,
                                const EdiImportOptions& options = {});

}  // namespace ordex::orders::ingest
