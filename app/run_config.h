#pragma once
// The --config file of `ordex run`: a Java-style properties file (Poco's
// PropertyFileConfiguration; `key = value`, `#` comments). Keys, all optional:
//
//   self.ids = ZZ:ACMESUPPLY, ZZZ:ACMESUPPLY   # ordex's own interchange ids (qualifier:id, or
//                                              # a bare id for any qualifier)
//   archive.dir = /var/ordex/archive           # where imported files are moved
//   quarantine.dir = /var/ordex/quarantine     # where rejected files go, with <name>.reason
//   ack.x12 = 997                              # X12 interchanges get: none, 997, 999 or ta1
//   ack.edifact = contrl                       # EDIFACT interchanges get: none or contrl
//   ack.dir = /var/ordex/outbound/acks         # where acknowledgments are written
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
