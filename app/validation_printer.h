#pragma once
// Prints what `ordex validate` finds: one finding per problem and one verdict per
// transaction set, as text for people or JSON lines for machines (contract in DESIGN.md).

#include <cstdint>
#include <ostream>
#include <string>

#include "edi/envelope.h"

namespace ordex::app {

enum class OutputFormat { kText, kJson };

struct ValidationTotals {
  std::uint64_t files = 0;
  std::uint64_t interchanges = 0;
  std::uint64_t transactions = 0;
  std::uint64_t accepted = 0;
  std::uint64_t accepted_with_errors = 0;
  std::uint64_t rejected = 0;
  std::uint64_t errors = 0;  // error findings of any level
  std::uint64_t warnings = 0;
};

// Last in the handler chain (after the validator, whose summaries carry verdicts).
class ValidationPrinter final : public edi::EnvelopeHandler {
 public:
  ValidationPrinter(OutputFormat format, std::ostream& out) : format_(format), out_(out) {}

  void begin_file(std::string_view name) override;
  void begin_interchange(const edi::InterchangeHeader& h) override;
  void begin_group(const edi::GroupHeader& h) override;
  void begin_transaction(const edi::TransactionHeader& h) override;
  void end_transaction(const edi::TransactionSummary& s) override;
  void end_group(const edi::GroupSummary& s) override;
  void end_interchange(const edi::InterchangeSummary& s) override;
  void finding(const edi::Finding& f) override;
  void end_file() override;

  const ValidationTotals& totals() const { return totals_; }

 private:
  void json_context(std::string& line) const;
  void print_envelope_verdict(const char* type, edi::Verdict verdict);
  std::string text_context(const edi::Finding& f) const;

  OutputFormat format_;
  std::ostream& out_;
  std::string file_;
  bool in_interchange_ = false, in_group_ = false, in_transaction_ = false;
  edi::Standard standard_ = edi::Standard::kX12;
  std::string interchange_, group_, transaction_, set_;
  ValidationTotals totals_;
  ValidationTotals file_start_;
};

}  // namespace ordex::app
