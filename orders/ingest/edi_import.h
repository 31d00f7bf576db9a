#pragma once
// Imports one EDI file into the Store, one database transaction per interchange:
//
//   walk_envelopes -> Validator -> InterchangeImporter -> EdiMapper -> StoreSink -> Store
//
// Per interchange (its content hash comes from the scan, file_scan.h):
//  - interchange_seen() says kSame: skipped, nothing written (idempotent re-run);
//  - kDifferent: nothing of it is imported; a TA1:025 finding (duplicate interchange control
//    number) is queued for the file, which is what EDI_DUPLICATE is raised from;
//  - kNew: begin, record_interchange, then its findings, documents rows and data as they stream
//    past; commit at its end. Data is written optimistically: when a group's or the
//    interchange's own verdict (trailer counts and control numbers, only known at its end)
//    turns out rejected, the transaction is rolled back and the interchange is read again
//    from its byte range with data writing off for the rejected groups, so a rejected
//    interchange or group leaves its findings and documents rows but no order data.
//
// Findings outside any interchange (a file that is not EDI, trailing garbage) and the
// duplicate findings are not written here: the caller stores them with the file's final
// disposition in the file's last transaction (ingest.h), so a crash never leaves them twice.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "edi/schema.h"
#include "orders/ingest/file_scan.h"
#include "orders/ingest/ingest_counts.h"
#include "orders/ingest/partner_resolver.h"
#include "orders/status.h"
#include "orders/store.h"

namespace ordex::orders::ingest {

struct EdiImportResult {
  IngestCounts counts;                       // of the committed interchanges
  std::vector<FindingRecord> file_findings;  // for the file's last transaction
  bool any_interchange = false;              // at least one interchange header was read
  bool file_errors = false;                  // file-level errors (not EDI, unreadable, ...)
  Status error;                              // a database or I/O error stopped the import
};

struct EdiImportOptions {
  std::uint32_t max_findings_per_transaction = 100;
  // Called after each interchange with the file offset reached.
  std::function<void(std::uint64_t offset)> progress;
};

// Imports `path` (already recorded as `file_id`, scanned as `scan`). Never throws.
EdiImportResult import_edi_file(Store& store, PartnerResolver& partners,
                                const edi::SchemaRegistry& schemas, const std::string& path,
                                const FileScan& scan, std::int64_t file_id,
                                const EdiImportOptions& options = {});

}  // namespace ordex::orders::ingest
