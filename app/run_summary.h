#pragma once
// How `ordex run` reports: a line on stderr for each file that failed, was quarantined or
// could not be moved, and the summary of the whole run (text for people, one JSON object for
// schedulers; keys are stable, snake_case).

#include <iosfwd>
#include <string>

#include "orders/ingest/ingest.h"

namespace ordex::app {

class ProgressLine;

enum class SummaryFormat { kText, kJson };
SummaryFormat parse_summary_format(const std::string& value);  // UsageError otherwise

// Prints what needs saying about one file; true when it was an I/O or database error.
bool report_outcome(std::ostream& err, const orders::ingest::FileOutcome& outcome,
                    ProgressLine& progress);

// "40 files (0 skipped, 1 quarantined), 42 interchanges (...), ... findings".
std::string summary_text(const orders::ingest::IngestCounts& totals);
// {"files":40,"files_skipped":0,...}
std::string summary_json(const orders::ingest::IngestCounts& totals);

// Exit code 1 material: a rejected set, interchange or group, a duplicate, a quarantined file.
bool anything_rejected(const orders::ingest::IngestCounts& totals);

}  // namespace ordex::app
