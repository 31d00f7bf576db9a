// Fuzzes the validator on any bytes: walker -> Validator with the built-in schemas. Beyond
// not crashing, every transaction must end with a verdict, and a set with an error finding
// must be rejected.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "edi/byte_source.h"
#include "edi/envelope_walker.h"
#include "edi/schema.h"
#include "edi/segment_reader.h"
#include "edi/validator.h"

namespace {

using namespace ordex::edi;

const SchemaRegistry& schemas() {
  static const SchemaRegistry registry = [] {
    auto loaded = SchemaRegistry::embedded();
    if (!loaded.ok()) std::abort();
    return std::move(loaded).value();
  }();
  return registry;
}

// Checks the invariants a consumer relies on.
class Invariants final : public EnvelopeHandler {
 public:
  void begin_transaction(const TransactionHeader&) override {
    if (open_) std::abort();
    open_ = true;
    errors_ = 0;
  }
  void finding(const Finding& f) override {
    if (open_ && f.severity == Severity::kError) ++errors_;
  }
  void end_transaction(const TransactionSummary& s) override {
    if (!open_) std::abort();
    open_ = false;
    if (errors_ > 0 && s.verdict != Verdict::kRejected) std::abort();
  }
  void end_file() override {
    if (open_) std::abort();
  }

 private:
  bool open_ = false;
  int errors_ = 0;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  MemorySource source(std::string_view(reinterpret_cast<const char*>(data), size));
  SegmentReaderOptions options;
  options.max_segment = 1 << 16;
  SegmentReader reader(source, options);
  Invariants invariants;
  Validator validator(schemas(), invariants);
  walk_envelopes(reader, validator, "fuzz");
  return 0;
}
