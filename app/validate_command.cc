#include "app/validate_command.h"

#include <Poco/Util/Option.h>

#include <iostream>

#include "app/input_files.h"
#include "app/validation_printer.h"
#include "edi/byte_source.h"
#include "edi/envelope_walker.h"
#include "edi/segment_reader.h"
#include "edi/verdicts.h"

namespace ordex::app {

using Poco::Util::Option;

std::string ValidateCommand::synopsis() const {
  return "validate [--format text|json] [--ack none|997|999|ta1|contrl] [--ack-dir DIR] "
         "FILE|DIR...";
}

std::string ValidateCommand::description() const {
  return "Validates X12 and EDIFACT interchanges (the standard is read from each interchange) "
         "against the envelope rules and the transaction-set schemas, and prints every problem "
         "with its standard error code (TA1, AK9, AK5, AK3, AK4, CONTRL) and position. Folders "
         "are searched for files. Exit code 0: nothing rejected; 1: something was rejected or is "
         "not EDI; 2: a usage or I/O error.";
}

void ValidateCommand::define_options(Poco::Util::OptionSet& options) const {
  options.addOption(
      Option("format", "f", "output: text (default) or json (one JSON object per line)")
          .argument("FORMAT"));
  options.addOption(
      Option("ack", "a", "write acknowledgments: none (default), 997, 999, ta1, contrl")
          .argument("KIND"));
  options.addOption(Option("ack-dir", "d", "folder for acknowledgments (default: current folder)")
                        .argument("DIR"));
  options.addOption(
      Option("max-findings", "m", "findings reported per transaction set (default 100)")
          .argument("N"));
}

namespace {

OutputFormat parse_format(const std::string& value) {
  if (value == "text") return OutputFormat::kText;
  if (value == "json") return OutputFormat::kJson;
  throw UsageError{"--format must be text or json, not '" + value + "'"};
}

}  // namespace

int ValidateCommand::run(const Arguments& args) {
  const OutputFormat format = parse_format(args.get("format", "text"));
  if (args.positional.empty()) throw UsageError{"no input files given"};
  const InputFiles inputs = expand_inputs(args.positional);
  bool io_error = !inputs.errors.empty();
  for (const std::string& e : inputs.errors) std::cerr << "ordex validate: " << e << '\n';

  ValidationPrinter printer(format, std::cout);
  for (const std::string& path : inputs.files) {
    edi::FileSource source(path);
    if (!source.is_open()) {
      std::cerr << "ordex validate: " << path << ": cannot read: " << source.error() << '\n';
      io_error = true;
      continue;
    }
    edi::SegmentReader reader(source);
    edi::VerdictTracker verdicts(printer);
    edi::walk_envelopes(reader, verdicts, path);
    if (reader.read_failed()) io_error = true;
  }
  std::cout.flush();
  const ValidationTotals& t = printer.totals();
  if (io_error) return kExitUsage;
  return t.rejected > 0 || t.errors > 0 ? kExitRejected : kExitOk;
}

}  // namespace ordex::app
