#pragma once
// The --config file of `ordex run`: a Java-style properties file (Poco's
// PropertyFileConfiguration; `key = value`; `#` starts a comment only at the start of a line:
// text after a value is part of the value). Keys, all optional:
//
//   self.ids        ordex's own interchange ids: qualifier:id, or a bare id for any qualifier
//                   (self.ids = ZZ:ACMESUPPLY, ZZZ:ACMESUPPLY)
//   archive.dir     where imported files are moved
//   quarantine.dir  where rejected files go, with <name>.reason
//   ack.x12         what X12 interchanges get: none, 997, 999 or ta1
//   ack.edifact     what EDIFACT interchanges get: none or contrl
//   ack.dir         where acknowledgments are written
//
// The exception settings (rules.*, routing.*, calendar.*, sla.*) live in the same file and are
// read by exceptions::ExceptionsConfig.
//
// Relative folders are taken from the current folder. --archive / --quarantine / --ack /
// --ack-dir override the file. A file that cannot be read or parsed, or an unknown ack.* value,
// is a UsageError (exit 2).

#include <string>
#include <vector>

namespace ordex::app {

struct RunConfig {
  std::vector<std::string> self_ids;
  std::string archive_dir;
  std::string quarantine_dir;
  std::string ack_x12 = "none";
  std::string ack_edifact = "none";
  std::string ack_dir;
};

RunConfig load_run_config(const std::string& path);

}  // namespace ordex::app
