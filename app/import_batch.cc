#include "app/import_batch.h"

#include <utility>

#include "app/command.h"
#include "edi/ack_common.h"

namespace ordex::app {

namespace ingest = orders::ingest;

namespace {

edi::AckKind ack_kind(const std::string& value, const std::string& what, bool edifact) {
  const std::optional<edi::AckKind> kind = edi::parse_ack_kind(value);
  const bool allowed =
      kind && (edifact ? (*kind == edi::AckKind::kNone || *kind == edi::AckKind::kCONTRL)
                       : *kind != edi::AckKind::kCONTRL);
  if (!allowed) {
    throw UsageError{what + " must be " + (edifact ? "none or contrl" : "none, 997, 999 or ta1") +
                     ", not '" + value + "'"};
  }
  return *kind;
}

}  // namespace

ingest::AckSettings ack_settings(const RunConfig& config, const std::optional<std::string>& ack,
                                 const std::string& ack_name) {
  ingest::AckSettings acks;
  if (ack) {
    const std::optional<edi::AckKind> kind = edi::parse_ack_kind(*ack);
    if (!kind) throw UsageError{ack_name + " must be none, 997, 999, ta1 or contrl"};
    acks.x12 = *kind;
    acks.edifact = *kind;
    return acks;
  }
  acks.x12 = ack_kind(config.ack_x12, "ack.x12", false);
  acks.edifact = ack_kind(config.ack_edifact, "ack.edifact", true);
  return acks;
}

ingest::IngestOptions ingest_options(const RunConfig& config, ingest::AckSettings acks,
                                     orders::Instant now) {
  ingest::IngestOptions options;
  for (const std::string& id : config.self_ids)
    options.self_ids.push_back(ingest::parse_party_id(id));
  options.archive_dir = config.archive_dir;
  options.quarantine_dir = config.quarantine_dir;
  options.now = now;
  options.acks = acks;
  return options;
}

std::string ack_dir(const RunConfig& config, const std::optional<std::string>& dir) {
  if (dir) return *dir;
  return config.ack_dir.empty() ? "." : config.ack_dir;
}

orders::Result<std::unique_ptr<ingest::AckOutbox>> open_ack_outbox(ingest::IngestOptions& options,
                                                                   const std::string& dir) {
  if (!options.acks.any()) return std::unique_ptr<ingest::AckOutbox>();
  auto outbox = ingest::AckOutbox::open(dir);
  if (!outbox.ok()) return orders::Failure{dir + ": " + outbox.error()};
  options.ack_outbox = outbox.value().get();
  return std::move(outbox).value();
}

ImportBatch::ImportBatch(orders::Store& store, exceptions::ExceptionStore& exceptions,
                         const edi::SchemaRegistry& schemas,
                         const exceptions::ExceptionsConfig& rules, ingest::IngestOptions options,
                         ingest::IngestObserver* observer)
    : rules_(exceptions, rules, options.now),
      ingestor_(store, schemas, std::move(options), observer) {
  rules_.defer_clock_rules(true);  // the closing sweep runs them, once
}

ImportBatch::FileReport ImportBatch::import_file(const std::string& path) {
  FileReport report;
  report.outcome = ingestor_.import_file(path);
  const ingest::FileOutcome& out = report.outcome;
  if (out.file_id == 0 || out.result == ingest::FileResult::kFailed ||
      out.result == ingest::FileResult::kSkipped) {
    return report;
  }
  if (orders::Status s = rules_.after_file(out.file_id); !s.ok()) report.rules_error = s.error();
  return report;
}

orders::Status ImportBatch::finish() { return rules_.sweep(); }

}  // namespace ordex::app
