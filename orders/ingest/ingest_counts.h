#pragma once
// What an import did, counted: the summary `ordex run` prints, and what the exceptions hook
// receives per file. Counts are of what was committed (a rolled-back interchange counts only
// as the records that replaced it).

#include <cstdint>

namespace ordex::orders::ingest {

struct IngestCounts {
  std::int64_t files = 0;              // files read (imported, skipped or quarantined)
  std::int64_t files_skipped = 0;      // already imported completely (same SHA-256)
  std::int64_t files_quarantined = 0;  // rejected as a whole
  std::int64_t files_failed = 0;       // I/O or database error: left in place, retried next run
  std::int64_t bytes = 0;
  std::int64_t interchanges = 0;            // imported (their data or their records)
  std::int64_t interchanges_skipped = 0;    // same sender, control number and content: seen
  std::int64_t interchanges_duplicate = 0;  // same sender and control number, other content
  std::int64_t interchanges_rejected = 0;   // rejected interchange or group: records only
  std::int64_t transactions_accepted = 0;   // accepted or accepted with errors
  std::int64_t transactions_rejected = 0;
  std::int64_t orders = 0;           // 850 / ORDERS stored (cancellations included)
  std::int64_t acknowledgments = 0;  // 855 / ORDRSP
  std::int64_t shipments = 0;        // 856 / DESADV / 945
  std::int64_t events = 0;           // carrier events: 214 / IFTSTA / feeds
  std::int64_t invoices = 0;
  std::int64_t functional_acks = 0;  // 997 / 999 / CONTRL received
  std::int64_t findings = 0;         // validation, mapping and import findings stored
  std::int64_t acks_written = 0;     // 997 / 999 / TA1 / CONTRL written to the ack folder

  void add(const IngestCounts& o) {
    files += o.files;
    files_skipped += o.files_skipped;
    files_quarantined += o.files_quarantined;
    files_failed += o.files_failed;
    bytes += o.bytes;
    interchanges += o.interchanges;
    interchanges_skipped += o.interchanges_skipped;
    interchanges_duplicate += o.interchanges_duplicate;
    interchanges_rejected += o.interchanges_rejected;
    transactions_accepted += o.transactions_accepted;
    transactions_rejected += o.transactions_rejected;
    orders += o.orders;
    acknowledgments += o.acknowledgments;
    shipments += o.shipments;
    events += o.events;
    invoices += o.invoices;
    functional_acks += o.functional_acks;
    findings += o.findings;
    acks_written += o.acks_written;
  }
};

}  // namespace ordex::orders::ingest
