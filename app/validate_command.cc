#include "app/validate_command.h"

#include <Poco/Util/Option.h>

#include <iostream>
#include <memory>
#include <optional>

#include "app/ack_directory.h"
#include "app/clock_option.h"
#include "app/input_files.h"
#include "app/validation_printer.h"
#include "edi/ack_builder.h"
#include "edi/byte_source.h"
#include "edi/duplicate_interchanges.h"
#include "edi/envelope_walker.h"
#include "edi/handler_tee.h"
#include "edi/schema.h"
#include "edi/segment_reader.h"
#include "edi/validator.h"

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
  options.addOption(
      Option("as-of", "t", "date-time stamped into acknowledgments (ISO 8601; default now)")
          .argument("WHEN"));
  options.addOption(Option("schema-dir", "s",
                           "read transaction-set schemas from DIR instead of the built-in ones")
                        .argument("DIR"));
}

namespace {

OutputFormat parse_format(const std::string& value) {
  if (value == "text") return OutputFormat::kText;
  if (value == "json") return OutputFormat::kJson;
  throw UsageError{"--format must be text or json, not '" + value + "'"};
}

}  // namespace

namespace {

edi::SchemaRegistry load_schemas(const Arguments& args) {
  auto loaded = args.has("schema-dir") ? edi::SchemaRegistry::from_directory(args.get("schema-dir"))
                                       : edi::SchemaRegistry::embedded();
  if (!loaded.ok()) throw UsageError{"cannot load the transaction-set schemas: " + loaded.error()};
  return std::move(loaded).value();
}

std::uint32_t parse_max_findings(const std::string& value) {
  try {
    const unsigned long n = std::stoul(value);
    if (n > 0 && n <= 100000) return static_cast<std::uint32_t>(n);
  } catch (const std::exception&) {
  }
  throw UsageError{"--max-findings must be a number from 1 to 100000, not '" + value + "'"};
}

}  // namespace

int ValidateCommand::run(const Arguments& args) {
  const OutputFormat format = parse_format(args.get("format", "text"));
  const std::optional<edi::AckKind> ack_kind = edi::parse_ack_kind(args.get("ack", "none"));
  if (!ack_kind) throw UsageError{"--ack must be none, 997, 999, ta1 or contrl"};
  edi::ValidatorOptions validator_options;
  if (args.has("max-findings"))
    validator_options.max_findings_per_transaction = parse_max_findings(args.get("max-findings"));
  if (args.positional.empty()) throw UsageError{"no input files given"};
  const edi::SchemaRegistry schemas = load_schemas(args);

  std::unique_ptr<AckDirectory> ack_dir;
  edi::CountingControlNumbers control_numbers(1, 1);
  edi::AckOptions ack_options;
  if (*ack_kind != edi::AckKind::kNone) {
    ack_dir = std::make_unique<AckDirectory>(args.get("ack-dir", "."));
    ack_options.kind = *ack_kind;
    ack_options.control_numbers = &control_numbers;
    ack_options.stamp = now_or_as_of(args.get("as-of"));
  }

  const InputFiles inputs = expand_inputs(args.positional);
  bool io_error = !inputs.errors.empty();
  for (const std::string& e : inputs.errors) std::cerr << "ordex validate: " << e << '\n';

  ValidationPrinter printer(format, std::cout);
  edi::DuplicateInterchanges duplicates;  // across every file of the run
  for (const std::string& path : inputs.files) {
    edi::FileSource source(path);
    if (!source.is_open()) {
      std::cerr << "ordex validate: " << path << ": cannot read: " << source.error() << '\n';
      io_error = true;
      continue;
    }
    edi::HandlerTee outputs;
    outputs.add(printer);
    std::optional<edi::AckBuilder> acks;
    if (ack_dir) outputs.add(acks.emplace(ack_options, *ack_dir));
    edi::Validator validator(schemas, outputs, validator_options);
    duplicates.set_next(validator);
    edi::SegmentReader reader(source);
    edi::walk_envelopes(reader, duplicates, path);
    if (reader.read_failed()) io_error = true;
  }
  std::cout.flush();
  if (ack_dir) {
    for (const std::string& e : ack_dir->errors())
      std::cerr << "ordex validate: cannot write " << e << '\n';
    io_error = io_error || !ack_dir->errors().empty();
  }
  const ValidationTotals& t = printer.totals();
  if (io_error) return kExitUsage;
  return t.rejected > 0 || t.errors > 0 ? kExitRejected : kExitOk;
}

}  // namespace ordex::app
