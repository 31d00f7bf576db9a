// Acknowledgments with the real Validator and the schemas compiled into the binary:
// walker -> Validator -> AckBuilder; and every acknowledgment, walked again through the
// Validator, is clean against the 997 / 999 / CONTRL schemas a partner would apply.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "ack_test_util.h"
#include "edi/ack_builder.h"
#include "edi/byte_source.h"
#include "edi/envelope_walker.h"
#include "edi/schema.h"
#include "edi/validator.h"
#include "test_handler.h"

namespace ordex::edi {
namespace {

using namespace testing;

SchemaRegistry load(Result<SchemaRegistry> r) {
  if (!r.ok()) ADD_FAILURE() << r.error();
  return std::move(r).value();
}

const SchemaRegistry& embedded() {
  static const SchemaRegistry registry = load(SchemaRegistry::embedded());
  return registry;
}

// The embedded registry files CONTRL under the D96A / D01B directories, but a CONTRL names
// its own message version in UNH (D:3 for syntax 3). This registry holds the same CONTRL
// definition filed under "D3", so that our CONTRL can be checked against it.
const SchemaRegistry& contrl_d3() {
  static const SchemaRegistry registry = [] {
    const auto dir = std::filesystem::temp_directory_path() / "ordex_ack_contrl_d3";
    std::filesystem::create_directories(dir / "D3");
    for (const char* name : {"dictionary.json", "CONTRL.json"}) {
      std::string text =
          read_file(std::string(ORDEX_SOURCE_DIR) + "/edi/schemas/edifact/D96A/" + name);
      const std::string from = "\"version\": \"D96A\"";
      if (const auto at = text.find(from); at != std::string::npos) {
        text.replace(at, from.size(), "\"version\": \"D3\"");
      }
      std::ofstream(dir / "D3" / name, std::ios::binary) << text;
    }
    SchemaRegistry r = load(SchemaRegistry::from_directory(dir.string()));
    std::filesystem::remove_all(dir);
    return r;
  }();
  return registry;
}

class CollectingSink final : public AckSink {
 public:
  void write(const Ack& ack) override { acks.push_back(ack); }
  std::vector<Ack> acks;
};

std::vector<Ack> acknowledge_validated(const std::string& bytes, AckKind kind) {
  CountingControlNumbers numbers(5001, 7001);
  CollectingSink sink;
  AckBuilder builder(test_options(kind, numbers), sink);
  Validator validator(embedded(), builder);
  MemorySource source(bytes);
  SegmentReader reader(source);
  walk_envelopes(reader, validator, "in/orders.edi");
  return sink.acks;
}

void expect_validates_clean(const Ack& ack, const SchemaRegistry& schemas) {
  RecordingHandler recorder;
  Validator validator(schemas, recorder);
  MemorySource source(ack.bytes);
  SegmentReader reader(source);
  walk_envelopes(reader, validator, ack.file_name);
  for (const Finding& f : recorder.findings) {
    ADD_FAILURE() << f.code.str() << " " << f.segment << "@" << f.segment_position << ": "
                  << f.message << "\n"
                  << ack.bytes;
  }
}

std::string only_ack(const std::string& input, AckKind kind) {
  const std::vector<Ack> acks = acknowledge_validated(input, kind);
  EXPECT_EQ(acks.size(), 1u);
  return acks.empty() ? "" : acks[0].bytes;
}

TEST(AckWithValidator, ValidatorFindingsBecomeAk3Ak4) {
  const std::string ack = only_ack(x12_4010(po("0001", "ZZ")), AckKind::k997);
  EXPECT_NE(ack.find("AK2*850*0001~AK3*BEG*2**8~AK4*2*92*7*ZZ~AK5*R*5~AK9*R*1*1*0~"),
            std::string::npos)
      << ack;
}

TEST(AckWithValidator, LoopTriggerBecomesCtx) {
  const std::string ack = only_ack(po_5010(), AckKind::k999);
  EXPECT_NE(ack.find("IK3*N3*4*N1*8~CTX*SITUATIONAL TRIGGER*N1*3~IK4*1*166*1~IK5*R*5~"),
            std::string::npos)
      << ack;
}

TEST(AckWithValidator, MissingBodySegmentIsAUcs) {
  // The D96A ORDERS needs UNS before UNT: missing (13). ISO 9735-4 puts a missing segment
  // at the position of the last segment processed before it (3), not where it was due.
  const std::string ack = only_ack(kUnb + orders("1") + "UNZ+1+42'", AckKind::kCONTRL);
  EXPECT_NE(ack.find("UCM+1+ORDERS:D:96A:UN+4'UCS+3+13'UNT+5+1'"), std::string::npos) << ack;
}

TEST(AckWithValidator, X12AcksValidateCleanAgainstThe997And999Schemas) {
  for (const std::string& input : {x12_4010(po("0001")), x12_4010(po("0001", "ZZ")),
                                   x12_4010(po("0001", "ZZ") + po("0002"), 2), po_5010()}) {
    for (AckKind kind : {AckKind::k997, AckKind::k999}) {
      for (const Ack& ack : acknowledge_validated(input, kind)) {
        expect_validates_clean(ack, embedded());
      }
    }
  }
}

TEST(AckWithValidator, ContrlValidatesCleanAgainstTheContrlSchema) {
  const std::string bad_dtm = "UNH+1+ORDERS:D:96A:UN'BGM+220+PO1+9'DTM+137:2026XX16:102'UNT+4+1'";
  const std::string ung = "UNG+ORDERS+SENDER+ACMESUPPLY+261116:0815+7+UN+D:96A'";
  for (const std::string& input :
       {kUnb + orders("1") + "UNZ+1+42'", kUnb + bad_dtm + orders("2", 9) + "UNZ+2+42'",
        kUnb + ung + orders("1") + "UNE+1+7'UNZ+1+42'", kUnb + orders("1") + "UNZ+1+43'"}) {
    for (AckKind kind : {AckKind::kCONTRL, AckKind::kTA1}) {
      for (const Ack& ack : acknowledge_validated(input, kind)) {
        expect_validates_clean(ack, contrl_d3());
      }
    }
  }
}

}  // namespace
}  // namespace ordex::edi
