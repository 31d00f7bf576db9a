#include "app/run_command.h"

#include <Poco/Util/Option.h>
#include <unistd.h>

#include <filesystem>
#include <iostream>

#include "app/clock_option.h"
#include "app/input_files.h"
#include "app/progress_line.h"
#include "app/run_config.h"
#include "app/run_summary.h"
#include "edi/schema.h"
#include "orders/ingest/ingest.h"
#include "orders/store.h"

namespace ordex::app {

using Poco::Util::Option;
namespace ingest = orders::ingest;

std::string RunCommand::synopsis() const {
  return "run --db PATH [--as-of ISO8601] [--config FILE] [--archive DIR] [--quarantine DIR] "
         "[--format text|json] [--quiet] INPUT...";
}

std::string RunCommand::description() const {
  return "Imports EDI files (X12, EDIFACT) and carrier tracking feeds (XML, CSV) into the "
         "database: validates, maps, stores one interchange per transaction, and prints a "
         "summary. Folders are searched, files taken in name order; the format is read from the "
         "content. Importing the same file or interchange again changes nothing. Exit code 0: "
         "nothing rejected; 1: something was rejected; 2: a usage, configuration or I/O error.";
}

void RunCommand::define_options(Poco::Util::OptionSet& options) const {
  options.addOption(
      Option("db", "d", "the database: a SQLite path or a postgresql:// URL").argument("PATH"));
  options.addOption(
      Option("as-of", "t", "\"now\" for the run (ISO 8601; default the clock)").argument("WHEN"));
  options.addOption(Option("config", "c", "properties file: self.ids, archive.dir, quarantine.dir")
                        .argument("FILE"));
  options.addOption(Option("archive", "a", "move imported files into DIR").argument("DIR"));
  options.addOption(
      Option("quarantine", "q", "move files rejected as a whole into DIR, with <name>.reason")
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

ingest::IngestOptions ingest_options(const Arguments& args) {
  ingest::IngestOptions options;
  RunConfig config;
  if (args.has("config")) config = load_run_config(args.get("config"));
  for (const std::string& id : config.self_ids)
    options.self_ids.push_back(ingest::parse_party_id(id));
  options.archive_dir = args.get("archive", config.archive_dir);
  options.quarantine_dir = args.get("quarantine", config.quarantine_dir);
  options.now = now_or_as_of(args.get("as-of")).time_since_epoch().count();
  return options;
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
  const ingest::IngestOptions options = ingest_options(args);
  const InputFiles inputs = expand_inputs(args.positional);
  if (!inputs.errors.empty()) {
    for (const std::string& e : inputs.errors) std::cerr << "ordex run: " << e << '\n';
    return kExitUsage;
  }
  const std::string db = args.get("db");
  check_writable(db);
  auto store = orders::Store::open(db);
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
  ingest::Ingestor ingestor(*store.value(), schemas.value(), options, &progress);
  bool io_error = false;
  for (const std::string& path : inputs.files) {
    const ingest::FileOutcome out = ingestor.import_file(path);
    io_error = report_outcome(std::cerr, out, progress) || io_error;
  }
  progress.clear();
  const ingest::IngestCounts& totals = ingestor.totals();
  if (format == SummaryFormat::kJson) {
    std::cout << summary_json(totals) << '\n';
  } else if (!quiet) {
    std::cout << summary_text(totals) << '\n';
  }
  if (io_error) return kExitUsage;
  return anything_rejected(totals) ? kExitRejected : kExitOk;
}

}  // namespace ordex::app
