#include "orders/ingest/ingest.h"

#include <utility>

#include "orders/ingest/edi_import.h"
#include "orders/ingest/feed_import.h"
#include "orders/ingest/file_mover.h"

namespace ordex::orders::ingest {

StoreOptions store_options() {
  StoreOptions options;
  options.enforce_foreign_keys = false;
  return options;
}
namespace {

// Why a file was rejected whole: its error findings, one per line (the .reason file).
std::string reason_of(const std::vector<FindingRecord>& findings) {
  std::string reason;
  for (const FindingRecord& f : findings) {
    if (f.severity != "error") continue;
    if (!reason.empty()) reason += '\n';
    reason += f.code + ": " + f.message;
  }
  return reason.empty() ? "rejected" : reason;
}

bool incomplete(const InboundFile& f) {
  return f.disposition == FileDisposition::kImporting ||
         (f.disposition == FileDisposition::kQuarantined && f.reason == kImportIncomplete);
}

}  // namespace

const char* to_string(FileResult result) {
  switch (result) {
    case FileResult::kImported:
      return "imported";
    case FileResult::kSkipped:
      return "skipped";
    case FileResult::kQuarantined:
      return "quarantined";
    case FileResult::kFailed:
      break;
  }
  return "failed";
}

Ingestor::Ingestor(Store& store, const edi::SchemaRegistry& schemas, IngestOptions options,
                   IngestObserver* observer)
    : store_(store),
      schemas_(schemas),
      options_(std::move(options)),
      observer_(observer),
      partners_(store, options_.self_ids, options_.default_partner) {
  if (options_.ack_outbox != nullptr && options_.acks.any()) {
    acks_ = std::make_unique<InterchangeAcks>(store, options_.acks, options_.now);
  }
}

FileOutcome Ingestor::import_file(const std::string& path) {
  FileOutcome out;
  out.path = path;
  edi::Result<FileScan> scan = scan_file(path);
  if (!scan.ok()) {
    out.reason = "cannot read: " + scan.error();
  } else {
    out.kind = scan.value().kind;
    out.counts.bytes = static_cast<std::int64_t>(scan.value().bytes);
    import_new(scan.value(), out);
    if (out.result != FileResult::kFailed) move(scan.value(), out);
  }
  out.counts.files = 1;
  if (out.result == FileResult::kFailed) out.counts.files_failed = 1;
  if (out.result == FileResult::kSkipped) out.counts.files_skipped = 1;
  if (out.result == FileResult::kQuarantined) out.counts.files_quarantined = 1;
  totals_.add(out.counts);
  if (observer_ != nullptr) {
    observer_->progress(path, scan.ok() ? scan.value().bytes : 0,
                        scan.ok() ? scan.value().bytes : 0);
    observer_->after_import(store_, out);
  }
  return out;
}

void Ingestor::import_new(const FileScan& scan, FileOutcome& out) {
  InboundFile file;
  file.path = out.path;
  file.sha256 = scan.sha256;
  file.bytes = static_cast<std::int64_t>(scan.bytes);
  file.disposition = FileDisposition::kImporting;
  file.imported_at = options_.now;
  auto recorded = store_.record_file(file);
  if (!recorded.ok()) {
    out.reason = recorded.error();
    return;
  }
  out.file_id = recorded.value().id;
  if (recorded.value().existed) {
    auto known = store_.file_by_hash(scan.sha256);
    if (!known.ok() || !known.value()) {
      out.reason = known.ok() ? "the file's record vanished" : known.error();
      return;
    }
    if (!incomplete(*known.value())) {
      out.result = FileResult::kSkipped;
      // Moved like the first copy was: the same reason goes with it to the quarantine.
      if (known.value()->disposition == FileDisposition::kQuarantined) {
        out.reason = known.value()->reason;
      }
      return;
    }
  }
  if (scan.kind == InputKind::kXmlFeed || scan.kind == InputKind::kCsvFeed) {
    import_feed(scan, out);
  } else {
    import_edi(scan, out);
  }
}

void Ingestor::import_edi(const FileScan& scan, FileOutcome& out) {
  EdiImportOptions options;
  options.max_findings_per_transaction = options_.max_findings_per_transaction;
  options.batch_bytes = options_.batch_bytes;
  options.batch_interchanges = options_.batch_interchanges;
  if (acks_) {
    options.acks = acks_.get();
    options.outbox = options_.ack_outbox;
  }
  options.now = options_.now;
  if (observer_ != nullptr) {
    options.progress = [&](std::uint64_t at) { observer_->progress(out.path, at, scan.bytes); };
  }
  EdiImportResult r =
      import_edi_file(store_, partners_, schemas_, out.path, scan, out.file_id, options);
  out.counts.add(r.counts);
  out.ack_error = r.ack_error;
  if (!r.error.ok()) {
    out.reason = r.error.error();
    return;
  }
  const bool whole = !r.any_interchange && r.file_errors;
  out.result = whole ? FileResult::kQuarantined : FileResult::kImported;
  if (whole) out.reason = reason_of(r.file_findings);
  if (Status s = finish(out, r.file_findings); !s.ok()) {
    out.result = FileResult::kFailed;
    out.reason = s.error();
    return;
  }
  out.counts.findings += static_cast<std::int64_t>(r.file_findings.size());
}

void Ingestor::import_feed(const FileScan& scan, FileOutcome& out) {
  if (Status s = store_.begin(); !s.ok()) {
    out.reason = s.error();
    return;
  }
  FeedImportResult r = import_feed_file(store_, partners_, out.path, scan.kind, out.file_id);
  out.result = r.rejected ? FileResult::kQuarantined : FileResult::kImported;
  out.reason = r.reason;
  Status s = r.error;
  if (s.ok()) {
    s = store_.set_file_disposition(
        out.file_id, r.rejected ? FileDisposition::kQuarantined : FileDisposition::kArchived,
        r.rejected ? r.reason : "");
  }
  if (s.ok()) s = store_.commit();
  if (!s.ok()) {
    (void)store_.rollback();
    partners_.rolled_back();
    out.result = FileResult::kFailed;
    out.reason = s.error();
    return;
  }
  partners_.committed();
  out.counts.add(r.counts);
}

// The file's last transaction: findings outside interchanges, and its disposition.
Status Ingestor::finish(const FileOutcome& out, const std::vector<FindingRecord>& findings) {
  if (Status s = store_.begin(); !s.ok()) return s;
  Status s;
  for (const FindingRecord& f : findings) {
    if (s = store_.add_finding(f); !s.ok()) break;
  }
  const bool quarantined = out.result == FileResult::kQuarantined;
  if (s.ok()) {
    s = store_.set_file_disposition(
        out.file_id, quarantined ? FileDisposition::kQuarantined : FileDisposition::kArchived,
        quarantined ? out.reason : "");
  }
  if (s.ok()) s = store_.commit();
  if (!s.ok()) (void)store_.rollback();
  return s;
}

void Ingestor::move(const FileScan& scan, FileOutcome& out) {
  const bool quarantine = out.result == FileResult::kQuarantined ||
                          (out.result == FileResult::kSkipped && !out.reason.empty());
  const std::string& dir = quarantine ? options_.quarantine_dir : options_.archive_dir;
  if (dir.empty()) return;
  edi::Result<std::string> moved =
      move_into(out.path, dir, scan.sha256, quarantine ? out.reason : "");
  if (moved.ok()) {
    out.moved_to = moved.value();
  } else {
    out.move_error = moved.error();
  }
}

}  // namespace ordex::orders::ingest
