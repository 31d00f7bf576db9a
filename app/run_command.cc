#include "app/run_command.h"

#include <Poco/Util/Option.h>
#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

#include "app/clock_option.h"
#include "app/import_batch.h"
#include "app/input_files.h"
#include "app/progress_line.h"
#include "app/run_config.h"
#include "app/run_summary.h"
#include "edi/schema.h"
#include "exceptions/exception_store.h"
#include "exceptions/exceptions_config.h"
#include "orders/ingest/ingest.h"
#include "orders/store.h"

namespace ordex::app {

using Poco::Util::Option;
namespace ingest = orders::ingest;

std::string RunCommand::synopsis() const {
  return "run --db PATH [--as-of ISO8601] [--config FILE] [--archive DIR] [--quarantine DIR] "
         "[--ack none|997|999|ta1|contrl] [--ack-dir DIR] [--format text|json] [--quiet] "
         "INPUT...";
}

std::string RunCommand::description() const {
  return "Imports EDI files (X12, EDIFACT) and carrier tracking feeds (XML, CSV) into the "
         "database: validates, maps, stores each interchange all or nothing, writes "
         "acknowledgments when asked, and prints a summary. Folders are searched, files taken in "
         "name order; the format is read from the "
         "content. Importing the same file or interchange again changes nothing. Exit code 0: "
         "nothing rejected; 1: something was rejected; 2: a usage, configuration or I/O error.";
}

void RunCommand::define_options(Poco::Util::OptionSet& options) const {
  options.addOption(
      Option("db", "d", "the database: a SQLite path or a postgresql:// URL").argument("PATH"));
  options.addOption(
      Option("as-of", "t", "\"now\" for the run (ISO 8601; default the clock)").argument("WHEN"));
  options.addOption(Option("config", "c",
                           "properties file: self.ids, archive.dir, quarantine.dir, ack.x12, "
                           "ack.edifact, ack.dir")
                        .argument("FILE"));
  options.addOption(Option("archive", "a", "move imported files into DIR").argument("DIR"));
  options.addOption(
      Option("quarantine", "q", "move files rejected as a whole into DIR, with <name>.reason")
          .argument("DIR"));
  options.addOption(Option("ack", "k",
                           "acknowledge imported interchanges: none, 997, 999, ta1 (X12; EDIFACT "
                           "gets a CONTRL), contrl (EDIFACT only)")
                        .argument("KIND"));
  options.addOption(
      Option("ack-dir", "", "folder for acknowledgments (default: ack.dir, else the current one)")
          .argument("DIR"));
  options.addOption(
      Option("format", "f", "summary: text (default) or json (one object)").argument("FORMAT"));
  options.addOption(Option("quiet", "", "no progress line and no text summary"));
}

namespace {

bool is_url(const std::string& db) { return db.find("://") != std::string::npos; }

// A SQLite file that exists but cannot be written would fail file by file; say so up front.
void check_writable(const std::string& db) {
  if (is_url(db) || db.find('=') != std::string::npos) return;
  std::string path = db;
  if (path.rfind("sqlite:", 0) == 0) path = path.substr(path.rfind(':') + 1);
  std::error_code ec;
  const bool exists = std::filesystem::exists(path, ec);
  const std::filesystem::path dir = std::filesystem::absolute(path, ec).parent_path();
  if ((exists && ::access(path.c_str(), W_OK) != 0) || ::access(dir.c_str(), W_OK) != 0) {
    throw UsageError{"--db " + db + ": the database is not writable"};
  }
}

// The exception counts as one more member of the run's JSON summary object, so a scheduler
// still reads one line.
std::string with_exceptions_json(std::string summary, const exceptions::LedgerTally& t) {
  const std::string member = "\"exceptions\":{\"opened\":" + std::to_string(t.opened) +
                             ",\"updated\":" + std::to_string(t.updated) +
                             ",\"resolved\":" + std::to_string(t.resolved) +
                             ",\"reopened\":" + std::to_string(t.reopened) + "}";
  const std::size_t close = summary.rfind('}');
  if (close == std::string::npos) return summary;
  summary.insert(close, (close > 0 && summary[close - 1] == '{') ? member : "," + member);
  return summary;
}

std::string exceptions_text(const exceptions::LedgerTally& t) {
  return "exceptions: " + std::to_string(t.opened) + " opened, " + std::to_string(t.updated) +
         " updated, " + std::to_string(t.resolved) + " resolved, " + std::to_string(t.reopened) +
         " reopened";
}

std::uint64_t total_size(const std::vector<std::string>& files) {
  std::uint64_t total = 0;
  for (const std::string& f : files) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(f, ec);
    if (!ec) total += size;
  }
  return total;
}

}  // namespace

int RunCommand::run(const Arguments& args) {
  if (!args.has("db")) throw UsageError{"--db PATH is required"};
  const SummaryFormat format = parse_summary_format(args.get("format", "text"));
  if (args.positional.empty()) throw UsageError{"no input files or folders given"};
  RunConfig config;
  if (args.has("config")) config = load_run_config(args.get("config"));
  auto loaded_rules = exceptions::ExceptionsConfig::load_file(args.get("config", ""));
  if (!loaded_rules.ok()) throw UsageError{loaded_rules.error()};
  const exceptions::ExceptionsConfig rule_config = std::move(loaded_rules).value();
  config.archive_dir = args.get("archive", config.archive_dir);
  config.quarantine_dir = args.get("quarantine", config.quarantine_dir);
  const std::optional<std::string> ack =
      args.has("ack") ? std::optional<std::string>(args.get("ack")) : std::nullopt;
  const orders::Instant now = now_or_as_of(args.get("as-of")).time_since_epoch().count();
  ingest::IngestOptions options = ingest_options(config, ack_settings(config, ack, "--ack"), now);
  const InputFiles inputs = expand_inputs(args.positional);
  if (!inputs.errors.empty()) {
    for (const std::string& e : inputs.errors) std::cerr << "ordex run: " << e << '\n';
    return kExitUsage;
  }
  const std::string db = args.get("db");
  check_writable(db);
  const std::optional<std::string> ack_dir_option =
      args.has("ack-dir") ? std::optional<std::string>(args.get("ack-dir")) : std::nullopt;
  auto outbox = open_ack_outbox(options, ack_dir(config, ack_dir_option));
  if (!outbox.ok()) throw UsageError{"--ack-dir " + outbox.error()};
  auto store = orders::Store::open(db, orders::ingest::store_options());
  if (!store.ok()) {
    std::cerr << "ordex run: cannot open the database " << db << ": " << store.error() << '\n';
    return kExitUsage;
  }
  auto schemas = edi::SchemaRegistry::embedded();
  if (!schemas.ok()) {
    std::cerr << "ordex run: cannot load the transaction-set schemas: " << schemas.error() << '\n';
    return kExitUsage;
  }
  const bool quiet = args.has("quiet");
  ProgressLine progress(std::cerr, !quiet && stderr_is_terminal(), total_size(inputs.files),
                        inputs.files.size());
  auto exceptions = exceptions::ExceptionStore::open(*store.value());
  if (!exceptions.ok()) {
    std::cerr << "ordex run: cannot open the exception tables in " << db << ": "
              << exceptions.error() << '\n';
    return kExitUsage;
  }
  ImportBatch batch(*store.value(), exceptions.value(), schemas.value(), rule_config,
                    std::move(options), &progress);
  bool io_error = false;
  bool rule_error = false;
  for (const std::string& path : inputs.files) {
    const ImportBatch::FileReport report = batch.import_file(path);
    io_error = report_outcome(std::cerr, report.outcome, progress) || io_error;
    if (report.rules_error) {
      // The file is committed; the rules run again on its orders at the next run or sweep.
      std::cerr << "ordex run: " << path << ": exception rules failed: " << *report.rules_error
                << '\n';
      rule_error = true;
    }
  }
  if (orders::Status s = batch.finish(); !s.ok()) {
    std::cerr << "ordex run: exception sweep failed: " << s.error() << '\n';
    rule_error = true;
  }
  progress.clear();
  const ingest::IngestCounts& totals = batch.totals();
  if (format == SummaryFormat::kJson) {
    std::cout << with_exceptions_json(summary_json(totals), batch.tally()) << '\n';
  } else if (!quiet) {
    std::cout << summary_text(totals) << '\n' << exceptions_text(batch.tally()) << '\n';
  }
  if (io_error || rule_error) return kExitUsage;
  return anything_rejected(totals) ? kExitRejected : kExitOk;
}

}  // namespace ordex::app
