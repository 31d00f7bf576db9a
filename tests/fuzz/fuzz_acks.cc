// Fuzzes the acknowledgment writers: whatever arrives, every acknowledgment written must
// itself be a well-formed interchange (walks with no envelope finding) and validate clean.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "edi/ack_builder.h"
#include "edi/byte_source.h"
#include "edi/envelope_walker.h"
#include "edi/handler_tee.h"
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

struct Collect final : AckSink {
  std::vector<std::string> acks;
  void write(const Ack& ack) override { acks.push_back(ack.bytes); }
};

struct CountErrors final : EnvelopeHandler {
  int errors = 0;
  void finding(const Finding& f) override {
    if (f.severity == Severity::kError) ++errors;
  }
};

void run(std::string_view bytes, EnvelopeHandler& handler) {
  MemorySource source(bytes);
  SegmentReaderOptions options;
  options.max_segment = 1 << 16;
  SegmentReader reader(source, options);
  walk_envelopes(reader, handler, "fuzz");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  static const AckKind kKinds[] = {AckKind::k997, AckKind::k999, AckKind::kTA1, AckKind::kCONTRL};
  AckOptions options;
  options.kind = kKinds[data[0] % 4];
  options.stamp = std::chrono::sys_seconds{std::chrono::seconds{1795420800}};
  Collect sink;
  {
    AckBuilder builder(options, sink);
    Validator validator(schemas(), builder);
    run(std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1), validator);
  }
  for (const std::string& ack : sink.acks) {
    CountErrors errors;
    Validator validator(schemas(), errors);
    run(ack, validator);
    if (errors.errors > 0) std::abort();
  }
  return 0;
}
