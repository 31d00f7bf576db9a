#pragma once
// One import batch: the pipeline behind `ordex run`, and behind every run of an `ordex serve`
// import job, so that the two import exactly alike (README: `ordex run`).
//
//   IngestOptions options = ingest_options(config, ack_settings(config, ack, "--ack"), now);
//   auto outbox = open_ack_outbox(options, ack_dir(config, ack_dir_option));
//   ImportBatch batch(store, exceptions, schemas, rules, options, &observer);
//   for (const std::string& path : files) report(batch.import_file(path));
//   Status swept = batch.finish();   // the closing sweep: the time-based rules, once
//   print(batch.totals(), batch.tally());
//
// Per file: the Ingestor imports it (orders/ingest/ingest.h: all or nothing per interchange,
// archive / quarantine), then the exception rules run for everything the file touched, with
// the clock rules deferred to the closing sweep (exceptions/rule_runner.h says why). A file's
// failure never stops the batch; the caller reports each file's result.
//
// Not thread-safe: one batch per Store session, which it uses only between the calls above.

#include <memory>
#include <optional>
#include <string>

#include "app/run_config.h"
#include "edi/schema.h"
#include "exceptions/exception_store.h"
#include "exceptions/exceptions_config.h"
#include "exceptions/rule_runner.h"
#include "orders/ingest/ack_outbox.h"
#include "orders/ingest/ingest.h"
#include "orders/status.h"
#include "orders/store.h"

namespace ordex::app {

// What X12 and EDIFACT interchanges are acknowledged with: `ack` (set: one kind for both
// standards, as `ordex validate --ack`), else the config's ack.x12 / ack.edifact. Throws
// UsageError naming `ack_name` ("--ack", "jobs.2.ack") or the config key for a bad value.
orders::ingest::AckSettings ack_settings(const RunConfig& config,
                                         const std::optional<std::string>& ack,
                                         const std::string& ack_name);

// The Ingestor's options from the config (self.ids, archive.dir, quarantine.dir), the
// acknowledgments to write and "now". self.ids are parsed as ingest::parse_party_id reads them.
orders::ingest::IngestOptions ingest_options(const RunConfig& config,
                                             orders::ingest::AckSettings acks, orders::Instant now);

// Where acknowledgments go: `dir` when given, else ack.dir, else the current folder.
std::string ack_dir(const RunConfig& config, const std::optional<std::string>& dir);

// When `options` ask for acknowledgments, opens the outbox in `dir` and points the options at
// it (the caller keeps it for as long as the options are used); else returns null. The error
// names the folder.
orders::Result<std::unique_ptr<orders::ingest::AckOutbox>> open_ack_outbox(
    orders::ingest::IngestOptions& options, const std::string& dir);

class ImportBatch {
 public:
  // Everything given must outlive the batch; `options.now` is the batch's "now" for the rules.
  ImportBatch(orders::Store& store, exceptions::ExceptionStore& exceptions,
              const edi::SchemaRegistry& schemas, const exceptions::ExceptionsConfig& rules,
              orders::ingest::IngestOptions options,
              orders::ingest::IngestObserver* observer = nullptr);

  struct FileReport {
    orders::ingest::FileOutcome outcome;
    // The rules after the file failed: the file is committed, and the rules see its orders
    // again at the next sweep or run.
    std::optional<std::string> rules_error;
  };
  FileReport import_file(const std::string& path);

  // The closing sweep: the time-based rules over every order, now that the batch's files are
  // in (an order that was overdue before this import). Call once, after the last file.
  orders::Status finish();

  const orders::ingest::IngestCounts& totals() const { return ingestor_.totals(); }
  const exceptions::LedgerTally& tally() const { return rules_.tally(); }

 private:
  exceptions::RuleRunner rules_;
  orders::ingest::Ingestor ingestor_;
};

}  // namespace ordex::app
