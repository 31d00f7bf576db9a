#pragma once
// Hand-written schemas and helpers for the schema loader, sequencer and validator tests.

#include <map>
#include <string>
#include <vector>

#include "edi/schema.h"
#include "edi/validator.h"
#include "test_handler.h"

namespace ordex::edi::testing {

// A folder under the system temp dir, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  // Writes `text` to path()/relative, creating folders.
  void write(const std::string& relative, const std::string& text) const;

 private:
  std::string path_;
};

// relative path -> JSON text.
using SchemaFiles = std::map<std::string, std::string>;

// A small X12 dictionary (version "004010" or "005010") and its 850 and 856, and a small
// EDIFACT D96A dictionary with ORDERS: every code, loop and syntax-note case the tests need.
SchemaFiles test_schema_files();

// Writes `files` to a temp dir and loads it; fails the current test on error.
SchemaRegistry load_test_schemas(const SchemaFiles& files = test_schema_files());

// Records verdicts too.
class VerdictRecorder : public RecordingHandler {
 public:
  void end_transaction(const TransactionSummary& s) override;
  std::vector<Verdict> verdicts;
};

// "AK4:7 BEG01@2", "AK3:3 N3@7", "AK4:1 REF04-02@3", "CONTRL:12 DTM01-02r1@3": code,
// segment, element, component, repetition, position, for every finding.
std::vector<std::string> summaries(const RecordingHandler& h);

// Walks `bytes` through a Validator into a recorder.
VerdictRecorder validate_bytes(const SchemaRegistry& schemas, std::string_view bytes,
                               ValidatorOptions options = {});

// Envelopes for test input. `body` holds the segments between ST and SE (ST and SE are
// added, with the right count).
std::string x12_set(const std::string& set_id, const std::string& body,
                    const std::string& control = "0001");
std::string x12_interchange(const std::string& sets, const std::string& version = "004010",
                            const std::string& functional_id = "PO", int set_count = 1);
// UNA with `decimal` mark, UNB, one message of type `message` around `body`, UNZ.
// Syntax version 4 declares '*' as the repetition separator.
std::string edifact_interchange(const std::string& body, char decimal = '.',
                                const std::string& message = "ORDERS:D:96A:UN",
                                int syntax_version = 3);

}  // namespace ordex::edi::testing
